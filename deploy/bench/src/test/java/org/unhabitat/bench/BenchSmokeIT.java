package org.unhabitat.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that the benchmark harness runs from start to end and reports every figure. Whether a
 * figure meets its target is never asserted: speed depends on the machine and on what else runs.
 */
class BenchSmokeIT {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();

    @Test
    void smokeRunPrintsTheTableWithEveryFigure() throws Exception {
        boolean toolsPresent = shell("command -v wrk && command -v pgbench && command -v psql") == 0;
        // bench.sh installs what is missing with apt-get, which only root may do.
        Assumptions.assumeTrue(toolsPresent || shell("[ \"$(id -u)\" = 0 ] && command -v apt-get") == 0,
                "deploy/bench.sh needs wrk and pgbench/psql: apt-get install -y wrk postgresql-client");

        Path output = Files.createTempFile("bench-smoke", ".txt");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/bench.sh").toString(), "--smoke")
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        // Ports of its own, so that a benchmark a developer runs by hand (offset 10000) does not clash.
        builder.environment().put("BENCH_PORT_OFFSET", "20000");
        Process bench = builder.start();
        boolean finished = bench.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            // bench.sh stops its suite on SIGTERM.
            bench.destroy();
            bench.waitFor(2, TimeUnit.MINUTES);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(finished, "deploy/bench.sh --smoke did not finish in 15 minutes:\n" + printed);
        assertEquals(0, bench.exitValue(), "deploy/bench.sh --smoke failed:\n" + printed);
        assertTrue(printed.contains("| id  | what"), "no table header:\n" + printed);
        for (String id : new String[]{"P1", "P2", "P3", "P4", "P5", "P6"}) {
            assertTrue(Pattern.compile("^\\| " + id + " ", Pattern.MULTILINE).matcher(printed).find(),
                    "no row for " + id + ":\n" + printed);
        }
        assertTrue(printed.contains("Machine: ") && printed.contains("Commit: "), "no machine or commit:\n" + printed);
        // The lag by stage joins both databases: events and markers of the P2 step must be found in each.
        assertTrue(Pattern.compile("meanwhile: events=[1-9]").matcher(printed).find(),
                "no event of the lag step was found in both databases:\n" + printed);
        assertTrue(Pattern.compile("from their 201: markers=[1-9]").matcher(printed).find(),
                "no marker of the lag step was found in both databases:\n" + printed);
        Files.delete(output);
    }

    private static int shell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }
}
