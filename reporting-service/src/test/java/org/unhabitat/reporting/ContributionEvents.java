package org.unhabitat.reporting;

import org.unhabitat.testing.KafkaRecords;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Publishes the events of contributions-service and targets-service, in their pinned shapes, to the real broker. */
public final class ContributionEvents {

    public static final String TOPIC = "contributions.events";

    private final String bootstrapServers;
    private final Set<String> registered = new HashSet<>();

    public ContributionEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public record Entry(int year, String amount, String usdAmount) {
    }

    public record Contributor(String code, String name, String type) {
        String json() {
            return "{\"code\":%s,\"name\":%s,\"type\":\"%s\",\"country\":null}".formatted(quoted(code), quoted(name), type);
        }
    }

    public record Pledge(UUID id, Contributor contributor, String budgetLine, String earmarking, String region, String currency,
                  String fxRate, String pledgedOn, List<Entry> schedule) {
    }

    public Pledge pledge(Contributor contributor, String budgetLine, String earmarking, String region, String currency,
                  String fxRate, String pledgedOn, Entry... schedule) {
        Pledge pledge = new Pledge(UUID.randomUUID(), contributor, budgetLine, earmarking, region, currency, fxRate, pledgedOn,
                List.of(schedule));
        record(pledge);
        return pledge;
    }

    /**
     * Records a pledge as contributions-service would: a pledge needs a registered contributor there, so the
     * contributor's own event comes first, once per contributor and publisher.
     */
    public void record(Pledge pledge) {
        if (registered.add(pledge.contributor().code())) {
            register(pledge.contributor());
        }
        publishPledgeState(pledge, 1, "org.unhabitat.pledge.recorded.v1");
    }

    /** A contributor registered, or its name or type changed, as contributions-service announces it. */
    public void register(Contributor contributor) {
        String payload = """
                {"code":%s,"name":%s,"type":"%s","country":null,"registeredAt":"2021-01-04T09:00:00Z"}"""
                .formatted(quoted(contributor.code()), quoted(contributor.name()), contributor.type());
        KafkaRecords.publish(bootstrapServers, TOPIC, contributor.code(), UUID.randomUUID().toString(),
                "org.unhabitat.contributor.registered.v1", payload);
    }

    public void correct(Pledge pledge, int version, Entry... schedule) {
        publishPledgeState(new Pledge(pledge.id(), pledge.contributor(), pledge.budgetLine(), pledge.earmarking(), pledge.region(),
                pledge.currency(), pledge.fxRate(), pledge.pledgedOn(), List.of(schedule)), version, "org.unhabitat.pledge.corrected.v1");
    }

    public String pay(Pledge pledge, String amount, String fxRate, String usdAmount, String usdAtPledgeRate, String receivedOn, int forYear) {
        return payAs(KafkaRecords.ownerOf(TOPIC), pledge, amount, fxRate, usdAmount, usdAtPledgeRate, receivedOn, forYear);
    }

    /** A payment as {@link #pay} publishes it, but written to the topic by {@code source}. */
    public String payAs(String source, Pledge pledge, String amount, String fxRate, String usdAmount, String usdAtPledgeRate,
                        String receivedOn, int forYear) {
        String eventId = UUID.randomUUID().toString();
        String payload = """
                {"paymentId":"%s","pledgeId":"%s","contributor":%s,"budgetLine":"%s","earmarking":"%s","region":"%s",
                 "currency":"%s","amount":"%s","fxRate":"%s","usdAmount":"%s","pledgeFxRate":"%s","usdAtPledgeRate":"%s",
                 "fxDifferenceUsd":"0.00","receivedOn":"%s","forYear":%d,"multiYear":%s,"recordedAt":"%sT12:00:00Z"}"""
                .formatted(UUID.randomUUID(), pledge.id(), pledge.contributor().json(), pledge.budgetLine(), pledge.earmarking(),
                        pledge.region(), pledge.currency(), amount, fxRate, usdAmount, pledge.fxRate(), usdAtPledgeRate, receivedOn,
                        forYear, pledge.schedule().size() > 1, receivedOn);
        KafkaRecords.publishAs(source, bootstrapServers, TOPIC, pledge.id().toString(), eventId, "org.unhabitat.payment.recorded.v1",
                payload);
        return payload;
    }

