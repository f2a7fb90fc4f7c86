package org.unhabitat.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of the current request, read from its verified token. */
@RequestScoped
public class CurrentCaller {

    private static final String CONTRIBUTOR_CLAIM = "contributor_code";
    private static final String NO_ROLE = "none";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        return of(identity, token.getClaim(CONTRIBUTOR_CLAIM));
    }

    /** The caller an identity stands for; {@code contributorCode} is the token's claim, or null. */
    public static Caller of(SecurityIdentity identity, String contributorCode) {
        String subject = identity.getPrincipal().getName();
        String role = Roles.BY_PRIVILEGE.stream().filter(identity::hasRole).findFirst().orElse(NO_ROLE);
        if (Roles.FINANCE.equals(role) || Roles.ADMIN.equals(role)) {
            return new Caller(subject, role, null);
        }
        return new Caller(subject, role, contributorCode == null ? "" : contributorCode);
    }
}
