package org.unhabitat.reporting.messaging.events;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads records against the event contracts, as a tolerant reader: fields added later within a version
 * are ignored, while a missing or malformed field, or a type or version no contract describes, makes
 * the record poison, as does an event its topic's owner did not write (see {@link TopicOwner}). Only
 * that is poison; whatever happens once an event has been read is not.
 */
@ApplicationScoped
public class EventDecoder {

    /**
     * Every CloudEvents type reporting understands, with the record its data is read into. Void marks
     * a type that changes nothing here but is acknowledged, so that it is not mistaken for an unknown version.
     */
    public static final Map<String, Class<?>> PAYLOAD_TYPES = Map.of(
            PlanLineDefinedV1.TYPE, PlanLineDefinedV1.class,
            AnnualFigureSetV1.TARGET, AnnualFigureSetV1.class,
            AnnualFigureSetV1.APPROVED_BUDGET, AnnualFigureSetV1.class,
            ContributorRegisteredV1.TYPE, ContributorRegisteredV1.class,
            PledgeStateV1.RECORDED, PledgeStateV1.class,
            PledgeStateV1.CORRECTED, PledgeStateV1.class,
            PledgeCancelledV1.TYPE, PledgeCancelledV1.class,
            PaymentRecordedV1.TYPE, PaymentRecordedV1.class,
            "org.unhabitat.exchange-rate.set.v1", Void.class);

    private final ObjectMapper mapper;

    public EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public DecodedRecord decode(ConsumedRecord record) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            TopicOwner owner = TopicOwner.of(record.topic())
                    .orElseThrow(() -> new PoisonEventException("Reporting reads no topic named " + record.topic()));
            owner.refusal(event.source(), event.type()).ifPresent(refusal -> {
                throw new PoisonEventException("Event " + event.id() + " refused: " + refusal);
            });
            Class<?> payloadType = PAYLOAD_TYPES.get(event.type());
            if (payloadType == null) {
                throw new PoisonEventException("Unknown event type " + event.type());
            }
            Object payload = payloadType == Void.class ? null : decode(event, payloadType);
            return new DecodedRecord.Applicable(record, event.id(), event.type(), payload);
        } catch (PoisonEventException e) {
            return new DecodedRecord.Rejected(record, e.getMessage());
        }
    }

    public <T> T decode(IncomingEvent event, Class<T> type) {
        try {
            return mapper.readValue(event.data(), type);
        } catch (JsonProcessingException e) {
            String problem = e.getCause() instanceof PoisonEventException poison ? poison.getMessage() : describe(e);
            throw new PoisonEventException("Event " + event.id() + " of type " + event.type() + " cannot be read: " + problem, e);
        }
    }

    /** Where the data went wrong, in the contract's terms: the reason is shown to operators, never a class name. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException parse && parse.getLocation() != null) {
            return "not valid JSON at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "the field " + field + " is missing or has a value of the wrong type";
        }
        return "the data does not have the shape of the event";
    }
}