    public void target(int year, String budgetLine, String amountUsd) {
        KafkaRecords.publish(bootstrapServers, "targets.events", year + ":" + budgetLine, UUID.randomUUID().toString(),
                "org.unhabitat.target.set.v1", """
                        {"year":%d,"budgetLine":"%s","amountUsd":"%s","revision":1,"setBy":"finance","reason":"internal note",
                         "setAt":"2022-03-29T00:00:00Z"}""".formatted(year, budgetLine, amountUsd));
    }

    /** A softly earmarked single-year pledge at {@code fxRate}; returns its id. */
    public UUID pledge(Contributor contributor, String budgetLine, String region, String currency, String amount, String fxRate,
                String pledgedOn) {
        Entry entry = new Entry(Integer.parseInt(pledgedOn.substring(0, 4)), amount, usd(amount, fxRate));
        return pledge(contributor, budgetLine, "SOFTLY_EARMARKED", region, currency, fxRate, pledgedOn, entry).id();
    }

    /** A payment towards {@code forYear} of a softly earmarked single-year pledge, at the pledge's own rate. */
    public void payment(UUID pledgeId, Contributor contributor, String budgetLine, String region, String currency, String amount,
                 String fxRate, String receivedOn, int forYear) {
        Pledge pledge = new Pledge(pledgeId, contributor, budgetLine, "SOFTLY_EARMARKED", region, currency, fxRate, receivedOn,
                List.of(new Entry(forYear, amount, usd(amount, fxRate))));
        pay(pledge, amount, fxRate, usd(amount, fxRate), usd(amount, fxRate), receivedOn, forYear);
    }

    public void cancellation(UUID pledgeId, String cancelledOn) {
        cancel(new Pledge(pledgeId, null, null, null, null, null, null, null, List.of()), 2, cancelledOn);
    }

    public void republish(Pledge pledge, String eventId, String type, String payload) {
        KafkaRecords.publish(bootstrapServers, TOPIC, pledge.id().toString(), eventId, type, payload);
    }

    public void cancel(Pledge pledge, int version, String cancelledOn) {
        String payload = """
                {"pledgeId":"%s","version":%d,"reason":"internal note: partner withdrew","cancelledOn":"%s",
                 "writtenOff":"0.00","writtenOffUsd":"0.00","cancelledAt":"%sT12:00:00Z"}"""
                .formatted(pledge.id(), version, cancelledOn, cancelledOn);
        KafkaRecords.publish(bootstrapServers, TOPIC, pledge.id().toString(), UUID.randomUUID().toString(),
                "org.unhabitat.pledge.cancelled.v1", payload);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String usd(String amount, String fxRate) {
        return new BigDecimal(amount).divide(new BigDecimal(fxRate), 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private void publishPledgeState(Pledge pledge, int version, String type) {
        String schedule = pledge.schedule().stream()
                .map(entry -> "{\"year\":%d,\"amount\":\"%s\",\"usdAmount\":\"%s\"}".formatted(entry.year(), entry.amount(), entry.usdAmount()))
                .collect(Collectors.joining(",", "[", "]"));
        String total = pledge.schedule().stream().map(entry -> new BigDecimal(entry.amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
        String totalUsd = pledge.schedule().stream().map(entry -> new BigDecimal(entry.usdAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
        String payload = """
                {"pledgeId":"%s","version":%d,"contributor":%s,"budgetLine":"%s","earmarking":"%s","region":"%s","currency":"%s",
                 "amount":"%s","fxRate":"%s","usdAmount":"%s","pledgedOn":"%s","schedule":%s,"multiYear":%s,
                 "reference":"ref-%s","recordedAt":"%sT12:00:00Z"%s}"""
                .formatted(pledge.id(), version, pledge.contributor().json(), pledge.budgetLine(), pledge.earmarking(), pledge.region(),
                        pledge.currency(), total, pledge.fxRate(), totalUsd, pledge.pledgedOn(), schedule, pledge.schedule().size() > 1,
                        pledge.id(), pledge.pledgedOn(), version > 1
                                ? ",\"reason\":\"internal note: amended\",\"correctedAt\":\"" + pledge.pledgedOn() + "T13:00:00Z\"" : "");
        KafkaRecords.publish(bootstrapServers, TOPIC, pledge.id().toString(), UUID.randomUUID().toString(), type, payload);
    }
}
