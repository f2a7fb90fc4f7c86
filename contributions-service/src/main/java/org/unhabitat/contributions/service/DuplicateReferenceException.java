package org.unhabitat.contributions.service;

import java.util.UUID;

/** The contributor already has a pledge with this reference: a retry without an idempotency key. */
public class DuplicateReferenceException extends ConflictException {

    private final UUID existingPledgeId;

    public DuplicateReferenceException(String reference, UUID existingPledgeId) {
        super("The contributor already has pledge " + existingPledgeId + " with reference " + reference);
        this.existingPledgeId = existingPledgeId;
    }

    public UUID existingPledgeId() {
        return existingPledgeId;
    }
}
