package org.unhabitat.contributions.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.domain.BudgetLine;
import org.unhabitat.contributions.messaging.events.ProgrammeDefinedV1;
import org.unhabitat.platform.http.JsonSettings;
import org.unhabitat.platform.inbox.EventDecoder;
import org.unhabitat.platform.inbox.IncomingEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The consumer's half of the programme events' contract: every programme event targets-service pins in its fixtures is
 * one this service reads, and reads completely. A new programme event type or version breaks this test, not production.
 */
class ProgrammeEventsContractTest {

    private static final Path PRODUCER_CONTRACTS = Path.of("../targets-service/src/test/resources/contracts/events");

    @Test
    void everyProgrammeEventTargetsServicePublishesIsOneThisServiceReads() throws IOException {
        List<String> programmeTypes = fixtures()
                .map(file -> "org.unhabitat." + file.getFileName().toString().replaceFirst("\\.json$", ""))
                .filter(type -> type.startsWith(TargetsEventsConsumer.PROGRAMME_EVENTS))
                .toList();
        assertFalse(programmeTypes.isEmpty(), "targets-service pins no programme event at " + PRODUCER_CONTRACTS.toAbsolutePath());
        assertEquals(List.of(ProgrammeDefinedV1.TYPE), programmeTypes);
    }

    @Test
    void theProgrammeDefinitionFixtureReadsIntoWhatThisServiceKeeps() throws IOException {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonSettings().customize(mapper);
        String fixture = Files.readString(PRODUCER_CONTRACTS.resolve("programme.defined.v1.json"));

        ProgrammeDefinedV1 definition = new EventDecoder(mapper)
                .decode(new IncomingEvent(UUID.randomUUID(), ProgrammeDefinedV1.TYPE, "UIF-FEASIBILITY-FUND", fixture), ProgrammeDefinedV1.class);

        assertEquals(new ProgrammeDefinedV1("UIF-FEASIBILITY-FUND", "Urban Investment Facility: feasibility fund",
                BudgetLine.FOUNDATION_EARMARKED, Instant.parse("2021-11-15T09:00:00Z")), definition);
    }

    private static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(PRODUCER_CONTRACTS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }
}
