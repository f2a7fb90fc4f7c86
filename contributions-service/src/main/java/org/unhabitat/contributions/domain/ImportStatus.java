package org.unhabitat.contributions.domain;

/** Where a bulk import stands. */
public enum ImportStatus {
    /** Checking and recording its rows. */
    RUNNING,
    /** A dry run, done: what a real run would do, and the problems. */
    CHECKED,
    /** Every row recorded or unchanged. */
    RECORDED,
    /** A row had a problem: nothing recorded. */
    REJECTED,
    /** Stopped by a failure of the service (not of the file): nothing recorded; upload it again. */
    FAILED
}
