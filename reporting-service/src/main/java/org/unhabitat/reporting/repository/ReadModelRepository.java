package org.unhabitat.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Emptying the derived read model, and the partitions a rebuild asked to replay; callers hold the transaction. */
@ApplicationScoped
public class ReplayRepository {

    private final EntityManager entityManager;

    public ReplayRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** TRUNCATE waits for any event being applied, so none is half in the old model and half in the new. */
    public void emptyReadModel() {
        entityManager.createNativeQuery("""
                TRUNCATE inbox_event, plan_target, annual_target, approved_budget, contributor, pledge_entry, pledge,
                         payment, line_income_by_day, income_by_day, pledge_book""").executeUpdate();
    }

    public void requestReplay(TopicPartition partition) {
        entityManager.createNativeQuery("""
                        INSERT INTO partition_replay (topic, partition_no) VALUES (:topic, :partition)
                        ON CONFLICT (topic, partition_no) DO UPDATE SET requested_at = now()""")
                .setParameter("topic", partition.topic())
                .setParameter("partition", partition.partition())
                .executeUpdate();
    }

    public void replayStarted(TopicPartition partition) {
        entityManager.createNativeQuery("DELETE FROM partition_replay WHERE topic = :topic AND partition_no = :partition")
                .setParameter("topic", partition.topic())
                .setParameter("partition", partition.partition())
                .executeUpdate();
    }

    public Set<TopicPartition> requestedReplays() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT topic, partition_no FROM partition_replay").getResultList();
        return rows.stream().map(row -> new TopicPartition((String) row[0], ((Number) row[1]).intValue()))
                .collect(Collectors.toSet());
    }
}
