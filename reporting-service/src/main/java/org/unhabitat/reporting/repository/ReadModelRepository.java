package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.unhabitat.reporting.config.ReportReadsConfig;

/** The read model as a whole: everything derived from events, which a rebuild empties and replays. */
@ApplicationScoped
public class ReadModelRepository {

    private final EntityManager entityManager;
    private final ReportReadsConfig reads;

    public ReadModelRepository(EntityManager entityManager, ReportReadsConfig reads) {
        this.entityManager = entityManager;
        this.reads = reads;
    }

    /**
     * Empties every table derived from events, and the inbox. Month-end snapshots and dead letters are kept:
     * the first are frozen, the second say what the replay will meet again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void empty() {
        entityManager.createNativeQuery("""
                TRUNCATE inbox_event, plan_target, annual_target, approved_budget, contributor, programme, programme_target, pledge_entry, pledge,
                         pledge_cancellation, payment, line_income_by_day, line_income_by_year, income_by_day, pledge_book, flow_book,
                         flow_income_by_day, flow_book_summary, flow_income_by_year""").executeUpdate();
    }

    /**
     * Makes the rest of this transaction read one snapshot of the database, so that a report's figures all
     * come from one moment even while events are applied. Only the first call in a transaction sets it;
     * it must come before the transaction's first query.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readOneMoment(boolean readOnly) {
        // A public read waits a bounded time, lock waits included, and then answers 503 with Retry-After. Both
        // settings go in one string, which the driver sends in one round trip: under load each round trip is a
        // wait for a core, and a report's time from a change to its first reader is mostly such waits.
        entityManager.createNativeQuery(readOnly
                ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL statement_timeout = "
                        + reads.statementTimeout().toMillis()
                : "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
    }
}
