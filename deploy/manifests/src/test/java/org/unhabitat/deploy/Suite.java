package org.unhabitat.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's root is: Maven passes it; from an IDE the module directory is two levels down. */
final class Suite {

    static final Path ROOT = root();

    private Suite() {
    }

    private static Path root() {
        String configured = System.getProperty("suite.root");
        Path root = (configured == null ? Path.of("../..") : Path.of(configured)).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("deploy/k8s/base/kustomization.yaml"))) {
            throw new IllegalStateException("not the suite's root: " + root);
        }
        return root;
    }
}
