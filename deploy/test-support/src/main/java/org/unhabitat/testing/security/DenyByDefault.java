package org.unhabitat.testing.security;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds JAX-RS resource methods that do not say who may call them (OWASP API5). The configuration
 * already denies unannotated endpoints; this makes a forgotten annotation fail the build instead of
 * failing in production. Annotations are matched by name so that this module needs no JAX-RS.
 */
public final class DenyByDefault {

    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final Set<String> DECLARATIONS = Set.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll", "io.quarkus.security.Authenticated");

    /** @return "Class#method" of every resource method below {@code packageName} without an explicit access rule */
    public static List<String> undeclaredEndpoints(String packageName) {
        List<String> undeclared = new ArrayList<>();
        List<Class<?>> classes = classesIn(packageName);
        if (classes.stream().noneMatch(DenyByDefault::isResource)) {
            throw new IllegalStateException("No JAX-RS resource found in " + packageName + ": the scan itself is broken");
        }
        for (Class<?> type : classes) {
            for (Method method : type.getDeclaredMethods()) {
                if (isEndpoint(method) && !declaresAccess(method) && !declaresAccess(type)) {
                    undeclared.add(type.getSimpleName() + "#" + method.getName());
                }
            }
        }
        return undeclared;
    }

    private static boolean isResource(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(DenyByDefault::isEndpoint);
    }

    private static boolean isEndpoint(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(annotation -> Arrays.stream(annotation.annotationType().getAnnotations())
                        .anyMatch(meta -> meta.annotationType().getName().equals(HTTP_METHOD)));
    }

    private static boolean declaresAccess(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations()).map(Annotation::annotationType).map(Class::getName)
                .anyMatch(DECLARATIONS::contains);
    }

    private static List<Class<?>> classesIn(String packageName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String directory = packageName.replace('.', '/');
        List<Class<?>> classes = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(directory))) {
                if (!"file".equals(url.getProtocol())) {
                    continue;
                }
                Path root = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                        String relative = root.relativize(file).toString().replace(File.separatorChar, '.');
                        String name = packageName + "." + relative.substring(0, relative.length() - ".class".length());
                        classes.add(Class.forName(name, false, loader));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    private DenyByDefault() {
    }
}
