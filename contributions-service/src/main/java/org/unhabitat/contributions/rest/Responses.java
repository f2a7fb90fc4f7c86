package org.unhabitat.contributions.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.unhabitat.contributions.service.WriteReceipt;

import java.net.URI;

/** The stored body text itself is sent, so a replay is byte for byte what the first call returned. */
final class Responses {

    /** 201, with the Location of what the write created. */
    static Response created(WriteReceipt receipt, String locationPrefix) {
        return Response.created(URI.create(locationPrefix + receipt.createdId()))
                .type(MediaType.APPLICATION_JSON).entity(receipt.body()).build();
    }

    /** 200, for a change to something that exists. */
    static Response changed(WriteReceipt receipt) {
        return Response.ok(receipt.body(), MediaType.APPLICATION_JSON).build();
    }

    private Responses() {
    }
}
