package org.unhabitat.devkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for processes started here, which bind them a moment later. A port taken with
 * {@code new ServerSocket(0)} comes from the kernel's ephemeral range, the same range every
 * outgoing connection (to PostgreSQL, to the broker) draws its local port from, so between closing
 * the probe and the child's bind a client can take it and the child fails with "Address already in
 * use". Ports below that range are only ever taken by listeners, so they are chosen there, each one
 * handed out once per JVM, from a random start so that two JVMs rarely walk the same ports.
 * deploy/lib/suite.sh picks the local run's ports from the same range for the same reason.
 */
public final class FreePorts {

    private static final int LOWEST = 20000;
    private static final int LINUX_EPHEMERAL_DEFAULT_START = 32768;
    private static final int HIGHEST = ephemeralRangeStart() - 1;
    private static final int SPAN = HIGHEST - LOWEST + 1;
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(SPAN));

    private FreePorts() {
    }

    public static int next() {
        for (int tried = 0; tried < SPAN; tried++) {
            int port = LOWEST + Math.floorMod(NEXT.getAndIncrement(), SPAN);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
    }

    static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            // A range configured to start low leaves no room below it; the default is then the best guess.
            return start > LOWEST + 1000 ? start : LINUX_EPHEMERAL_DEFAULT_START;
        } catch (IOException | RuntimeException notLinux) {
            return LINUX_EPHEMERAL_DEFAULT_START;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
