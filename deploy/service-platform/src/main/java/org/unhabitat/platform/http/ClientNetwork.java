package org.unhabitat.platform.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The network a client address stands for when budgets are counted. An IPv4 address is one client.
 * An IPv6 client usually holds a whole /64 (SLAAC, privacy addresses) and can pick any address in it,
 * so its budget belongs to the /64: rotating addresses inside it must not buy a fresh budget.
 */
final class ClientNetwork {

    private static final int IPV6_PREFIX_BYTES = 8;
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /** A budget key for the address as the server saw it (a literal, never a host name to resolve). */
    static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        String literal = stripZone(address);
        if (!LITERAL.matcher(literal).matches()) {
            return address;
        }
        byte[] bytes;
        try {
            // Only hex digits, colons and dots reach here: parsed as a literal, never looked up.
            bytes = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException notALiteral) {
            return address;
        }
        if (bytes.length == 4) {
            // An IPv4-mapped IPv6 address is an IPv4 client.
            return address.substring(address.lastIndexOf(':') + 1);
        }
        Arrays.fill(bytes, IPV6_PREFIX_BYTES, bytes.length, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String stripZone(String address) {
        int zone = address.indexOf('%');
        return zone < 0 ? address : address.substring(0, zone);
    }

    private ClientNetwork() {
    }
}
