package org.unhabitat.platform.problem;

import java.net.ConnectException;
import java.sql.SQLException;

/**
 * Recognises a failure that only means the database cannot serve this request at the moment (it is
 * restarting, the pool had no free connection within its acquisition timeout, or a statement ran past
 * the statement timeout), so that the client hears 503 and retries, instead of a 500 that reads like a
 * defect. Every wait on the database is bounded by one of those timeouts, and each ends here.
 */
final class DatabaseUnavailable {

    static boolean isCauseOf(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof ConnectException
                || cause instanceof SQLException sql && unavailable(sql));
    }

    /**
     * SQLSTATE class 08 is a connection failure, 57P01-57P03 a server shutting down or starting up,
     * 57014 a statement cancelled by statement_timeout and 55P03 a lock not granted within lock_timeout;
     * Agroal's acquisition timeout carries no SQLSTATE at all, only its message.
     */
    private static boolean unavailable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || state.startsWith("57P") || state.equals("57014") || state.equals("55P03");
        }
        return sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
    }

    private DatabaseUnavailable() {
    }
}
