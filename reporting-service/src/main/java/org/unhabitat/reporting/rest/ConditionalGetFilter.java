package org.unhabitat.reporting.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One place for the caching contract of every public report: a strong {@code ETag} that is the
 * SHA-256 of the exact bytes sent, {@code 304 Not Modified} when the client already holds them, and
 * {@code Cache-Control: public, max-age=60}. The body is serialised here, once, and sent as those
 * bytes, so the hash can never drift from what the client receives. Errors are left alone: they
 * are not cacheable. The CORS filter echoes the caller's Origin, so a shared cache must key on it
 * ({@code Vary: Origin}) or it would hand one site's allowance to another.
 */
@Provider
@PublicReport
public class ConditionalGetFilter implements ContainerResponseFilter {

    static final String CACHE_CONTROL = "public, max-age=60";

    private final ObjectMapper mapper;

    public ConditionalGetFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != Response.Status.OK.getStatusCode()
                || !response.hasEntity()) {
            return;
        }
        if (response.getEntity() instanceof StreamingOutput) {
            // A file streamed as it is read is never held whole, so it has no hash: cacheable, but without an ETag.
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            response.getHeaders().add(HttpHeaders.VARY, "Origin");
            return;
        }
        byte[] body = bytesOf(response.getEntity());
        String etag = "\"" + sha256(body) + "\"";
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

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
