package org.unhabitat.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.unhabitat.platform.problem.ProblemResponses.pathOf;

/**
 * Turns every failure into {@code application/problem+json}. Clients see what they did wrong, and
 * never a stack trace, SQL or a class name: unexpected failures are logged under an id that the
 * response quotes.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemResponses problems;

    public ProblemMappers(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response serviceProblem(ProblemException e, UriInfo uri) {
        return problems.of(e, uri);
    }

    @ServerExceptionMapper
    public Response validationFailed(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return problem(400, "validation", "Invalid request", "The request has invalid fields", uri, errors);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return problem(400, "validation", "Invalid request", "Unknown property '" + e.getPropertyName() + "'", uri,
                List.of(new FieldError(jsonPath(e), "is not a known property")));
    }

    /** Declared for this type too, so that it wins over the JSON extension's own mapper of mismatched input. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return invalidValue(e, uri);
    }

    /**
     * A value of the wrong JSON type or shape: names the field and what it must be. Without a field
     * (the body itself has the wrong shape), the body is malformed.
     */
    @ServerExceptionMapper
    public Response invalidValue(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty() && e.getCause() instanceof InputCoercionException outOfRange) {
            return numberOutOfRange(outOfRange, uri);
        }
        if (field.isEmpty()) {
            return problem(400, "malformed-json", "Malformed request body", "The body does not match the expected JSON shape", uri, null);
        }
        return problem(400, "validation", "Invalid request", "The request has invalid fields", uri,
                List.of(new FieldError(field, JsonExpectations.of(targetType(e)))));
    }

    /** A number past what its field can hold ({@code "year": 99999999999}): named from where the parser stood. */
    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException e, UriInfo uri) {
        String field = e.getProcessor() == null ? "" : jsonPath(e.getProcessor().getParsingContext());
        if (field.isEmpty()) {
            return problem(400, "malformed-json", "Malformed request body", "The body holds a number out of range", uri, null);
        }
        return problem(400, "validation", "Invalid request", "The request has invalid fields", uri,
                List.of(new FieldError(field, JsonExpectations.of(e.getTargetType()))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return problem(400, "malformed-json", "Malformed request body", "The body is not valid JSON", uri, null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "Your role does not allow this operation", uri, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        // The JSON reader wraps what Jackson reports beyond mismatched input (a number out of range, broken syntax).
        if (status == 400 && e.getCause() instanceof JsonMappingException mapping) {
            return invalidValue(mapping, uri);
        }
        if (status == 400 && e.getCause() instanceof InputCoercionException outOfRange) {
            return numberOutOfRange(outOfRange, uri);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException malformed) {
            return malformedJson(malformed, uri);
        }
        Response.StatusType statusType = original.getStatusInfo();
        String slug = statusType.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-");
        Response response = problem(status, slug, statusType.getReasonPhrase(), clientMessage(e, statusType), uri, null);
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.isCauseOf(e)) {
            LOG.warnf("Database unavailable, answered 503: %s", e.getMessage());
            return Response.fromResponse(problem(503, "service-unavailable", "Service Unavailable",
                            "The service's database is out of reach or too busy just now; retry shortly", uri, null))
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .build();
        }
        // A client that closed the connection before its body was read (a load generator stopping mid-request, a
        // partner's job killed on timeout): nothing of ours failed and nobody waits for the answer.
        if (Causes.any(e, HttpClosedException.class::isInstance)) {
            LOG.debugf("The client closed the connection before its request to %s was read", pathOf(uri));
            return problem(400, "incomplete-request", "Bad Request", "The connection closed before the request was complete",
                    uri, null);
        }
        // RESTEasy Reactive's body stream throws this once a chunked body passes the path's limit, after the server
        // has answered 413 itself and closed the connection: the client was told, and nothing of ours failed.
        if (Causes.any(e, ProblemMappers::isBodyPastItsLimit)) {
            LOG.debugf("A chunked request body to %s passed its size limit while it was read", pathOf(uri));
            return problem(413, "payload-too-large", "Payload Too Large", "The request body is larger than this path accepts",
                    uri, null);
        }
        UUID incident = UUID.randomUUID();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return problem(500, "internal", "Internal error",
                "The request could not be completed. Quote incident " + incident + " to the operators.", uri, null);
    }

    private static boolean isBodyPastItsLimit(Throwable failure) {
        return failure instanceof IOException && "Request too large".equals(failure.getMessage());
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(problem(401, "unauthenticated", "Unauthorized", "A valid bearer token is required", uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private Response problem(int status, String slug, String title, String detail, UriInfo uri, List<FieldError> errors) {
        return problems.response(status, slug, title, detail, pathOf(uri), errors);
    }

    /** Our own exceptions carry messages written for clients; framework ones get the status text. */
    private static String clientMessage(WebApplicationException e, Response.StatusType status) {
        String message = e.getMessage();
        boolean frameworkDefault = message == null || message.startsWith("HTTP ") || e.getCause() != null;
        return frameworkDefault ? status.getReasonPhrase() : message;
    }

    /** {@code amountUsd} for a body property, {@code schedule[1].amount} inside a list, {@code year} for a parameter. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder bodyPath = new StringBuilder();
        String parameter = "";
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getIndex() != null) {
                        bodyPath.append('[').append(node.getIndex()).append(']');
                    }
                    // A list's element is named "<list element>": its index above says which one.
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        bodyPath.append(bodyPath.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return bodyPath.isEmpty() ? parameter : bodyPath.toString();
    }

    private static Class<?> targetType(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mismatch.getTargetType();
        }
        return e.getCause() instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
    }

    private static String jsonPath(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                segments.add(0, "[" + Math.max(0, at.getCurrentIndex()) + "]");
            } else if (at.getCurrentName() != null) {
                segments.add(0, "." + at.getCurrentName());
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
