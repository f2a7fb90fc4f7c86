package org.unhabitat.contributions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.unhabitat.contributions.domain.BudgetLine;
import org.unhabitat.contributions.domain.Channel;
import org.unhabitat.contributions.domain.Earmarking;
import org.unhabitat.contributions.domain.Modality;
import org.unhabitat.contributions.domain.PledgeStatus;
import org.unhabitat.contributions.domain.Region;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A pledge in its current version. Amount and schedule of every version live in {@link PledgeVersion};
 * the current amount is repeated here so that lists and filters need no join.
 */
@Entity
@Table(name = "pledge")
public class Pledge extends PanacheEntityBase {

    @Id
    public UUID id;

    /**
     * The place in keyset order, given after commit by {@link PledgeNumbering}; null until then, and
     * never written by Hibernate. Numbers grow in the order pledges are numbered, so pages never miss one.
     */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contributor_code")
    public Contributor contributor;

    @Enumerated(EnumType.STRING)
    @Column(name = "budget_line", nullable = false)
    public BudgetLine budgetLine;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Earmarking earmarking;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Region region;

    /** A programme code learnt from targets-service's events, or null for money with no programme. */
    @Column(name = "programme_code")
    public String programmeCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Modality modality;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false, precision = 22, scale = 4)
    public BigDecimal amount;

    @Column(name = "fx_rate", nullable = false, precision = 24, scale = 10)
    public BigDecimal fxRate;

    @Column(name = "fx_rate_revision", nullable = false)
    public int fxRateRevision;

    @Column(name = "usd_amount", nullable = false, precision = 19, scale = 2)
    public BigDecimal usdAmount;

    @Column(name = "pledged_on", nullable = false)
    public LocalDate pledgedOn;

    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PledgeStatus status;

    @Column(nullable = false)
    public int version;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "written_off", precision = 22, scale = 4)
    public BigDecimal writtenOff;

    @Column(name = "written_off_usd", precision = 19, scale = 2)
    public BigDecimal writtenOffUsd;

    @OneToMany(mappedBy = "pledge", cascade = CascadeType.ALL)
    @OrderBy("version")
    public List<PledgeVersion> versions = new ArrayList<>();

    @OneToMany(mappedBy = "pledge", cascade = CascadeType.ALL)
    @OrderBy("seq")
    public List<Payment> payments = new ArrayList<>();

    /**
     * The pledge if the caller may see it. A partner's scope is part of the query itself, so a
     * pledge of another contributor is never even loaded.
     */
    public static PanacheQuery<Pledge> visibleTo(UUID id, String contributorScope) {
        return contributorScope == null
                ? find("id = ?1", id)
                : find("id = ?1 and contributor.code = ?2", id, contributorScope);
    }

    public PledgeVersion currentVersion() {
        return versions.stream().filter(v -> v.version == version).findFirst()
                .orElseThrow(() -> new IllegalStateException("Pledge " + id + " has no version " + version));
    }
}
