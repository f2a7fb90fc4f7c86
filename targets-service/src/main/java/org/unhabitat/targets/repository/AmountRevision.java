package org.unhabitat.targets.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One revision of a USD amount that is revised rather than overwritten: an income target or approved budget of a
 * budget line, or a programme's target. What it is the amount of lives in the subclass; who, when and why live here.
 */
@MappedSuperclass
public abstract class AmountRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int revision;

    @Column(name = "amount_usd", nullable = false, precision = 15, scale = 2)
    public BigDecimal amountUsd;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(nullable = false, length = 1000)
    public String reason;
}
