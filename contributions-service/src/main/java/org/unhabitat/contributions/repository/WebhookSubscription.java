package org.unhabitat.contributions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A partner's (or finance's) endpoint and the events it wants. A null contributor code means every contributor. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    private static final String SEPARATOR = ",";

    @Id
    public UUID id;

    @Column(name = "contributor_code")
    public String contributorCode;

    @Column(nullable = false)
    public String url;

    /** The event names, comma-separated: a short fixed vocabulary, read with the row. */
    @Column(nullable = false)
    public String events;

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** Since when every attempt to this endpoint has failed; null after any success. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> eventNames() {
        return Arrays.asList(events.split(SEPARATOR));
    }

    public void eventNames(List<String> names) {
        events = String.join(SEPARATOR, names);
    }

    /** The endpoint if the caller may see it: finance any, a partner those of its own code. */
    public static PanacheQuery<WebhookSubscription> visibleTo(UUID id, String contributorScope) {
        return contributorScope == null
                ? find("id = ?1", id)
                : find("id = ?1 and contributorCode = ?2", id, contributorScope);
    }

    public static List<WebhookSubscription> listVisibleTo(String contributorScope) {
        return contributorScope == null
                ? list("order by createdAt, id")
                : list("contributorCode = ?1 order by createdAt, id", contributorScope);
    }

    /** Whether this endpoint, enabled, wants this event of this contributor's pledges. */
    public boolean wants(String pledgeContributorCode, String eventName) {
        return enabled && (contributorCode == null || contributorCode.equals(pledgeContributorCode)) && eventNames().contains(eventName);
    }

    /** The enabled endpoints that want this event of this contributor's pledges. */
    public static List<WebhookSubscription> listening(String contributorCode, String eventName) {
        return WebhookSubscription.<WebhookSubscription>list("enabled = true and (contributorCode is null or contributorCode = ?1)",
                        contributorCode).stream()
                .filter(subscription -> subscription.wants(contributorCode, eventName))
                .toList();
    }

    /** Every enabled endpoint: what a batch of published events is matched against, read once for the batch. */
    public static List<WebhookSubscription> enabled() {
        return list("enabled = true");
    }
}
