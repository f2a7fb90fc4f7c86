package org.unhabitat.reporting.messaging.events;

import java.time.LocalDate;
import java.util.UUID;

/** Consumer view of {@code org.unhabitat.pledge.cancelled.v1}; the reason stays internal and is not kept here. */
public record PledgeCancelledV1(UUID pledgeId, int version, LocalDate cancelledOn) {

    public static final String TYPE = "org.unhabitat.pledge.cancelled.v1";

    public PledgeCancelledV1 {
        EventFields.require(pledgeId, "pledgeId");
        EventFields.require(cancelledOn, "cancelledOn");
    }
}
