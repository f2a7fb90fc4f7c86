package org.unhabitat.platform.problem;

import java.util.function.Predicate;

/** Looks through a failure's chain of causes, where frameworks wrap what actually happened. */
final class Causes {

    /** Causes are followed this deep at most, in case a chain loops. */
    private static final int MAX_DEPTH = 20;

    static boolean any(Throwable failure, Predicate<Throwable> test) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private Causes() {
    }
}
