package org.unhabitat.reporting.messaging.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.unhabitat.platform.http.JsonSettings;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Both versions of the pledge, payment and contributor events, as the producer pins them, are read into one
 * shape: a v1 event as a direct grant with no programme, each year due by its end; a v2 event with its own
 * programme, channel, modality and due dates.
 */
class EventVersionsTest {

    private static final Path CONTRACTS = Path.of("../contributions-service/src/test/resources/contracts/events");

    private final EventDecoder decoder = new EventDecoder(mapper());

    @Test
    void aVersionOnePledgeIsReadAsADirectGrantWithNoProgrammeDueAtTheEndOfEachYear() throws IOException {
        PledgeStateV2 pledge = decode("pledge.recorded.v1", PledgeStateV2.class);

        assertNull(pledge.programme());
        assertEquals("DIRECT", pledge.channel());
        assertEquals("GRANT", pledge.modality());
        pledge.schedule().forEach(entry -> assertEquals(LocalDate.of(entry.year(), 12, 31), entry.dueOn()));
    }

    @Test
    void aVersionTwoPledgeKeepsItsProgrammeChannelModalityAndDueDates() throws IOException {
        PledgeStateV2 pledge = decode("pledge.recorded.v2", PledgeStateV2.class);

        assertEquals("UIF-FEASIBILITY-FUND", pledge.programme());
        assertEquals("DIRECT", pledge.channel());
        assertEquals("BLENDED", pledge.modality());
        assertEquals(LocalDate.of(2022, 3, 31), pledge.schedule().get(0).dueOn());
        assertEquals(new BigDecimal("1000000.00"), pledge.schedule().get(0).usdAmount());
        assertEquals(LocalDate.of(2023, 3, 31), pledge.schedule().get(1).dueOn());
    }

    @Test
    void aCorrectionIsReadInBothVersionsLikeARecordedPledge() throws IOException {
        assertEquals(LocalDate.of(2023, 12, 31), decode("pledge.corrected.v1", PledgeStateV2.class).schedule().get(1).dueOn());
        assertEquals(LocalDate.of(2022, 6, 30), decode("pledge.corrected.v2", PledgeStateV2.class).schedule().get(0).dueOn());
    }

    @Test
    void bothVersionsOfAPaymentCarryTheSameMoneyAndOnlyVersionTwoItsPledgesPurpose() throws IOException {
        PaymentRecordedV2 v1 = decode("payment.recorded.v1", PaymentRecordedV2.class);
        PaymentRecordedV2 v2 = decode("payment.recorded.v2", PaymentRecordedV2.class);

        assertEquals(v1, v2);
        assertEquals("SEK", v2.currency());
        assertEquals(new BigDecimal("773480.66"), v2.usdAmount());
        assertEquals("DIRECT", v1.channel());
        assertEquals("GRANT", v1.modality());
    }

    @Test
    void onlyAVersionTwoContributorCarriesAnIatiOrganisationIdentifier() throws IOException {
        assertNull(decode("contributor.registered.v1", ContributorRegisteredV2.class).iatiOrgRef());
        assertEquals("SE-0-SE-6-2021004799", decode("contributor.registered.v2", ContributorRegisteredV2.class).iatiOrgRef());
    }

    private <T> T decode(String fixture, Class<T> shape) throws IOException {
        ConsumedRecord record = new ConsumedRecord("contributions.events", 0, 0, "key",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "org.unhabitat." + fixture,
                        "ce_source", TopicOwner.CONTRIBUTIONS.source()),
                Files.readString(CONTRACTS.resolve(fixture + ".json")));
        DecodedRecord decoded = decoder.decode(record);
        return shape.cast(assertInstanceOf(DecodedRecord.Applicable.class, decoded, decoded.toString()).payload());
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonSettings().customize(mapper);
        return mapper;
    }
}
