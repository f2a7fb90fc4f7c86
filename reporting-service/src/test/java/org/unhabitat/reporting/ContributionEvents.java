package org.unhabitat.reporting;

import org.unhabitat.testing.KafkaRecords;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Publishes contributions-service's events, in the shapes of its pinned contracts, to the real broker. */
final class ContributionEvents {

    static final String TOPIC = "contributions.events";

    private final String bootstrapServers;

    ContributionEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    record Entry(int year, String amount, String usdAmount) {
    }

    record Contributor(String code, String name, String type) {
        String json() {
            return "{\"code\":\"%s\",\"name\":\"%s\",\"type\":\"%s\",\"country\":null}".formatted(code, name, type);
        }
    }

    record Pledge(UUID id, Contributor contributor, String budgetLine, String earmarking, String region, String currency,
                  String fxRate, String pledgedOn, List<Entry> schedule) {
    }

    Pledge pledge(Contributor contributor, String budgetLine, String earmarking, String region, String currency,
                  String fxRate, String pledgedOn, Entry... schedule) {
        Pledge pledge = new Pledge(UUID.randomUUID(), contributor, budgetLine, earmarking, region, currency, fxRate, pledgedOn,
                List.of(schedule));
        publishPledgeState(pledge, 1, "org.unhabitat.pledge.recorded.v1");
        return pledge;
    }

    void correct(Pledge pledge, int version, Entry... schedule) {
        publishPledgeState(new Pledge(pledge.id(), pledge.contributor(), pledge.budgetLine(), pledge.earmarking(), pledge.region(),
                pledge.currency(), pledge.fxRate(), pledge.pledgedOn(), List.of(schedule)), version, "org.unhabitat.pledge.corrected.v1");
    }

    String pay(Pledge pledge, String amount, String fxRate, String usdAmount, String usdAtPledgeRate, String receivedOn, int forYear) {
        String eventId = UUID.randomUUID().toString();
        String payload = """
                {"paymentId":"%s","pledgeId":"%s","contributor":%s,"budgetLine":"%s","earmarking":"%s","region":"%s",
                 "currency":"%s","amount":"%s","fxRate":"%s","usdAmount":"%s","pledgeFxRate":"%s","usdAtPledgeRate":"%s",
                 "fxDifferenceUsd":"0.00","receivedOn":"%s","forYear":%d,"multiYear":%s,"recordedAt":"%sT12:00:00Z"}"""
                .formatted(UUID.randomUUID(), pledge.id(), pledge.contributor().json(), pledge.budgetLine(), pledge.earmarking(),
                        pledge.region(), pledge.currency(), amount, fxRate, usdAmount, pledge.fxRate(), usdAtPledgeRate, receivedOn,
                        forYear, pledge.schedule().size() > 1, receivedOn);
        KafkaRecords.publish(bootstrapServers, TOPIC, pledge.id().toString(), eventId, "org.unhabitat.payment.recorded.v1", payload);
        return payload;
    }

    void republish(Pledge pledge, String eventId, String type, String payload) {
        KafkaRecords.publish(bootstrapServers, TOPIC, pledge.id().toString(), eventId, type, payload);
    }

    void cancel(Pledge pledge, int version, String cancelledOn) {
        String payload = """
                {"pledgeId":"%s","version":%d,"reason":"internal note: partner withdrew","cancelledOn":"%s",
                 "writtenOff":"0.00","writtenOffUsd":"0.00","cancelledAt":"%sT12:00:00Z"}"""
                .formatted(pledge.id(), version, cancelledOn, cancelledOn);
        KafkaRecords.publish(bootstrapServers, TOPIC, pledge.id().toString(), UUID.randomUUID().toString(),
                "org.unhabitat.pledge.cancelled.v1", payload);
    }

    private void publishPledgeState(Pledge pledge, int version, String type) {
        String schedule = pledge.schedule().stream()
                .map(entry -> "{\"year\":%d,\"amount\":\"%s\",\"usdAmount\":\"%s\"}".formatted(entry.year(), entry.amount(), entry.usdAmount()))
                .collect(Collectors.joining(",", "[", "]"));
        String total = pledge.schedule().stream().map(entry -> new java.math.BigDecimal(entry.amount()))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).toPlainString();
        String totalUsd = pledge.schedule().stream().map(entry -> new java.math.BigDecimal(entry.usdAmount()))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).toPlainString();
        String payload = """
                {"pledgeId":"%s","version":%d,"contributor":%s,"budgetLine":"%s","earmarking":"%s","region":"%s","currency":"%s",
                 "amount":"%s","fxRate":"%s","usdAmount":"%s","pledgedOn":"%s","schedule":%s,"multiYear":%s,
                 "reference":"ref-%s","recordedAt":"%sT12:00:00Z"}"""
                .formatted(pledge.id(), version, pledge.contributor().json(), pledge.budgetLine(), pledge.earmarking(), pledge.region(),
                        pledge.currency(), total, pledge.fxRate(), totalUsd, pledge.pledgedOn(), schedule, pledge.schedule().size() > 1,
                        pledge.id(), pledge.pledgedOn());
        KafkaRecords.publish(bootstrapServers, TOPIC, pledge.id().toString(), UUID.randomUUID().toString(), type, payload);
    }
}
