package org.unhabitat.contributions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A bulk import that was recorded, with who ran it; written in the transaction of the rows it created. */
@Entity
@Table(name = "import_run")
public class ImportRun extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Column(name = "rows_read", nullable = false)
    public int rows;

    @Column(nullable = false)
    public int created;

    @Column(nullable = false)
    public int unchanged;

    @Column(name = "run_by", nullable = false)
    public String runBy;

    @Column(nullable = false)
    public String role;

    @Column(name = "run_at", nullable = false)
    public Instant runAt;
}
