package org.unhabitat.contributions.service.exception;

import org.unhabitat.platform.problem.ProblemException;

import java.util.Map;

/**
 * A pledge names a programme this service has not learnt of. It learns programmes from targets-service's events,
 * never by asking, so one defined moments ago may simply not have arrived yet: the problem says so, and a client
 * may retry shortly.
 */
public class UnknownProgrammeException extends ProblemException {

    private final String programme;

    public UnknownProgrammeException(String programme) {
        super(422, "unknown-programme", "Unprocessable Content", "No programme " + programme + " is known here. "
                + "Programmes are defined in targets-service and learnt from its events, so a programme defined moments "
                + "ago may not be known yet: retry in a few seconds. Otherwise check the code against GET /api/v1/programmes "
                + "on targets-service.");
        this.programme = programme;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("programme", programme);
    }
}
