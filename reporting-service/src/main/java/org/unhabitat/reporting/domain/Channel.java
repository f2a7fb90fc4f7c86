package org.unhabitat.reporting.domain;

/** How money came in: directly, or through one of the innovative channels the source report tracks (its Figure 1). */
public enum Channel {
    DIRECT, ONLINE_GIVING, CROWDFUNDING, NATIONAL_COMMITTEE, POOLED_FUND, GOODWILL_AMBASSADOR
}
