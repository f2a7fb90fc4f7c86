package org.unhabitat.contributions.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.unhabitat.contributions.service.Caller;

/** The authenticated caller, as the services see it. Admin is trusted like finance. */
@RequestScoped
public class CurrentCaller {

    static final String PARTNER = "partner";
    static final String FINANCE = "finance";
    static final String ADMIN = "admin";
    private static final String CONTRIBUTOR_CLAIM = "contributor_code";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        String subject = identity.getPrincipal().getName();
        if (identity.hasRole(FINANCE) || identity.hasRole(ADMIN)) {
            return Caller.unrestricted(subject);
        }
        return Caller.partner(subject, token.getClaim(CONTRIBUTOR_CLAIM));
    }
}
