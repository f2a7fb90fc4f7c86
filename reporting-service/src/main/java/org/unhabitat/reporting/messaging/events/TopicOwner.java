package org.unhabitat.reporting.messaging.events;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Who may write to each topic reporting reads, and which aggregates' events belong there. Reporting
 * publishes money and targets to the world, so a record is believed only when it comes from the
 * service that owns its topic ({@code ce_source}) and is about one of that service's aggregates
 * ({@code ce_type} {@code org.unhabitat.<aggregate>.<change>.v<n>}). The broker's ACLs already keep
 * other writers out; this holds even where they are missing or too wide.
 */
public enum TopicOwner {

    CONTRIBUTIONS("contributions.events", "urn:unhabitat:rm:contributions-service",
            Set.of("contributor", "exchange-rate", "pledge", "payment")),
    TARGETS("targets.events", "urn:unhabitat:rm:targets-service",
            Set.of("plan", "target", "approved-budget"));

    private static final String TYPE_PREFIX = "org.unhabitat.";

    private final String topic;
    private final String source;
    private final Set<String> aggregates;

    TopicOwner(String topic, String source, Set<String> aggregates) {
        this.topic = topic;
        this.source = source;
        this.aggregates = aggregates;
    }

    public static Optional<TopicOwner> of(String topic) {
        return Arrays.stream(values()).filter(owner -> owner.topic.equals(topic)).findFirst();
    }

    public String topic() {
        return topic;
    }

    public String source() {
        return source;
    }

    /** Why the event does not belong on this owner's topic, or empty when it does. */
    public Optional<String> refusal(String eventSource, String eventType) {
        if (!source.equals(eventSource)) {
            return Optional.of("Its source " + (eventSource == null ? "(none)" : eventSource) + " may not write to " + topic
                    + ", which only " + source + " writes");
        }
        if (!aggregates.contains(aggregateOf(eventType))) {
            return Optional.of("Its type " + eventType + " does not belong on " + topic + ", which carries events of "
                    + String.join(", ", aggregates.stream().sorted().toList()));
        }
        return Optional.empty();
    }

    private static String aggregateOf(String type) {
        if (!type.startsWith(TYPE_PREFIX)) {
            return "";
        }
        String rest = type.substring(TYPE_PREFIX.length());
        int end = rest.indexOf('.');
        return end < 0 ? "" : rest.substring(0, end);
    }
}
