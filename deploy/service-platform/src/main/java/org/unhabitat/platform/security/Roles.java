package org.unhabitat.platform.security;

import java.util.List;

/** The roles the suite's issuer puts in a token's groups claim. */
public final class Roles {

    /** A partner system, confined to its own contributor code. */
    public static final String PARTNER = "partner";

    /** Finance staff: record and correct money, set targets. */
    public static final String FINANCE = "finance";

    /** Operators: everything finance may, plus rebuilds and snapshots. */
    public static final String ADMIN = "admin";

    /** Most privileged first: a token with several roles acts, and is audited, by the first it has. */
    public static final List<String> BY_PRIVILEGE = List.of(ADMIN, FINANCE, PARTNER);

    private Roles() {
    }
}
