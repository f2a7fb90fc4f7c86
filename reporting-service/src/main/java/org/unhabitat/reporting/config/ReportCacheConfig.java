package org.unhabitat.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public reports kept in memory for the read model's current version. */
@ConfigMapping(prefix = "reporting.report-cache")
public interface ReportCacheConfig {

    /** Reports (a path, its parameters and the representation asked for) kept at most; the least recently read go first. */
    @WithDefault("500")
    int maxEntries();
}
