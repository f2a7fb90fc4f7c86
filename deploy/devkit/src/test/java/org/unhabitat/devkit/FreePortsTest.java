package org.unhabitat.devkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void portsComeFromBelowTheEphemeralRangeThatOutgoingConnectionsUse() {
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertTrue(port >= 20000 && port < FreePorts.ephemeralRangeStart(), "port " + port);
        }
    }

    @Test
    void noPortIsHandedOutTwiceWhileOthersRemain() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertTrue(seen.add(FreePorts.next()), "handed out twice: " + seen);
        }
        assertEquals(500, seen.size());
    }

    @Test
    void aPortSomeoneListensOnIsSkipped() throws IOException {
        int handedOut = FreePorts.next();
        // The walk goes up one port at a time, so the port after the last one handed out is next in line.
        try (ServerSocket taken = new ServerSocket(handedOut + 1)) {
            int next = FreePorts.next();
            assertTrue(next != taken.getLocalPort(), "handed out a port in use: " + next);
        }
    }
}
