package org.unhabitat.reporting.domain;

/** Executing regions, in the order of the source report's Figure 3. */
public enum Region {
    AFRICA, ARAB_STATES, ASIA_PACIFIC, GLOBAL, LATIN_AMERICA_CARIBBEAN, EUROPE
}
