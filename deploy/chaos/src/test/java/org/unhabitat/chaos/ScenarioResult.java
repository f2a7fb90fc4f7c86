package org.unhabitat.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** One row of the fault-injection table. */
record ScenarioResult(String scenario, int operations, int acknowledged, int inLedger, int inReports, int lost,
                      int duplicated, Duration converge, String note) {

    private static final String HEADER = "| scenario | operations | acknowledged | in ledger | in reports | lost | duplicated | time to converge | notes |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---|\n";

    String row() {
        return "| %s | %d | %d | %d | %d | %d | %d | %s | %s |".formatted(scenario, operations, acknowledged, inLedger,
                inReports, lost, duplicated, converge == null ? "-" : String.format(Locale.ROOT, "%.1f s", converge.toMillis() / 1000.0), note);
    }

    static String table(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder(HEADER);
        results.forEach(result -> table.append(result.row()).append('\n'));
        return table.toString();
    }

    static void write(List<ScenarioResult> results, Path file, String settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, settings + "\n\n" + table(results));
    }
}
