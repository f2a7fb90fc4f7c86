package org.unhabitat.reporting.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Provider;
import org.unhabitat.reporting.service.ReportCache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One place for the caching contract of every public report. Its {@code ETag} is derived from the read
 * model's version and the request, so a client revalidating with {@code If-None-Match} gets
 * {@code 304 Not Modified} without any report being computed, and a report this instance already sent
 * at the current version is sent again as the same bytes. Any event applied, rebuild or redrive moves
 * the version, so neither is ever stale. The body is serialised here, once, and kept as those bytes.
 * Errors are left alone: they are not cacheable. The CORS filter echoes the caller's Origin, so a shared
 * cache must key on it ({@code Vary: Origin}) or it would hand one site's allowance to another.
 */
@Provider
@PublicReport
public class ConditionalGetFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String CACHE_CONTROL = "public, max-age=60";
    private static final String KEY = ConditionalGetFilter.class.getName() + ".key";
    private static final String SERVED_FROM_CACHE = ConditionalGetFilter.class.getName() + ".served";

    private final ObjectMapper mapper;
    private final ReportCache cache;

    public ConditionalGetFilter(ObjectMapper mapper, ReportCache cache) {
        this.mapper = mapper;
        this.cache = cache;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return;
        }
        ReportCache.Key key = cache.keyFor(representationAskedFor(request));
        request.setProperty(KEY, key);
        cache.find(key).ifPresent(report -> {
            request.setProperty(SERVED_FROM_CACHE, Boolean.TRUE);
            request.abortWith(fromCache(report, request.getHeaderString(HttpHeaders.IF_NONE_MATCH)));
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SERVED_FROM_CACHE) != null || !HttpMethod.GET.equals(request.getMethod())
                || response.getStatus() != Response.Status.OK.getStatusCode() || !response.hasEntity()) {
            return;
        }
        if (response.getEntity() instanceof StreamingOutput) {
            // A file streamed as it is read is never held whole: cacheable by others, but neither kept nor tagged here.
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            response.getHeaders().add(HttpHeaders.VARY, "Origin");
            return;
        }
        byte[] body = bytesOf(response.getEntity());
        String etag = cache.keep((ReportCache.Key) request.getProperty(KEY), body, String.valueOf(response.getMediaType())).etag();
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.getHeaders().add(HttpHeaders.VARY, "Origin");
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            return;
        }
        response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
    }

    /**
     * The path and query as sent, and the headers a resource negotiates on. Not the host, so that every
     * instance behind a load balancer gives the same report the same ETag.
     */
    private static String representationAskedFor(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return request.getUriInfo().getRequestUri().getRawPath() + (query == null ? "" : "?" + query)
                + "\nAccept: " + request.getHeaderString(HttpHeaders.ACCEPT)
                + "\nAccept-Language: " + request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
    }

    private static Response fromCache(ReportCache.CachedReport report, String ifNoneMatch) {
        Response.ResponseBuilder response = matches(ifNoneMatch, report.etag())
                ? Response.notModified()
                : Response.ok(report.body(), MediaType.valueOf(report.mediaType()));
        return response.header(HttpHeaders.ETAG, report.etag())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, "Origin")
                .build();
    }

    private byte[] bytesOf(Object entity) {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report could not be serialised", e);
        }
    }

    /** RFC 9110: If-None-Match uses the weak comparison, so a W/ prefix a proxy added still matches. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(candidate -> candidate.startsWith("W/") ? candidate.substring(2) : candidate)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(etag));
    }
}
