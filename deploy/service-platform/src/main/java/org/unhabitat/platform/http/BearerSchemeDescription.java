package org.unhabitat.platform.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/** Says in each service's document which roles its bearer tokens carry; annotations cannot read configuration. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BearerSchemeDescription implements OASFilter {

    static final String DESCRIPTION = "platform.openapi.bearer-description";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        SecurityScheme bearer = openAPI.getComponents().getSecuritySchemes().get(OpenApiDefinition.BEARER);
        ConfigProvider.getConfig().getOptionalValue(DESCRIPTION, String.class).ifPresent(bearer::setDescription);
    }
}
