package org.unhabitat.contributions.domain;

import java.math.BigDecimal;

public enum PledgeStatus {
    PLEDGED,
    PARTIALLY_PAID,
    PAID,
    CANCELLED;

    /** The status of a pledge that is not cancelled, from what has been paid against what is pledged. */
    public static PledgeStatus of(BigDecimal paid, BigDecimal pledged) {
        if (paid.signum() == 0) {
            return PLEDGED;
        }
        return paid.compareTo(pledged) >= 0 ? PAID : PARTIALLY_PAID;
    }
}
