package org.unhabitat.contributions.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook can announce, by the names partners subscribe to. */
public enum WebhookEventType {
    PLEDGE_RECORDED("pledge.recorded"),
    PLEDGE_CORRECTED("pledge.corrected"),
    PLEDGE_CANCELLED("pledge.cancelled"),
    PAYMENT_RECORDED("payment.recorded"),
    INSTALMENT_OVERDUE("instalment.overdue");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
