package org.unhabitat.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a public read may run. Consumption is not bounded by it: a batch that times out is retried, not lost. */
@ConfigMapping(prefix = "reporting.reads")
public interface ReportReadsConfig {

    /** Each statement of a report, lock waits included; PostgreSQL's statement_timeout for the report's transaction. */
    @WithDefault("10s")
    Duration statementTimeout();
}
