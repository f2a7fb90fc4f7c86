package org.unhabitat.reporting.messaging.events;

import org.unhabitat.reporting.domain.Channel;
import org.unhabitat.reporting.domain.Earmarking;
import org.unhabitat.reporting.domain.Modality;
import org.unhabitat.reporting.domain.Region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Consumer view of {@code org.unhabitat.payment.recorded.v2}: v1 with the pledge's programme, channel and
 * modality, so that income can be sliced by them even before the pledge itself has been read. The bank's
 * reference is not kept: it is not published.
 */
public record PaymentRecordedV2(UUID paymentId, UUID pledgeId, ContributorRef contributor, String budgetLine,
                                String earmarking, String region, String programme, String channel, String modality,
                                String currency, BigDecimal amount, BigDecimal usdAmount, BigDecimal usdAtPledgeRate,
                                LocalDate receivedOn, int forYear, boolean multiYear) {

    public static final String TYPE = "org.unhabitat.payment.recorded.v2";

    public PaymentRecordedV2 {
        EventFields.require(paymentId, "paymentId");
        EventFields.require(pledgeId, "pledgeId");
        EventFields.require(contributor, "contributor");
        EventFields.requireBudgetLine(budgetLine);
        EventFields.requireCode(Earmarking.class, earmarking, "earmarking");
        EventFields.requireCode(Region.class, region, "region");
        EventFields.requireCode(Channel.class, channel, "channel");
        EventFields.requireCode(Modality.class, modality, "modality");
        EventFields.require(currency, "currency");
        EventFields.requirePositive(amount, "amount");
        EventFields.requireMoney(usdAmount, "usdAmount");
        EventFields.requireMoney(usdAtPledgeRate, "usdAtPledgeRate");
        EventFields.require(receivedOn, "receivedOn");
    }

    /** Money received in one year that settles a schedule year before it. */
    public boolean settlesPriorYear() {
        return forYear < receivedOn.getYear();
    }
}
