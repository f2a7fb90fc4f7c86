package org.unhabitat.contributions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.unhabitat.contributions.config.WebhookConfig;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from reaching into the service's own network (SSRF): only https, and only to public addresses. A
 * url is checked when it is saved, and the address it resolves to is checked again at every connection, which is
 * then made to that very address, so a name that resolves elsewhere later (DNS rebinding) gains nothing. Where
 * {@code webhooks.local-receiver-allowed} is on (the local run and the tests), http://127.0.0.1 is allowed too.
 */
@ApplicationScoped
public class ReceiverGuard {

    /** The one address a developer's own listener may have, where local receivers are allowed. */
    static final String LOCAL_RECEIVER = "127.0.0.1";

    private final boolean localReceiverAllowed;

    @Inject
    public ReceiverGuard(WebhookConfig config) {
        this(config.localReceiverAllowed());
    }

    public ReceiverGuard(boolean localReceiverAllowed) {
        this.localReceiverAllowed = localReceiverAllowed;
    }

    /** Why the url may not be an endpoint, or empty if it may; no name is resolved here, that is done per connection. */
    public Optional<String> refusalOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !uri.isAbsolute()) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        boolean local = isLocalReceiver(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            return Optional.of("must use https");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of("must not name this machine");
        }
        if (name.matches("[0-9.]+") && !name.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            return Optional.of("must write an IPv4 address as four decimal numbers, if at all");
        }
        return literalAddress(host).filter(address -> !local && isForbidden(address))
                .map(address -> "must not point to a private, loopback or link-local address");
    }

    /**
     * Resolves the url's host once and returns the address to connect to. Every address the name has must be public:
     * otherwise one lookup could pass and the connection go to another.
     */
    public InetAddress addressToConnect(URI uri) throws UnknownHostException, RefusedReceiverException {
        Optional<String> refusal = refusalOf(uri.toString());
        if (refusal.isPresent()) {
            throw new RefusedReceiverException("The endpoint " + refusal.get());
        }
        InetAddress[] addresses = InetAddress.getAllByName(uri.getHost());
        boolean local = isLocalReceiver(uri.getHost());
        Optional<InetAddress> forbidden = Arrays.stream(addresses).filter(address -> !local && isForbidden(address)).findFirst();
        if (forbidden.isPresent()) {
            throw new RefusedReceiverException("The endpoint's host resolves to " + forbidden.get().getHostAddress()
                    + ", a private, loopback or link-local address");
        }
        return addresses[0];
    }

    private boolean isLocalReceiver(String host) {
        return localReceiverAllowed && LOCAL_RECEIVER.equals(host);
    }

    /** Any address that is not plainly a public unicast one: loopback, private, link-local, shared, reserved, multicast. */
    public static boolean isForbidden(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0                                          // this network
                    || (first == 100 && second >= 64 && second < 128)  // carrier-grade NAT, 100.64.0.0/10
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240;                                   // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                              // unique local, fc00::/7
                return true;
            }
            if (isMappedOrCompatibleIpv4(bytes)) {
                try {
                    return isForbidden(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ::ffff:a.b.c.d and the deprecated ::a.b.c.d: an IPv4 address in IPv6 clothing. */
    private static boolean isMappedOrCompatibleIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff);
    }

    /** The host as an address if it is written as one (IPv4, or IPv6 in brackets), never looked up by name. */
    private static Optional<InetAddress> literalAddress(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = bare.matches("[0-9.]+");
        boolean ipv6 = bare.contains(":");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A receiver the guard will not connect to. */
    public static class RefusedReceiverException extends Exception {

        public RefusedReceiverException(String message) {
            super(message);
        }
    }
}
