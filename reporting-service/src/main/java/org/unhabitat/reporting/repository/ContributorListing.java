package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The public list of contributors, as their own events describe them. Individuals are never read from here. */
@ApplicationScoped
public class ContributorListing {

    public record ListedContributor(String code, String name, String type, String country) {
    }

    private final DataSource dataSource;

    public ContributorListing(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} contributors by code after {@code afterCode} (from the first when null), of one type or all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ListedContributor> page(String type, String afterCode, int limit) {
        String sql = "SELECT code, name, type, country FROM contributor WHERE type <> 'INDIVIDUAL'"
                + (type == null ? "" : " AND type = ?") + (afterCode == null ? "" : " AND code > ?") + " ORDER BY code LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (type != null) {
                select.setString(parameter++, type);
            }
            if (afterCode != null) {
                select.setString(parameter++, afterCode);
            }
            select.setInt(parameter, limit);
            List<ListedContributor> page = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(read(rows));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** A contributor that may be named: empty for an individual, as for an unknown code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ListedContributor> publicOne(String code) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT code, name, type, country FROM contributor WHERE code = ? AND type <> 'INDIVIDUAL'")) {
            select.setString(1, code);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static ListedContributor read(ResultSet rows) throws SQLException {
        String country = rows.getString(4);
        return new ListedContributor(rows.getString(1), rows.getString(2), rows.getString(3), country == null ? null : country.trim());
    }
}
