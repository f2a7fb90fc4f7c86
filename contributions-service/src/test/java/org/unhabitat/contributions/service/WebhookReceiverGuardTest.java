package org.unhabitat.contributions.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The SSRF guard as production has it (no local receiver), and as the local run and the tests have it. */
class WebhookReceiverGuardTest {

    private final ReceiverGuard production = new ReceiverGuard(false);
    private final ReceiverGuard localRun = new ReceiverGuard(true);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://erp.partner.example/hooks", "ftp://erp.partner.example/hooks", "erp.partner.example/hooks",
            "http://127.0.0.1:8080/hooks", "https://127.0.0.1/hooks", "https://127.8.9.10/hooks", "https://[::1]/hooks",
            "https://localhost/hooks", "https://api.localhost/hooks", "https://10.1.2.3/hooks", "https://172.16.0.9/hooks",
            "https://192.168.1.1/hooks", "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/hooks",
            "https://[fd00::5]/hooks", "https://[::ffff:10.0.0.1]/hooks", "https://[::ffff:127.0.0.1]/hooks",
            "https://0.0.0.0/hooks", "https://100.64.0.1/hooks", "https://2130706433/hooks",
            "https://user:password@erp.partner.example/hooks", "https://erp.partner.example/hooks#part", "not a url"})
    void productionRefusesWhenSaved(String url) {
        assertTrue(production.refusalOf(url).isPresent(), url + " must be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://erp.partner.example/hooks", "https://erp.partner.example:8443/hooks?source=unhabitat",
            "https://93.184.216.34/hooks", "https://[2606:4700:4700::1111]/hooks"})
    void productionTakesHttpsToPublicHosts(String url) {
        assertEquals("empty", production.refusalOf(url).map(reason -> reason).orElse("empty"), url);
    }

    @Test
    void theLocalRunTakesPlainHttpToOneLoopbackAddressOnly() {
        assertTrue(localRun.refusalOf("http://127.0.0.1:8089/hooks").isEmpty());
        assertTrue(localRun.refusalOf("https://127.0.0.1:8089/hooks").isEmpty());
        assertEquals("must use https", localRun.refusalOf("http://erp.partner.example/hooks").orElseThrow());
        assertTrue(localRun.refusalOf("http://127.0.0.2/hooks").isPresent());
        assertTrue(localRun.refusalOf("https://10.0.0.1/hooks").isPresent());
        assertTrue(localRun.refusalOf("http://localhost:8089/hooks").isPresent());
    }

    @Test
    void theAddressIsCheckedAgainWhenConnecting() throws Exception {
        ReceiverGuard.RefusedReceiverException refused = assertThrows(ReceiverGuard.RefusedReceiverException.class,
                () -> production.addressToConnect(URI.create("https://127.0.0.1/hooks")));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
        assertEquals(InetAddress.getByName("127.0.0.1"), localRun.addressToConnect(URI.create("http://127.0.0.1:8089/hooks")));
        assertEquals(InetAddress.getByName("93.184.216.34"), production.addressToConnect(URI.create("https://93.184.216.34/hooks")));
    }

    /** A name saved while it looked harmless, resolving to this machine when the delivery connects (DNS rebinding). */
    @Test
    void aNameThatResolvesToAForbiddenAddressIsRefusedAtConnection() throws UnknownHostException {
        String name = InetAddress.getLocalHost().getHostName();
        assumeTrue(!name.contains(":") && ReceiverGuard.isForbidden(InetAddress.getByName(name)),
                "this machine's name resolves to a public address");
        URI url = URI.create("https://" + name + "/hooks");
        assertTrue(production.refusalOf(url.toString()).isEmpty(), "a name is not resolved when saved");
        ReceiverGuard.RefusedReceiverException refused = assertThrows(ReceiverGuard.RefusedReceiverException.class,
                () -> production.addressToConnect(url));
        assertTrue(refused.getMessage().contains("resolves to"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.0.1", "169.254.0.1", "0.0.0.0", "100.100.0.1",
            "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "ff02::1", "::ffff:192.168.0.1"})
    void privateLoopbackLinkLocalAndReservedAddressesAreForbidden(String address) throws UnknownHostException {
        assertTrue(ReceiverGuard.isForbidden(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111"})
    void publicAddressesAreNot(String address) throws UnknownHostException {
        assertFalse(ReceiverGuard.isForbidden(InetAddress.getByName(address)), address);
    }
}
