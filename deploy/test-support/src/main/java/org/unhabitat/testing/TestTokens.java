package org.unhabitat.testing;

import org.unhabitat.devkit.DevTokens;

import java.nio.file.Path;
import java.time.Duration;

/** Tokens signed by the key that {@link SuiteInfrastructure} made the service under test trust. */
public final class TestTokens {

    public static String finance() {
        return tokens().mint("finance", null, Duration.ofMinutes(30));
    }

    public static String admin() {
        return tokens().mint("admin", null, Duration.ofMinutes(30));
    }

    public static String partner(String contributorCode) {
        return tokens().mint("partner", contributorCode, Duration.ofMinutes(30));
    }

    public static DevTokens tokens() {
        String keyDirectory = System.getProperty(SuiteInfrastructure.KEY_DIRECTORY_PROPERTY);
        if (keyDirectory == null) {
            throw new IllegalStateException("SuiteInfrastructure has not started: no signing key yet");
        }
        return DevTokens.fromKeyDirectory(Path.of(keyDirectory), SuiteInfrastructure.ISSUER, SuiteInfrastructure.AUDIENCE);
    }

    private TestTokens() {
    }
}
