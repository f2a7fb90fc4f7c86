package org.unhabitat.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads event data as a tolerant reader: a field a producer adds within a version is ignored, while a missing or
 * malformed field makes the event poison. The service's own strict JSON settings (money as strings, exact dates) apply.
 */
@ApplicationScoped
@IfBuildProperty(name = Inbox.ENABLED, stringValue = "true")
public class EventDecoder {

    private final ObjectMapper mapper;

    public EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public <T> T decode(IncomingEvent event, Class<T> type) {
        try {
            return mapper.readValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("Event " + event.id() + " of type " + event.type() + " cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }
}
