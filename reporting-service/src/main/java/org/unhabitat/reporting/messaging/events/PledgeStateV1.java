package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.Earmarking;
import org.unhabitat.reporting.domain.Region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.UUID;

/**
 * Consumer view of {@code org.unhabitat.pledge.recorded.v1} and {@code org.unhabitat.pledge.corrected.v1}:
 * both carry a pledge's complete state at a version, so a correction replaces the old figures exactly.
 * Still read for the events already on the topic, in the shape of v2.
 */
public record PledgeStateV1(UUID pledgeId, int version, ContributorRef contributor, String budgetLine, String earmarking,
                            String region, String currency, BigDecimal amount, BigDecimal fxRate, BigDecimal usdAmount,
                            LocalDate pledgedOn, List<ScheduleEntry> schedule, boolean multiYear) {

    public static final String RECORDED = "org.unhabitat.pledge.recorded.v1";
    public static final String CORRECTED = "org.unhabitat.pledge.corrected.v1";

    public PledgeStateV1 {
        EventFields.require(pledgeId, "pledgeId");
        EventFields.require(contributor, "contributor");
        EventFields.requireBudgetLine(budgetLine);
        EventFields.requireCode(Earmarking.class, earmarking, "earmarking");
        EventFields.requireCode(Region.class, region, "region");
        EventFields.require(currency, "currency");
        EventFields.requirePositive(fxRate, "fxRate");
        EventFields.requireMoney(usdAmount, "usdAmount");
        EventFields.require(pledgedOn, "pledgedOn");
        EventFields.require(schedule, "schedule");
        if (schedule.isEmpty()) {
            throw new PoisonEventException("A pledge without schedule entries");
        }
    }

    /** The same pledge as v2 says it: before v2 every pledge was a direct grant with no programme, each year due by its end. */
    public PledgeStateV2 asV2() {
        return new PledgeStateV2(pledgeId, version, contributor, budgetLine, earmarking, region, null, "DIRECT", "GRANT", currency,
                amount, fxRate, usdAmount, pledgedOn, schedule.stream()
                .map(entry -> new PledgeStateV2.ScheduleEntry(entry.year(), entry.amount(), entry.usdAmount(),
                        LocalDate.of(entry.year(), Month.DECEMBER, 31)))
                .toList(), multiYear);
    }

    public record ScheduleEntry(int year, BigDecimal amount, BigDecimal usdAmount) {

        public ScheduleEntry {
            EventFields.require(amount, "schedule.amount");
            EventFields.requireMoney(usdAmount, "schedule.usdAmount");
        }
    }
}
