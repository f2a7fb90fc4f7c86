package org.unhabitat.contributions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The amount and schedule of a pledge as recorded (version 1) or as corrected later, with who and why. */
@Entity
@Table(name = "pledge_version")
public class PledgeVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "pledge_id")
    public Pledge pledge;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, precision = 22, scale = 4)
    public BigDecimal amount;

    @Column(name = "usd_amount", nullable = false, precision = 19, scale = 2)
    public BigDecimal usdAmount;

    public String reason;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @OneToMany(mappedBy = "pledgeVersion", cascade = CascadeType.ALL)
    @OrderBy("scheduleYear")
    public List<ScheduleEntry> schedule = new ArrayList<>();
}
