package org.unhabitat.platform.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClientNetworkTest {

    @Test
    void anIpv4ClientIsItsOwnAddress() {
        assertEquals("203.0.113.10", ClientNetwork.of("203.0.113.10"));
    }

    @Test
    void everyAddressInsideOneIpv6SlashSixtyFourIsOneClient() {
        String first = ClientNetwork.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals("2001:db8:1:2:0:0:0:0/64", first);
        assertEquals(first, ClientNetwork.of("2001:db8:1:2::1"));
        assertEquals(first, ClientNetwork.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
    }

    @Test
    void neighbouringIpv6NetworksAreDifferentClients() {
        assertNotEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Client() {
        assertEquals("203.0.113.10", ClientNetwork.of("::ffff:203.0.113.10"));
    }

    @Test
    void aZoneIndexDoesNotMakeAnotherClient() {
        assertEquals(ClientNetwork.of("fe80::1"), ClientNetwork.of("fe80::1%eth0"));
    }

    @Test
    void somethingThatIsNotAnAddressIsKeptAsItIsAndNeverLookedUp() {
        assertEquals("not:an-address.example", ClientNetwork.of("not:an-address.example"));
        assertEquals("gg::1", ClientNetwork.of("gg::1"));
    }
}
