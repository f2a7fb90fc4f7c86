package org.unhabitat.contributions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "pledge_id")
    public Pledge pledge;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false, precision = 22, scale = 4)
    public BigDecimal amount;

    /** The rate of the month the money was received in, not the pledge's. */
    @Column(name = "fx_rate", nullable = false, precision = 24, scale = 10)
    public BigDecimal fxRate;

    @Column(name = "fx_rate_revision", nullable = false)
    public int fxRateRevision;

    @Column(name = "usd_amount", nullable = false, precision = 19, scale = 2)
    public BigDecimal usdAmount;

    @Column(name = "usd_at_pledge_rate", nullable = false, precision = 19, scale = 2)
    public BigDecimal usdAtPledgeRate;

    @Column(name = "fx_difference_usd", nullable = false, precision = 19, scale = 2)
    public BigDecimal fxDifferenceUsd;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "for_year", nullable = false)
    public int forYear;

    /** The bank's or partner's id for the payment, unique per pledge; null when none was given. */
    public String reference;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
