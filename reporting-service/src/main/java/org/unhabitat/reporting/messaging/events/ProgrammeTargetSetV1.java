package org.unhabitat.reporting.messaging.events;

import java.math.BigDecimal;

/** Consumer view of {@code org.unhabitat.programme-target.set.v1}: a programme's target for a year; the highest revision wins. */
public record ProgrammeTargetSetV1(String programme, int year, BigDecimal amountUsd, int revision) {

    public static final String TYPE = "org.unhabitat.programme-target.set.v1";

    public ProgrammeTargetSetV1 {
        EventFields.require(programme, "programme");
        EventFields.requireMoney(amountUsd, "amountUsd");
    }
}
