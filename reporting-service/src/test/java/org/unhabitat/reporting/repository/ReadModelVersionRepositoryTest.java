package org.unhabitat.reporting.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unhabitat.testing.SuiteInfrastructure;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The version kept in memory between two changes is never served once a change of this instance has
 * committed, even before that change's own notification has come back.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ReadModelVersionRepositoryTest {

    @Inject
    ReadModelVersionRepository versions;

    @Test
    void aChangeOfThisInstanceMovesTheVersionTheMomentItCommits() {
        await().atMost(Duration.ofSeconds(10)).until(versions::followingChanges);
        String kept = keptVersion();

        QuarkusTransaction.requiringNew().run(versions::changedOutsideConsumption);

        assertNotEquals(kept, versions.current());
    }

    /** Once two reads agree, other tests' events have stopped moving the version for now. */
    private String keptVersion() {
        String[] kept = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            kept[0] = versions.current();
            return kept[0].equals(versions.current());
        });
        return kept[0];
    }
}
