package org.unhabitat.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;

/**
 * Writes problems: the body as the service's own JSON settings render it, with the problem media
 * type. Used by the exception mappers and by filters that answer before any resource runs.
 */
@ApplicationScoped
public class ProblemResponses {

    public static final String TYPE_BASE = "https://open.unhabitat.org/problems/";

    private final ObjectMapper mapper;

    public ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Response of(ProblemException failure, UriInfo uri) {
        return response(failure.status(), failure.typeSlug(), failure.title(), failure.getMessage(), pathOf(uri),
                failure.errors(), failure.members());
    }

    public Response response(int status, String typeSlug, String title, String detail, String instance, List<FieldError> errors) {
        return response(status, typeSlug, title, detail, instance, errors, Map.of());
    }

    private Response response(int status, String typeSlug, String title, String detail, String instance,
                              List<FieldError> errors, Map<String, Object> members) {
        Problem problem = new Problem(TYPE_BASE + typeSlug, title, status, detail, instance, errors, members);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(json(problem)).build();
    }

    /** The body alone, for a guard that answers on the event loop before any resource runs. */
    public String body(int status, String typeSlug, String title, String detail, String instance) {
        return json(new Problem(TYPE_BASE + typeSlug, title, status, detail, instance, null, Map.of()));
    }

    static String pathOf(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
