package org.unhabitat.targets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.unhabitat.platform.outbox.OutboxEvent;
import org.unhabitat.targets.repository.AnnualFigureRevision;
import org.unhabitat.targets.repository.Plan;
import org.unhabitat.targets.repository.Programme;
import org.unhabitat.targets.repository.ProgrammeTargetRevision;

/** Counts what the service has written, straight from its database, to prove that a request wrote nothing. */
public final class Rows {

    public record Snapshot(long plans, long revisions, long programmes, long programmeTargetRevisions, long outboxEvents) {
    }

    public static Snapshot snapshot() {
        return QuarkusTransaction.requiringNew().call(() ->
                new Snapshot(Plan.count(), AnnualFigureRevision.count(), Programme.count(), ProgrammeTargetRevision.count(),
                        OutboxEvent.count()));
    }

    public static long outboxEventsFor(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", aggregateId));
    }

    private Rows() {
    }
}
