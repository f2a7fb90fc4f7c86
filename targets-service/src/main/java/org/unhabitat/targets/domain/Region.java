package org.unhabitat.targets.domain;

/** Executing regions as the Executive Board reports them, with the codes the other services use too. */
public enum Region {
    AFRICA,
    ARAB_STATES,
    ASIA_PACIFIC,
    LATIN_AMERICA_CARIBBEAN,
    EUROPE,
    GLOBAL
}
