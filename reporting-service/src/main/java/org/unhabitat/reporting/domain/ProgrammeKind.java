package org.unhabitat.reporting.domain;

/** What a programme is: money raised for something narrower than a budget line. */
public enum ProgrammeKind {
    THEMATIC_WINDOW, FUND, APPEAL, PLEDGING_EVENT, PROJECT
}
