package org.unhabitat.devkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 bearer tokens that the suite accepts when it runs locally or under test.
 * Production never uses this class: there the services verify tokens of an external issuer.
 */
public final class DevTokens {

    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String CONTRIBUTOR_CLAIM = "contributor_code";

    private final PrivateKey signingKey;
    private final String issuer;
    private final String audience;

    public DevTokens(PrivateKey signingKey, String issuer, String audience) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** Loads the key pair from {@code keyDirectory}, generating it on first use. */
    public static DevTokens fromKeyDirectory(Path keyDirectory, String issuer, String audience) {
        try {
            Path privateKeyFile = keyDirectory.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(privateKeyFile)) {
                writeKeyPair(generateKeyPair(), keyDirectory);
            }
            byte[] der = pemBody(Files.readString(privateKeyFile));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new DevTokens(key, issuer, audience);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the development signing key from " + keyDirectory, e);
        }
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void writeKeyPair(KeyPair keyPair, Path keyDirectory) throws IOException {
        Files.createDirectories(keyDirectory);
        Path privateKeyFile = keyDirectory.resolve(PRIVATE_KEY_FILE);
        Files.writeString(privateKeyFile, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(keyDirectory.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", keyPair.getPublic().getEncoded()));
    }

    public String mint(String role, String contributorCode, Duration validity) {
        return mint(role, contributorCode, Instant.now(), validity, audience);
    }

    public String mint(String role, String contributorCode, Instant issuedAt, Duration validity, String audienceClaim) {
        String subject = contributorCode == null ? role + "-user" : "partner-" + contributorCode.toLowerCase();
        StringBuilder claims = new StringBuilder()
                .append("{\"iss\":").append(quote(issuer))
                .append(",\"aud\":").append(quote(audienceClaim))
                .append(",\"sub\":").append(quote(subject))
                .append(",\"upn\":").append(quote(subject))
                .append(",\"groups\":[").append(quote(role)).append(']')
                .append(",\"iat\":").append(issuedAt.getEpochSecond())
                .append(",\"exp\":").append(issuedAt.plus(validity).getEpochSecond())
                .append(",\"jti\":").append(quote(UUID.randomUUID().toString()));
        if (contributorCode != null) {
            claims.append(",\"").append(CONTRIBUTOR_CLAIM).append("\":").append(quote(contributorCode));
        }
        claims.append('}');
        return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims.toString());
    }

    public String sign(String headerJson, String claimsJson) {
        String signingInput = base64Url(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String pem) {
        List<String> lines = pem.lines().filter(line -> !line.startsWith("-----")).toList();
        return Base64.getMimeDecoder().decode(lines.stream().collect(Collectors.joining()));
    }
}
