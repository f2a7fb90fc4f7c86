package org.unhabitat.contributions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.unhabitat.contributions.domain.ImportStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** A bulk import: what it did or is doing, and who ran it. */
@Entity
@Table(name = "import_run")
public class ImportRun extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    @Column(name = "rows_read", nullable = false)
    public int rows;

    /** Rows checked so far, while it runs. */
    @Column(name = "rows_done", nullable = false)
    public int done;

    @Column(nullable = false)
    public int created;

    @Column(nullable = false)
    public int unchanged;

    /** The problems as JSON ({row, field, message}), when it ended with some. */
    public String problems;

    @Column(name = "run_by", nullable = false)
    public String runBy;

    @Column(nullable = false)
    public String role;

    @Column(name = "run_at", nullable = false)
    public Instant runAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** When the instance running it last said it still is. */
    @Column(name = "alive_at", nullable = false)
    public Instant aliveAt;

    /** Records how far a running import has got; its own short transaction, so a client polling it sees it. */
    public static void progress(UUID id, int done) {
        update("done = ?1 where id = ?2", done, id);
    }

    /** Stamps the running jobs of this instance as alive. */
    public static void stillRunning(Collection<UUID> ids, Instant now) {
        update("aliveAt = ?1 where id in ?2 and status = ?3", now, ids, ImportStatus.RUNNING);
    }

    /** Marks FAILED every running job not stamped since {@code staleBefore}; returns how many. */
    public static int failAbandoned(Instant staleBefore, Instant now) {
        return update("status = ?1, finishedAt = ?2 where status = ?3 and aliveAt < ?4",
                ImportStatus.FAILED, now, ImportStatus.RUNNING, staleBefore);
    }
}
