package org.unhabitat.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.unhabitat.reporting.config.ReportCacheConfig;
import org.unhabitat.reporting.repository.ReadModelVersionRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Public reports as last sent, for the read model's version they were asked at. The version comes from the
 * database, or from memory while no change has been committed since it was read there; it is never guessed
 * from a timer, so a report is served from here only while the read model is where it was. A report is
 * computed in a transaction that starts after its version was read, so what is kept is never older than
 * its key.
 */
@ApplicationScoped
public class ReportCache {

    /** A request at one version of the read model; reports without asOf also depend on today's date. */
    public record Key(String version, String request) {

        /** Derived from the key alone, so that revalidating costs no read-model query on any instance. */
        public String etag() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest((version + "\n" + request).getBytes(StandardCharsets.UTF_8));
                return "\"" + HexFormat.of().formatHex(digest) + "\"";
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
            }
        }
    }

    public record CachedReport(String etag, byte[] body, String mediaType) {
    }

    private final ReadModelVersionRepository versions;
    private final Clock clock;
    private final int maxEntries;
    private Entries entries = new Entries("");

    public ReportCache(ReadModelVersionRepository versions, Clock clock, ReportCacheConfig config) {
        this.versions = versions;
        this.clock = clock;
        this.maxEntries = config.maxEntries();
    }

    public Key keyFor(String request) {
        return new Key(versions.current() + "@" + LocalDate.now(clock), request);
    }

    public synchronized Optional<CachedReport> find(Key key) {
        return entries.version.equals(key.version()) ? Optional.ofNullable(entries.get(key.request())) : Optional.empty();
    }

    /** Reports kept for an older version can never be served again, so they all go when a newer one arrives. */
    public synchronized CachedReport keep(Key key, byte[] body, String mediaType) {
        CachedReport report = new CachedReport(key.etag(), body, mediaType);
        if (!entries.version.equals(key.version())) {
            entries = new Entries(key.version());
        }
        entries.put(key.request(), report);
        return report;
    }

    private final class Entries extends LinkedHashMap<String, CachedReport> {

        private final String version;

        Entries(String version) {
            super(16, 0.75f, true);
            this.version = version;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CachedReport> eldest) {
            return size() > maxEntries;
        }
    }
}
