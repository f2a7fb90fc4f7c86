package org.unhabitat.contributions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One revision of a month's operational rate; rows are only ever added. */
@Entity
@Table(name = "exchange_rate")
public class ExchangeRate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String currency;

    /** yyyy-MM */
    @Column(nullable = false)
    public String month;

    @Column(nullable = false)
    public int revision;

    @Column(name = "units_per_usd", nullable = false, precision = 24, scale = 10)
    public BigDecimal unitsPerUsd;

    @Column(name = "set_by", nullable = false)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    public static Optional<ExchangeRate> current(String currency, String month) {
        return find("currency = ?1 and month = ?2 order by revision desc", currency, month).firstResultOptional();
    }

    public static List<ExchangeRate> history(String currency, String month) {
        return list("currency = ?1 and month = ?2 order by revision", currency, month);
    }
}
