package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.Earmarking;
import org.unhabitat.reporting.domain.Region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Consumer view of {@code org.unhabitat.payment.recorded.v1}, still read for the events already on the topic. */
public record PaymentRecordedV1(UUID paymentId, UUID pledgeId, ContributorRef contributor, String budgetLine,
                                String earmarking, String region, String currency, BigDecimal amount, BigDecimal usdAmount,
                                BigDecimal usdAtPledgeRate, LocalDate receivedOn, int forYear, boolean multiYear) {

    public static final String TYPE = "org.unhabitat.payment.recorded.v1";

    public PaymentRecordedV1 {
        EventFields.require(paymentId, "paymentId");
        EventFields.require(pledgeId, "pledgeId");
        EventFields.require(contributor, "contributor");
        EventFields.requireBudgetLine(budgetLine);
        EventFields.requireCode(Earmarking.class, earmarking, "earmarking");
        EventFields.requireCode(Region.class, region, "region");
        EventFields.require(currency, "currency");
        EventFields.requirePositive(amount, "amount");
        EventFields.requireMoney(usdAmount, "usdAmount");
        EventFields.requireMoney(usdAtPledgeRate, "usdAtPledgeRate");
        EventFields.require(receivedOn, "receivedOn");
    }

    /** The same payment as v2 says it: before v2 every pledge was a direct grant with no programme. */
    public PaymentRecordedV2 asV2() {
        return new PaymentRecordedV2(paymentId, pledgeId, contributor, budgetLine, earmarking, region, null, "DIRECT", "GRANT",
                currency, amount, usdAmount, usdAtPledgeRate, receivedOn, forYear, multiYear);
    }
}
