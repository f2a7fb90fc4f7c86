package org.unhabitat.contributions.service.exception;

import org.unhabitat.platform.problem.ConflictException;

import java.util.Map;
import java.util.UUID;

/** The contributor already has a pledge with this reference: a retry without an idempotency key. */
public class DuplicateReferenceException extends ConflictException {

    private final UUID existingPledgeId;

    public DuplicateReferenceException(String reference, UUID existingPledgeId) {
        super("duplicate-reference", "The contributor already has pledge " + existingPledgeId + " with reference " + reference);
        this.existingPledgeId = existingPledgeId;
    }

    public UUID existingPledgeId() {
        return existingPledgeId;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("pledgeId", existingPledgeId);
    }
}
