package org.unhabitat.reporting.service;

import org.apache.kafka.common.errors.RetriableException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Set;

/** Tells a failure that time may heal from one that would fail the same way on every retry. */
public final class Failures {

    /**
     * SQLSTATE classes: connection exception, transaction rollback (serialization failures and deadlocks),
     * insufficient resources, operator intervention (a server shutting down or starting up).
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57");
    /** lock_not_available: another transaction held a lock for longer than a statement may wait. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final int MAX_DEPTH = 20;

    public static boolean isTransient(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof RetriableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Agroal's acquisition timeout, and a connection lost mid-statement, carry no SQLSTATE.
                return state == null || LOCK_NOT_AVAILABLE.equals(state)
                        || TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, Math.min(2, state.length())));
            }
        }
        return false;
    }

    /**
     * Why a valid event was not applied, for operators: the SQLSTATE says what kind of refusal it was,
     * the service log says more under the incident id. No SQL or class name.
     */
    public static String reasonNotApplied(Throwable failure, String incident) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return "The database refused it (SQLSTATE " + sql.getSQLState() + "); incident " + incident + " in the service log";
            }
        }
        return "It could not be applied; incident " + incident + " in the service log";
    }

    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < MAX_DEPTH; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    private Failures() {
    }
}
