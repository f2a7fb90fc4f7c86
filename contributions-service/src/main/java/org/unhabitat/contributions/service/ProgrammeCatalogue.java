package org.unhabitat.contributions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.unhabitat.contributions.domain.BudgetLine;
import org.unhabitat.contributions.messaging.events.ProgrammeDefinedV1;
import org.unhabitat.contributions.repository.KnownProgramme;
import org.unhabitat.contributions.service.exception.UnknownProgrammeException;
import org.unhabitat.platform.inbox.Inbox;
import org.unhabitat.platform.inbox.IncomingEvent;
import org.unhabitat.platform.problem.ProblemException;
import org.unhabitat.platform.problem.UnprocessableException;

/**
 * This service's own copy of the programme codes targets-service defines, kept from its events, so that a pledge to
 * an unknown programme is refused without a synchronous call.
 */
@ApplicationScoped
public class ProgrammeCatalogue {

    private static final Logger LOG = Logger.getLogger(ProgrammeCatalogue.class);

    private final Inbox inbox;

    public ProgrammeCatalogue(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Learns a programme's definition, once per event: the event id is recorded in the same transaction. A definition
     * older than the one known (a replay after a reset of the consumer's position) changes nothing.
     */
    @Transactional
    public void learn(IncomingEvent event, ProgrammeDefinedV1 definition) {
        if (!inbox.claim(event)) {
            LOG.debugf("Event %s was applied before; ignored", event.id());
            return;
        }
        KnownProgramme programme = KnownProgramme.<KnownProgramme>findByIdOptional(definition.code()).orElseGet(() -> {
            KnownProgramme fresh = new KnownProgramme();
            fresh.code = definition.code();
            return fresh;
        });
        if (programme.definedAt != null && programme.definedAt.isAfter(definition.definedAt())) {
            return;
        }
        programme.name = definition.name();
        programme.budgetLine = definition.budgetLine();
        programme.definedAt = definition.definedAt();
        programme.persist();
    }

    /** Nothing to check without a programme; otherwise it must be known here, and the pledge must be in its line. */
    // An unknown programme refuses one request, not its whole transaction: the caller decides (a bulk import
    // reports it and checks the other rows before rolling back).
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public void requireKnown(String code, BudgetLine pledgeLine) {
        if (code == null) {
            return;
        }
        KnownProgramme programme = KnownProgramme.<KnownProgramme>findByIdOptional(code)
                .orElseThrow(() -> new UnknownProgrammeException(code));
        if (programme.budgetLine != pledgeLine) {
            throw new UnprocessableException("programme", "Programme " + code + " (" + programme.name + ") counts towards "
                    + programme.budgetLine + "; a pledge to it must be in that budget line, not " + pledgeLine);
        }
    }
}
