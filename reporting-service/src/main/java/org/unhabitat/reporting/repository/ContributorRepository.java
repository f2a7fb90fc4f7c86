package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unhabitat.platform.jdbc.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Contributors as their own events describe them. Events of one contributor share its partition, so the
 * later one there is the newer; a redriven older event never overwrites a newer one.
 */
@ApplicationScoped
public class ContributorRepository {

    /** A contributor's details, and where in its topic the event that carried them stood. */
    public record ContributorDetails(String code, String name, String type, String country, String iatiOrgRef,
                                     int sourcePartition, long sourceOffset) {
    }

    private final DataSource dataSource;

    public ContributorRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Keeps each contributor's details unless newer ones are stored. A contributor's events reach another
     * partition only if the topic was repartitioned; the later-applied then wins.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepNewest(Collection<ContributorDetails> contributors) {
        if (contributors.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO contributor (code, name, type, country, iati_org_ref, source_partition, source_offset)
                     VALUES (?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country,
                         iati_org_ref = excluded.iati_org_ref, source_partition = excluded.source_partition, source_offset = excluded.source_offset
                     WHERE contributor.source_partition IS DISTINCT FROM excluded.source_partition
                        OR contributor.source_offset < excluded.source_offset""")) {
            for (ContributorDetails contributor : contributors) {
                upsert.setString(1, contributor.code());
                upsert.setString(2, contributor.name());
                upsert.setString(3, contributor.type());
                upsert.setString(4, contributor.country());
                upsert.setString(5, contributor.iatiOrgRef());
                upsert.setInt(6, contributor.sourcePartition());
                upsert.setLong(7, contributor.sourceOffset());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
