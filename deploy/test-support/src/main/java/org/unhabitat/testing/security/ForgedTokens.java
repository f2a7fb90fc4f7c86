package org.unhabitat.testing.security;

import org.unhabitat.devkit.DevTokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Tokens an attacker can make (OWASP API2): each is wrong in exactly one way, so a service that
 * accepts one of them has lost exactly that check.
 */
public final class ForgedTokens {

    /** The kinds of bad token that {@link #all} makes, for parameterized tests that need names before the tokens. */
    public static final List<String> KINDS = List.of("signed by another key", "expired beyond the clock skew",
            "another issuer", "another audience", "no audience", "no expiry", "alg none", "HS256 keyed with the public key",
            "partner claims escalated to finance after signing", "signature stripped", "not a JWT");

    private static final String RS256 = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    /** @return each kind of bad token by its name in {@link #KINDS}; all claim the finance role */
    public static Map<String, String> all(DevTokens trusted, String issuer, String audience) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> tokens = new LinkedHashMap<>();
        DevTokens stranger = new DevTokens(DevTokens.generateKeyPair().getPrivate(), issuer, audience);
        tokens.put("signed by another key", stranger.mint("finance", null, Duration.ofMinutes(5)));
        tokens.put("expired beyond the clock skew", trusted.mint("finance", null, Instant.now().minusSeconds(600),
                Duration.ofSeconds(600 - 90), audience));
        tokens.put("another issuer", trusted.sign(RS256, claims("https://issuer.attacker.invalid", audience, now, now + 300)));
        tokens.put("another audience", trusted.mint("finance", null, Instant.now(), Duration.ofMinutes(5), "another-api"));
        tokens.put("no audience", trusted.sign(RS256, claims(issuer, null, now, now + 300)));
        tokens.put("no expiry", trusted.sign(RS256, claims(issuer, audience, now, null)));
        String good = trusted.mint("partner", "SWE", Duration.ofMinutes(5));
        tokens.put("alg none", unsigned(claims(issuer, audience, now, now + 300)));
        tokens.put("HS256 keyed with the public key", hs256WithPublicKey(claims(issuer, audience, now, now + 300)));
        tokens.put("partner claims escalated to finance after signing", escalated(good));
        tokens.put("signature stripped", good.substring(0, good.lastIndexOf('.') + 1));
        tokens.put("not a JWT", "definitely-not-a-jwt");
        if (!tokens.keySet().equals(new LinkedHashSet<>(KINDS))) {
            throw new IllegalStateException("KINDS must name exactly the tokens made here");
        }
        return tokens;
    }

    private static String claims(String issuer, String audience, long issuedAt, Long expiry) {
        StringBuilder claims = new StringBuilder("{\"iss\":\"" + issuer + "\",\"sub\":\"attacker\",\"upn\":\"attacker\""
                + ",\"groups\":[\"finance\"],\"iat\":" + issuedAt);
        if (audience != null) {
            claims.append(",\"aud\":\"").append(audience).append('"');
        }
        if (expiry != null) {
            claims.append(",\"exp\":").append(expiry);
        }
        return claims.append('}').toString();
    }

    private static String unsigned(String claims) {
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(claims) + ".";
    }

    /** The classic algorithm confusion: the verifier's own public key used as an HMAC secret. */
    private static String hs256WithPublicKey(String claims) {
        String signingInput = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Files.readAllBytes(publicKeyFile()), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escalated(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"partner\"", "\"finance\"");
        return parts[0] + "." + base64(claims) + "." + parts[2];
    }

    private static Path publicKeyFile() {
        return Path.of(System.getProperty(org.unhabitat.testing.SuiteInfrastructure.KEY_DIRECTORY_PROPERTY), DevTokens.PUBLIC_KEY_FILE);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private ForgedTokens() {
    }
}
