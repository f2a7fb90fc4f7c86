package org.unhabitat.reporting.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.unhabitat.reporting.messaging.events.IncomingEvent;
import org.unhabitat.reporting.messaging.events.PoisonEventException;

/**
 * Reads event data as a tolerant reader: fields added later within a version are ignored, while a
 * missing or malformed field makes the event poison.
 */
@ApplicationScoped
public class EventDecoder {

    private final ObjectMapper mapper;

    public EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public <T> T decode(IncomingEvent event, Class<T> type) {
        try {
            return mapper.readValue(event.data(), type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof PoisonEventException poison ? poison : e;
            throw new PoisonEventException("Event " + event.id() + " of type " + event.type()
                    + " cannot be read: " + cause.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
