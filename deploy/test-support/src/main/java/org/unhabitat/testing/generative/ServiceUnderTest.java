package org.unhabitat.testing.generative;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** What the generative suite needs to know about a service beyond its OpenAPI document. */
public interface ServiceUnderTest {

    /** A token whose role may make the operation. */
    String tokenFor(ApiOperation operation);

    /** A token whose role may not make it (refused with 403, or 404 where the service hides what exists); null if none. */
    default String tokenOfARoleThatMayNot(ApiOperation operation) {
        return null;
    }

    /**
     * Values of the operation's path parameters that name something the request can act on.
     *
     * @param fresh true for a request that may be accepted and change what the path names (a payment
     *              pays a pledge off), so that it gets something of its own; false for one that must
     *              be refused, which may share
     */
    Map<String, String> pathValues(ApiOperation operation, boolean fresh);

    /** Makes a body that was accepted once acceptable again, for instance with a reference of its own. */
    default void makeRepeatable(ApiOperation operation, ObjectNode body) {
    }

    /** Whether valid requests are sent to the operation: false only where another test proves them, with the reason. */
    default boolean sendsValidRequests(ApiOperation operation) {
        return true;
    }

    /** Everything the service can write, compared with equals: a refused request leaves it as it was. */
    Object ledger();
}
