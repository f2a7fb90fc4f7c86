package org.unhabitat.contributions.service.exception;

import org.unhabitat.platform.problem.ConflictException;

import java.util.Map;
import java.util.UUID;

/** The pledge already has a payment with this reference: the same money, recorded again. */
public class DuplicatePaymentReferenceException extends ConflictException {

    private final UUID pledgeId;
    private final UUID existingPaymentId;

    public DuplicatePaymentReferenceException(String reference, UUID pledgeId, UUID existingPaymentId) {
        super("duplicate-payment-reference", "Pledge " + pledgeId + " already has payment " + existingPaymentId
                + " with reference " + reference);
        this.pledgeId = pledgeId;
        this.existingPaymentId = existingPaymentId;
    }

    public UUID pledgeId() {
        return pledgeId;
    }

    public UUID existingPaymentId() {
        return existingPaymentId;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("paymentId", existingPaymentId);
    }
}
