package org.unhabitat.contributions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.contributions.domain.ContributorType;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads the contributor a pledge names with one statement on the caller's transaction's connection. With it, and
 * the other statements of a pledge POST, that transaction never opens an ORM session: loading the entity did, and
 * the session's opening, flush and close cost more than the statement (deploy/bench/README.md). What it returns is
 * not managed: it names the pledge's contributor in the pledge's rows, answer and event, and nothing changes it.
 */
@ApplicationScoped
public class ContributorLookup {

    private final DataSource dataSource;

    public ContributorLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Contributor> find(String code) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT code, name, type, country, iati_org_ref, registered_at, updated_at
                     FROM contributor WHERE code = ?""")) {
            query.setString(1, code);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(contributor(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static Contributor contributor(ResultSet row) throws SQLException {
        Contributor contributor = new Contributor();
        contributor.code = row.getString("code");
        contributor.name = row.getString("name");
        contributor.type = ContributorType.valueOf(row.getString("type"));
        contributor.country = row.getString("country");
        contributor.iatiOrgRef = row.getString("iati_org_ref");
        contributor.registeredAt = row.getObject("registered_at", OffsetDateTime.class).toInstant();
        contributor.updatedAt = row.getObject("updated_at", OffsetDateTime.class).toInstant();
        return contributor;
    }
}
