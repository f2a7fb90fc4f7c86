package org.unhabitat.platform.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.unhabitat.platform.problem.Problem;

/**
 * The bearer scheme every service's protected operations name. Each service's document takes its
 * title, version and description from quarkus.smallrye-openapi.info-*, and the scheme's description
 * (which roles it knows) from platform.openapi.bearer-description, through {@link BearerSchemeDescription}.
 * The problem schema is declared here for {@link OpenApiConventions}, which refers every error response to it.
 */
@OpenAPIDefinition(info = @Info(title = "Resource Mobilization Suite", version = "1.0.0"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(securitySchemeName = OpenApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
public class OpenApiDefinition extends Application {
    public static final String BEARER = "bearer";
}
