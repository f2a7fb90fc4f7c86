package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.unhabitat.reporting.repository.ReadModelRepository;

/**
 * Every report reads one moment of the read model: one REPEATABLE READ transaction, so that received
 * and outstanding, or a line and the totals, can never come from either side of an event being applied.
 * Reports that call other reports share their caller's transaction and moment.
 */
@ApplicationScoped
public class ReportReads {

    private static final String SET = ReportReads.class.getName();

    private final TransactionSynchronizationRegistry transaction;
    private final ReadModelRepository readModel;

    public ReportReads(TransactionSynchronizationRegistry transaction, ReadModelRepository readModel) {
        this.transaction = transaction;
        this.readModel = readModel;
    }

    /** Called first in a report's transaction; read-only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void oneMoment() {
        oneMoment(true);
    }

    /** For a transaction that also writes what it read, such as a month-end snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void oneMoment(boolean readOnly) {
        if (transaction.getResource(SET) == null) {
            readModel.readOneMoment(readOnly);
            transaction.putResource(SET, Boolean.TRUE);
        }
    }
}
