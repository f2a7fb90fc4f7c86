package org.unhabitat.reporting;

import org.unhabitat.testing.KafkaRecords;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/** Publishes the events contributions-service and targets-service publish, in their wire shapes. */
final class ContributionEvents {

    private final String bootstrapServers;

    ContributionEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    record Contributor(String code, String name, String type) {
        String json() {
            return "{\"code\":" + quoted(code) + ",\"name\":" + quoted(name) + ",\"type\":\"" + type + "\",\"country\":null}";
        }
    }

    void target(int year, String budgetLine, String amountUsd) {
        KafkaRecords.publish(bootstrapServers, "targets.events", year + ":" + budgetLine, UUID.randomUUID().toString(),
                "org.unhabitat.target.set.v1", """
                        {"year":%d,"budgetLine":"%s","amountUsd":"%s","revision":1,"setBy":"finance","reason":"internal note","setAt":"2022-03-29T00:00:00Z"}"""
                        .formatted(year, budgetLine, amountUsd));
    }

    /** A single-year pledge; returns its id. */
    UUID pledge(Contributor contributor, String budgetLine, String region, String currency, String amount, String fxRate,
                String pledgedOn) {
        UUID pledgeId = UUID.randomUUID();
        String usd = usd(amount, fxRate);
        int year = Integer.parseInt(pledgedOn.substring(0, 4));
        KafkaRecords.publish(bootstrapServers, "contributions.events", pledgeId.toString(), UUID.randomUUID().toString(),
                "org.unhabitat.pledge.recorded.v1", """
                        {"pledgeId":"%s","version":1,"contributor":%s,"budgetLine":"%s","earmarking":"SOFTLY_EARMARKED",\
                        "region":"%s","currency":"%s","amount":"%s","fxRate":"%s","usdAmount":"%s","pledgedOn":"%s",\
                        "schedule":[{"year":%d,"amount":"%s","usdAmount":"%s"}],"multiYear":false,"reference":"REF-1",\
                        "recordedAt":"%sT10:00:00Z"}"""
                        .formatted(pledgeId, contributor.json(), budgetLine, region, currency, amount, fxRate, usd, pledgedOn,
                                year, amount, usd, pledgedOn));
        return pledgeId;
    }

    /** A payment towards the pledge's schedule year {@code forYear}, at the pledge's own rate. */
    void payment(UUID pledgeId, Contributor contributor, String budgetLine, String region, String currency, String amount,
                 String fxRate, String receivedOn, int forYear) {
        String usd = usd(amount, fxRate);
        KafkaRecords.publish(bootstrapServers, "contributions.events", pledgeId.toString(), UUID.randomUUID().toString(),
                "org.unhabitat.payment.recorded.v1", """
                        {"paymentId":"%s","pledgeId":"%s","contributor":%s,"budgetLine":"%s","earmarking":"SOFTLY_EARMARKED",\
                        "region":"%s","currency":"%s","amount":"%s","fxRate":"%s","usdAmount":"%s","pledgeFxRate":"%s",\
                        "usdAtPledgeRate":"%s","fxDifferenceUsd":"0.00","receivedOn":"%s","forYear":%d,"multiYear":false,\
                        "recordedAt":"%sT10:00:00Z"}"""
                        .formatted(UUID.randomUUID(), pledgeId, contributor.json(), budgetLine, region, currency, amount, fxRate,
                                usd, fxRate, usd, receivedOn, forYear, receivedOn));
    }

    void cancellation(UUID pledgeId, String cancelledOn) {
        KafkaRecords.publish(bootstrapServers, "contributions.events", pledgeId.toString(), UUID.randomUUID().toString(),
                "org.unhabitat.pledge.cancelled.v1", """
                        {"pledgeId":"%s","version":2,"cancelledOn":"%s","reason":"internal: partner withdrew"}"""
                        .formatted(pledgeId, cancelledOn));
    }

    private static String usd(String amount, String fxRate) {
        return new BigDecimal(amount).divide(new BigDecimal(fxRate), 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
