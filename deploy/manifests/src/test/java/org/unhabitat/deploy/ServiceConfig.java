package org.unhabitat.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's production profile needs from its environment, read from its application.properties
 * rather than listed by hand, so a new required variable fails the manifests' checks until it is set.
 */
record ServiceConfig(String service, Set<String> requiredVariables, Set<String> optionalVariables,
                     Set<String> producedTopics, Set<String> consumedTopics, Set<String> consumerGroups,
                     boolean relaysAnOutbox, int httpPort, int managementPort) {

    static final List<String> SERVICES = List.of("contributions-service", "targets-service", "reporting-service");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}");
    private static final Pattern GROUP = Pattern.compile("^mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id=(.+)$");
    private static final Pattern TOPIC = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(?:dead-letter-queue\\.)?topic=(.+)$");
    /** A consumer of the service's own (reporting's), declared as topic and group: {@code <prefix>.consumption.groups."<topic>"=<group>}. */
    private static final Pattern OWN_CONSUMER = Pattern.compile("^[a-z-]+\\.consumption\\.groups\\.\"([^\"]+)\"=(.+)$");

    static ServiceConfig of(Path suiteRoot, String service) {
        Path file = suiteRoot.resolve(service).resolve("src/main/resources/application.properties");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> required = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        Set<String> produced = new TreeSet<>();
        Set<String> consumed = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        int port = 8080;
        boolean outbox = false;
        int managementPort = 9000;
        for (String raw : lines) {
            String line = raw.strip();
            // Profile-prefixed lines (%dev., %test.) never apply in a cluster.
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("%")) {
                continue;
            }
            Matcher variable = VARIABLE.matcher(line);
            while (variable.find()) {
                (variable.group(2) == null ? required : optional).add(variable.group(1));
            }
            Matcher topic = TOPIC.matcher(line);
            if (topic.matches()) {
                boolean deadLetter = line.contains(".dead-letter-queue.");
                (topic.group(1).equals("incoming") && !deadLetter ? consumed : produced).add(topic.group(2).strip());
            }
            outbox |= line.startsWith("mp.messaging.outgoing.outbox.");
            Matcher ownConsumer = OWN_CONSUMER.matcher(line);
            if (ownConsumer.matches()) {
                consumed.add(ownConsumer.group(1));
                groups.add(ownConsumer.group(2).strip());
            }
            Matcher group = GROUP.matcher(line);
            if (group.matches()) {
                groups.add(group.group(1).strip());
            }
            if (line.startsWith("quarkus.http.port=")) {
                port = Integer.parseInt(line.substring("quarkus.http.port=".length()).strip());
            }
            if (line.startsWith("quarkus.management.port=")) {
                managementPort = Integer.parseInt(line.substring("quarkus.management.port=".length()).strip());
            }
        }
        optional.removeAll(required);
        return new ServiceConfig(service, required, optional, produced, consumed, groups, outbox, port, managementPort);
    }
}
