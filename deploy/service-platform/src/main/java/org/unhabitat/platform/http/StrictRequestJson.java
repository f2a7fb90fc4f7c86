package org.unhabitat.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper the REST layer reads request bodies with (and writes responses with, exactly as the
 * application's own mapper does): {@link JsonSettings#strictRequests}. Other readers of JSON in a
 * service, such as event consumers, keep the application's mapper.
 */
@Provider
public class StrictRequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictRequestJson(ObjectMapper mapper) {
        this.strict = JsonSettings.strictRequests(mapper);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
