package org.unhabitat.devkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Generates the local run's signing key pair into {@code KEY_DIRECTORY} unless it is already there. */
public final class KeyPairCommand {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KeyPairCommand KEY_DIRECTORY");
            System.exit(2);
        }
        Path keyDirectory = Path.of(args[0]);
        if (!Files.exists(keyDirectory.resolve(DevTokens.PRIVATE_KEY_FILE))) {
            DevTokens.writeKeyPair(DevTokens.generateKeyPair(), keyDirectory);
            System.out.println("Generated a development signing key pair in " + keyDirectory);
        }
    }

    private KeyPairCommand() {
    }
}
