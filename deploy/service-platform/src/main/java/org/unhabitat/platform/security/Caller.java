package org.unhabitat.platform.security;

/**
 * Who is calling: the token's subject, the role it acts in, and what it may see. A partner is
 * confined to its own contributor code; finance and admin see everything ({@code contributorScope}
 * null). A partner token without a code is confined to nothing.
 */
public record Caller(String subject, String role, String contributorScope) {

    public boolean seesAll() {
        return contributorScope == null;
    }

    public boolean mayActFor(String contributorCode) {
        return seesAll() || contributorScope.equals(contributorCode);
    }

    /** Staff, who are few and accountable: finance or admin. */
    public boolean isStaff() {
        return Roles.FINANCE.equals(role) || Roles.ADMIN.equals(role);
    }
}
