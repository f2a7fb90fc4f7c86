package org.unhabitat.contributions.service;

/**
 * Who is calling. A partner is confined to its own contributor code; finance and admin see
 * everything ({@code contributorScope} null). A partner token without a code is confined to nothing.
 */
public record Caller(String subject, String contributorScope) {

    public static Caller unrestricted(String subject) {
        return new Caller(subject, null);
    }

    public static Caller partner(String subject, String contributorCode) {
        return new Caller(subject, contributorCode == null ? "" : contributorCode);
    }

    public boolean seesAll() {
        return contributorScope == null;
    }

    public boolean mayActFor(String contributorCode) {
        return seesAll() || contributorScope.equals(contributorCode);
    }
}
