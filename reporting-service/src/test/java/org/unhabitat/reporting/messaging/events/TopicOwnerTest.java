package org.unhabitat.reporting.messaging.events;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicOwnerTest {

    @Test
    void eachTopicBelongsToTheServiceThatPublishesIt() {
        assertEquals(Optional.of(TopicOwner.CONTRIBUTIONS), TopicOwner.of("contributions.events"));
        assertEquals(Optional.of(TopicOwner.TARGETS), TopicOwner.of("targets.events"));
        assertEquals(Optional.empty(), TopicOwner.of("reporting.dead-letter"));
    }

    @Test
    void theOwnersOwnEventsOfEveryVersionAreAdmitted() {
        assertEquals(Optional.empty(), TopicOwner.CONTRIBUTIONS.refusal("urn:unhabitat:rm:contributions-service",
                "org.unhabitat.payment.recorded.v1"));
        assertEquals(Optional.empty(), TopicOwner.CONTRIBUTIONS.refusal("urn:unhabitat:rm:contributions-service",
                "org.unhabitat.exchange-rate.set.v1"));
        assertEquals(Optional.empty(), TopicOwner.TARGETS.refusal("urn:unhabitat:rm:targets-service",
                "org.unhabitat.approved-budget.set.v2"));
    }

    @Test
    void anotherSourceIsRefusedEvenWithAnEventTheTopicCarries() {
        assertEquals(Optional.of("Its source urn:unhabitat:rm:targets-service may not write to contributions.events, which only "
                        + "urn:unhabitat:rm:contributions-service writes"),
                TopicOwner.CONTRIBUTIONS.refusal("urn:unhabitat:rm:targets-service", "org.unhabitat.payment.recorded.v1"));
        assertTrue(TopicOwner.TARGETS.refusal(null, "org.unhabitat.target.set.v1").orElseThrow().contains("Its source (none)"));
    }

    @Test
    void theOwnerCannotCarryAnotherServicesAggregateOnItsTopic() {
        assertEquals(Optional.of("Its type org.unhabitat.pledge.recorded.v1 does not belong on targets.events, which carries "
                        + "events of approved-budget, plan, target"),
                TopicOwner.TARGETS.refusal("urn:unhabitat:rm:targets-service", "org.unhabitat.pledge.recorded.v1"));
        assertTrue(TopicOwner.CONTRIBUTIONS.refusal("urn:unhabitat:rm:contributions-service", "pledge.recorded.v1").isPresent());
        assertTrue(TopicOwner.CONTRIBUTIONS.refusal("urn:unhabitat:rm:contributions-service", "org.unhabitat.pledge").isPresent());
    }
}
