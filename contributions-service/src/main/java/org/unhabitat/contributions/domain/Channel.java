package org.unhabitat.contributions.domain;

/** How the money came in: directly from the contributor, or through one of the innovative channels of the strategy. */
public enum Channel {
    DIRECT,
    ONLINE_GIVING,
    CROWDFUNDING,
    NATIONAL_COMMITTEE,
    POOLED_FUND,
    GOODWILL_AMBASSADOR
}
