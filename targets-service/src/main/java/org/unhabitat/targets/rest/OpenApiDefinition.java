package org.unhabitat.targets.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(title = "targets-service", version = "1.0.0"))
@SecurityScheme(securitySchemeName = OpenApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT from the suite's issuer; roles in the groups claim: finance, admin")
public class OpenApiDefinition extends Application {
    public static final String BEARER = "bearer";
}
