package org.unhabitat.contributions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "pledge_schedule_entry")
public class ScheduleEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "version_id")
    public PledgeVersion pledgeVersion;

    @Column(name = "schedule_year", nullable = false)
    public int scheduleYear;

    @Column(nullable = false, precision = 22, scale = 4)
    public BigDecimal amount;

    @Column(name = "usd_amount", nullable = false, precision = 19, scale = 2)
    public BigDecimal usdAmount;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;
}
