package org.unhabitat.contributions.domain;

/** Executing regions as the Executive Board reports them (Figure 3 of the source report). */
public enum Region {
    AFRICA,
    ARAB_STATES,
    ASIA_PACIFIC,
    LATIN_AMERICA_CARIBBEAN,
    EUROPE,
    GLOBAL
}
