package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.Channel;
import org.unhabitat.reporting.domain.Earmarking;
import org.unhabitat.reporting.domain.Modality;
import org.unhabitat.reporting.domain.Region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Consumer view of {@code org.unhabitat.pledge.recorded.v2} and {@code org.unhabitat.pledge.corrected.v2}: a
 * pledge's complete state at a version, with what it is for (a programme, or none), how the money comes
 * and in what form, and when each year is due. The pledge book is kept in this shape; v1 events are read
 * into it with the values every pledge had before these fields existed.
 */
public record PledgeStateV2(UUID pledgeId, int version, ContributorRef contributor, String budgetLine, String earmarking,
                            String region, String programme, String channel, String modality, String currency,
                            BigDecimal amount, BigDecimal fxRate, BigDecimal usdAmount, LocalDate pledgedOn,
                            List<ScheduleEntry> schedule, boolean multiYear) {

    public static final String RECORDED = "org.unhabitat.pledge.recorded.v2";
    public static final String CORRECTED = "org.unhabitat.pledge.corrected.v2";

    public PledgeStateV2 {
        EventFields.require(pledgeId, "pledgeId");
        EventFields.require(contributor, "contributor");
        EventFields.requireBudgetLine(budgetLine);
        EventFields.requireCode(Earmarking.class, earmarking, "earmarking");
        EventFields.requireCode(Region.class, region, "region");
        EventFields.requireCode(Channel.class, channel, "channel");
        EventFields.requireCode(Modality.class, modality, "modality");
        EventFields.require(currency, "currency");
        EventFields.requirePositive(fxRate, "fxRate");
        EventFields.requireMoney(usdAmount, "usdAmount");
        EventFields.require(pledgedOn, "pledgedOn");
        EventFields.require(schedule, "schedule");
        if (schedule.isEmpty()) {
            throw new PoisonEventException("A pledge without schedule entries");
        }
    }

    public record ScheduleEntry(int year, BigDecimal amount, BigDecimal usdAmount, LocalDate dueOn) {

        public ScheduleEntry {
            EventFields.require(amount, "schedule.amount");
            EventFields.requireMoney(usdAmount, "schedule.usdAmount");
            EventFields.require(dueOn, "schedule.dueOn");
        }
    }
}
