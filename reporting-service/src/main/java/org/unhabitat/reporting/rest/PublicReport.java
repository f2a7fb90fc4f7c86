package org.unhabitat.reporting.rest;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks public, read-only responses that caches and the transparency portal may keep for a minute
 * and revalidate with {@code If-None-Match}; see {@link ConditionalGetFilter}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicReport {
}
