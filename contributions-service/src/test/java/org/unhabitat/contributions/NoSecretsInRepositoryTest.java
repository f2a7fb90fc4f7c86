package org.unhabitat.contributions;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No key or password is committed anywhere in the suite: the development key pair is generated on
 * first run, and production secrets come from the environment. Scans the whole repository, not just
 * this service, because a secret anywhere in it is everyone's problem.
 */
class NoSecretsInRepositoryTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SKIPPED = Set.of("target", ".git", "data", "node_modules", ".idea");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    /** A secret-looking property with a literal value outside the dev and test profiles. */
    private static final Pattern LITERAL_SECRET = Pattern.compile(
            "^(?!%dev\\.|%test\\.)[^#=]*(password|secret|private-key|api-key|token)[^=]*=\\s*(?!\\$\\{)\\S.*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    @Test
    void noPrivateKeyOrLiteralPasswordIsCommitted() throws IOException {
        assertTrue(Files.exists(ROOT.resolve("pom.xml")) && Files.exists(ROOT.resolve("contributions-service")),
                "the scan starts at the repository root: " + ROOT);
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).filter(NoSecretsInRepositoryTest::scanned).toList()) {
                String text = read(file);
                if (PRIVATE_KEY.matcher(text).find()) {
                    findings.add(ROOT.relativize(file) + ": a private key");
                }
                if (file.getFileName().toString().endsWith(".properties") && LITERAL_SECRET.matcher(text).find()) {
                    findings.add(ROOT.relativize(file) + ": a literal secret");
                }
            }
        }
        assertEquals(List.of(), findings);
    }

    private static boolean scanned(Path file) {
        for (Path part : ROOT.relativize(file)) {
            if (SKIPPED.contains(part.toString())) {
                return false;
            }
        }
        return !file.toString().endsWith(".jar");
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return "";
        }
    }
}
