package org.unhabitat.targets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.unhabitat.platform.outbox.OutboxEvent;
import org.unhabitat.targets.repository.AnnualFigureRevision;
import org.unhabitat.targets.repository.Plan;

/** Counts what the service has written, straight from its database, to prove that a request wrote nothing. */
public final class Rows {

    public record Snapshot(long plans, long revisions, long outboxEvents) {
    }

    public static Snapshot snapshot() {
        return QuarkusTransaction.requiringNew().call(() ->
                new Snapshot(Plan.count(), AnnualFigureRevision.count(), OutboxEvent.count()));
    }

    public static long outboxEventsFor(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", aggregateId));
    }

    private Rows() {
    }
}
