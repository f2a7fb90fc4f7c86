package org.unhabitat.contributions.service.exception;

import org.unhabitat.contributions.api.ImportProblem;
import org.unhabitat.platform.problem.ProblemException;

import java.util.List;
import java.util.Map;

/** A real import with a problem in any row: nothing is recorded, and every problem is listed as a dry run lists it. */
public class ImportRejectedException extends ProblemException {

    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(422, "import-rejected", "Unprocessable Content", problems.size() + " problem(s) in the file; nothing was "
                + "recorded. Correct the rows listed and upload the whole file again.");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("problems", problems);
    }
}
