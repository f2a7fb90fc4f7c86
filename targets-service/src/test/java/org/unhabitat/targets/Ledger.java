package org.unhabitat.targets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.unhabitat.platform.audit.AuditEntry;

/** Everything the service can write, audit trail included, so a test can prove that requests wrote nothing. */
public final class Ledger {

    public record Counts(Rows.Snapshot rows, long auditEntries) {
    }

    public static Counts counts() {
        return new Counts(Rows.snapshot(), QuarkusTransaction.requiringNew().call(() -> AuditEntry.count()));
    }

    private Ledger() {
    }
}
