package org.unhabitat.contributions.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.unhabitat.contributions.service.StoredResponse;

import java.net.URI;

final class Responses {

    /** Sends the stored body text itself, so a replay is byte for byte what the first call returned. */
    static Response of(StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body());
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        return response.build();
    }

    private Responses() {
    }
}
