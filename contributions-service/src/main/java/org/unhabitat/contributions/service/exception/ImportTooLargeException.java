package org.unhabitat.contributions.service.exception;

import org.unhabitat.platform.problem.ProblemException;

/** An import file past its limit, found while streaming it: a chunked upload declares no length to refuse up front. */
public class ImportTooLargeException extends ProblemException {

    public ImportTooLargeException(long limit) {
        super(413, "payload-too-large", "Payload Too Large", "The request body is larger than " + limit + " bytes");
    }
}
