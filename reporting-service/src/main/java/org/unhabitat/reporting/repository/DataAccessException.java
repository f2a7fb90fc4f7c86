package org.unhabitat.reporting.repository;

import java.sql.SQLException;

/** A statement the database refused or could not run; the SQLException, with its SQL state, is the cause. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
