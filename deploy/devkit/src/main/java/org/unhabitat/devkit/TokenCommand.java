package org.unhabitat.devkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** {@code deploy/token.sh ROLE [CONTRIBUTOR_CODE]}: prints a token that the local suite accepts. */
public final class TokenCommand {

    private static final Set<String> ROLES = Set.of("partner", "finance", "admin");

    public static void main(String[] args) {
        if (args.length < 4 || !ROLES.contains(args[3])) {
            System.err.println("usage: token.sh partner|finance|admin [CONTRIBUTOR_CODE]");
            System.exit(2);
        }
        Path keyDirectory = Path.of(args[0]);
        String role = args[3];
        String contributorCode = args.length > 4 ? args[4] : null;
        if ("partner".equals(role) && contributorCode == null) {
            System.err.println("a partner token needs the partner's contributor code, e.g. token.sh partner SWE");
            System.exit(2);
        }
        DevTokens tokens = DevTokens.fromKeyDirectory(keyDirectory, args[1], args[2]);
        System.out.println(tokens.mint(role, contributorCode, Duration.ofHours(12)));
    }

    private TokenCommand() {
    }
}
