package org.unhabitat.platform.jdbc;

import java.sql.SQLException;

/**
 * A statement the database refused or could not run; the SQLException, with its SQL state, is the cause, so the
 * problem mappers still tell an outage (503) from a defect, and the inbox's retry a transient failure from poison.
 */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
