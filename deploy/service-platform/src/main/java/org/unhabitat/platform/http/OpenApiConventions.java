package org.unhabitat.platform.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.unhabitat.platform.problem.Problem;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every operation of every service answers, written into each document once, so that a new
 * endpoint is documented truthfully without a line of its own: the problem+json errors that the
 * platform gives (rate limits, authentication, content negotiation, body size and type, an
 * unreachable database), {@code security: []} on public operations, a server, operation ids a
 * client generator can name methods after, and no schema that nothing uses. Responses an
 * operation declares itself are kept; an error response without content gets the problem schema.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/")
                    .description("The service that serves this document: its host and port in each deployment"));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item ->
                item.getOperations().values().forEach(operation -> document(item, operation)));
        nameOperations(openAPI);
        removeUnusedSchemas(openAPI);
        removeUnusedSecuritySchemes(openAPI);
    }

    /** The JWT extension declares a scheme of its own besides the platform's bearer scheme; only those in use stay. */
    private static void removeUnusedSecuritySchemes(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        Set<String> used = Stream.concat(stream(openAPI.getSecurity()), openAPI.getPaths().getPathItems().values().stream()
                        .flatMap(item -> item.getOperations().values().stream()).flatMap(operation -> stream(operation.getSecurity())))
                .flatMap(requirement -> requirement.getSchemes().keySet().stream())
                .collect(Collectors.toSet());
        new ArrayList<>(openAPI.getComponents().getSecuritySchemes().keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSecurityScheme);
    }

    /**
     * Operation ids come as "PledgeResource_create" (the class-and-method strategy, set as the
     * platform's default): they become "pledgeCreate", the names generated clients give their methods.
     */
    private static void nameOperations(OpenAPI openAPI) {
        List<Operation> operations = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream()).toList();
        Map<String, Long> names = operations.stream().filter(operation -> operation.getOperationId() != null)
                .collect(Collectors.groupingBy(operation -> readable(operation.getOperationId()), Collectors.counting()));
        for (Operation operation : operations) {
            String id = operation.getOperationId();
            if (id != null && names.get(readable(id)) == 1) {
                operation.setOperationId(readable(id));
            }
        }
    }

    static String readable(String operationId) {
        int separator = operationId.lastIndexOf('_');
        if (separator < 0) {
            return operationId;
        }
        String type = operationId.substring(0, separator).replaceFirst("Resource$", "");
        String method = operationId.substring(separator + 1);
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    /** Schemas nothing refers to (the raw form of a generic record, say) are noise to a client generator. */
    private static void removeUnusedSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> used = new HashSet<>();
        Deque<Schema> pending = new LinkedList<>(); // holds nulls: absent items and schemas are skipped when popped
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            stream(item.getParameters()).map(Parameter::getSchema).forEach(pending::add);
            item.getOperations().values().forEach(operation -> {
                stream(operation.getParameters()).map(Parameter::getSchema).forEach(pending::add);
                if (operation.getRequestBody() != null) {
                    schemasOf(operation.getRequestBody().getContent()).forEach(pending::add);
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> {
                        schemasOf(response.getContent()).forEach(pending::add);
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(header -> pending.add(header.getSchema()));
                        }
                    });
                }
            });
        });
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (used.add(name) && schemas.containsKey(name)) {
                    pending.push(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::push);
            }
            Stream.of(schema.getItems(), schema.getAdditionalPropertiesSchema(), schema.getNot()).forEach(pending::push);
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())
                    .forEach(list -> stream(list).forEach(pending::push));
        }
        new ArrayList<>(schemas.keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static Stream<Schema> schemasOf(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return Stream.empty();
        }
        return content.getMediaTypes().values().stream().map(mediaType -> mediaType.getSchema());
    }

    private static void document(PathItem item, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(new ArrayList<>());
        }
        List<Parameter> parameters = Stream.concat(stream(item.getParameters()), stream(operation.getParameters())).toList();
        boolean body = operation.getRequestBody() != null;
        boolean queryOrHeader = parameters.stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY || parameter.getIn() == Parameter.In.HEADER);
        boolean pathParameters = parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH);

        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        if (body || queryOrHeader) {
            addIfAbsent(responses, "400", "Invalid request: `errors` names each invalid field; nothing is written");
        }
        if (secured) {
            addIfAbsent(responses, "401", "No valid bearer token")
                    .addHeader("WWW-Authenticate", header("The authentication scheme to use: Bearer"));
            addIfAbsent(responses, "403", "The token's role may not do this");
        }
        if (pathParameters) {
            addIfAbsent(responses, "404", "Not found");
        }
        addIfAbsent(responses, "406", "The Accept header asks for a media type this operation does not give");
        if (body) {
            addIfAbsent(responses, "413", "The body is larger than the service accepts");
            addIfAbsent(responses, "415", "The body is of a media type this operation does not take");
        }
        addIfAbsent(responses, "429", "The caller's request budget is spent")
                .addHeader("Retry-After", header("Seconds to wait before the next request"));
        addIfAbsent(responses, "503", "The service cannot reach its database, or is taking as many requests as it can, just now")
                .addHeader("Retry-After", header("Seconds to wait before retrying"));

        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.forEach((status, response) -> {
            if (status.compareTo("400") >= 0 && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
        });
        responses.setAPIResponses(sorted);
        operation.setResponses(responses);
    }

    private static APIResponse addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
        return responses.getAPIResponse(status);
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static <T> Stream<T> stream(List<T> list) {
        return list == null ? Stream.empty() : list.stream();
    }
}
