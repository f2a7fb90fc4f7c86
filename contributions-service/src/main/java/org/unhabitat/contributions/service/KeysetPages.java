package org.unhabitat.contributions.service;

import org.unhabitat.platform.problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The limit and the opaque cursor of a list paged by a sequence number. A cursor names its list, so that
 * one list's cursor is refused by another rather than read as a position in it.
 */
final class KeysetPages {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final String cursorPrefix;

    KeysetPages(String cursorPrefix) {
        this.cursorPrefix = cursorPrefix;
    }

    int limit(String limit, List<FieldError> violations) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below like any other out-of-range value
        }
        violations.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    String cursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((cursorPrefix + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence number a cursor stands at, or {@code start} without one (or with one that is refused). */
    long position(String cursor, long start, List<FieldError> violations) {
        if (cursor == null) {
            return start;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(cursorPrefix)) {
                return Long.parseLong(decoded.substring(cursorPrefix.length()));
            }
        } catch (IllegalArgumentException ignored) {
            // NumberFormatException included: any cursor we did not issue is reported below
        }
        violations.add(new FieldError("cursor", "is not a cursor from this list"));
        return start;
    }
}
