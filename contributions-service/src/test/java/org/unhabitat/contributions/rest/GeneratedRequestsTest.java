package org.unhabitat.contributions.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unhabitat.testing.generative.GenerativeHostileSuite;
import org.unhabitat.testing.security.OpenApiSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generative suite, fed this service's committed document, makes every request of the outside
 * fuzzer's report, each expected to be a 400: an enum's ordinal, an epoch day, a date-time as a date,
 * an amount as a JSON number and a NUL in a code.
 */
class GeneratedRequestsTest {

    private static final List<String> PLAN = plan();

    private static List<String> plan() {
        try {
            return GenerativeHostileSuite.plan(Files.readString(OpenApiSnapshot.DEFAULT_FILE), GenerativeHostileSuite.SEED);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"budgetLine\":0,", "\"earmarking\":0,", "\"pledgedOn\":0,", "\"pledgedOn\":-1,",
            "\"pledgedOn\":\"2021-09-15T10:00:00Z\"", "\"amount\":7000000,", "\"contributorCode\":\"SWE\\u0000\""})
    void theFuzzersPledgeIsAmongTheRequestsThatMustBeRefused(String field) {
        assertTrue(PLAN.stream().anyMatch(line -> line.startsWith("POST /api/v1/pledges BAD_REQUEST {") && line.contains(field)),
                "no pledge with " + field + " among " + PLAN.size() + " generated requests");
    }
}
