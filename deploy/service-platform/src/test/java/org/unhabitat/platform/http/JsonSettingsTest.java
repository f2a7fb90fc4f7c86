package org.unhabitat.platform.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Request bodies are read strictly: each value only in its documented JSON type (issue: a fuzzer's pledges got in). */
class JsonSettingsTest {

    enum Line { REGULAR_BUDGET, FOUNDATION_NON_EARMARKED }

    record Entry(Integer year, BigDecimal amount) {
    }

    record Request(Line line, LocalDate on, BigDecimal amount, String code, Integer year, List<Entry> schedule) {
    }

    private final ObjectMapper strict = strictMapper();

    private static ObjectMapper strictMapper() {
        ObjectMapper application = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonSettings().customize(application);
        return JsonSettings.strictRequests(application);
    }

    @Test
    void documentedValuesAreRead() throws Exception {
        Request request = strict.readValue("""
                {"line":"FOUNDATION_NON_EARMARKED","on":"2021-09-15","amount":"7000000.50","code":"SWE – Sverige 💥",
                 "year":2021,"schedule":[{"year":2022,"amount":"-26519.34"}]}""", Request.class);

        assertEquals(new Request(Line.FOUNDATION_NON_EARMARKED, LocalDate.of(2021, 9, 15), new BigDecimal("7000000.50"),
                "SWE – Sverige 💥", 2021, List.of(new Entry(2022, new BigDecimal("-26519.34")))), request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "\"0\"", "\"1\"", "1.0", "true", "\"\"", "\"regular_budget\"", "[\"REGULAR_BUDGET\"]",
            "\" REGULAR_BUDGET\"", "\"REGULAR_BUDGET \"", "\"REGULAR_BUDGET\\u0000\"", "\"\\nREGULAR_BUDGET\"", "\"\\u0007REGULAR_BUDGET\""})
    void anEnumIsOnlyItsName(String value) {
        assertRefused("{\"line\":" + value + "}", "line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "18885", "\"2021-09-15T10:00:00\"", "\"2021-09-15T10:00:00Z\"", "[2021,9,15]", "\"\"",
            "\"+12021-09-15\"", "\"2021-9-15\"", "\"2021-02-30\"", "\" 2021-09-15\"", "true"})
    void aDateIsOnlyAStringYyyyMmDd(String value) {
        assertRefused("{\"on\":" + value + "}", "on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7000000", "7000000.5", "1e3", "\"1e3\"", "\"+5\"", "\" 5\"", "\"5 \"", "\"1,000.00\"", "\"0x10\"",
            "\"NaN\"", "\"Infinity\"", "\".5\"", "\"5.\"", "\"\"", "true", "[\"5\"]"})
    void moneyIsOnlyADecimalString(String value) {
        assertRefused("{\"amount\":" + value + "}", "amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"S\\u0000WE\"", "\"\\u0000\"", "\"tab\\there\"", "\"line\\nbreak\"", "\"\\u001f\"", "\"\\u007f\"",
            "\"\\u0085\"", "\"\\ud800\"", "\"\\udc00x\"", "5", "1.5", "true", "{}", "[\"SWE\"]"})
    void textIsOnlyAStringWithoutControlCharacters(String value) {
        assertRefused("{\"code\":" + value + "}", "code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2021\"", "2021.0", "2021.5", "2e3", "true", "\"\"", "99999999999"})
    void aWholeNumberIsOnlyAJsonInteger(String value) {
        assertRefused("{\"year\":" + value + "}", "year");
        assertRefused("{\"schedule\":[{\"year\":" + value + "}]}", "schedule");
    }

    @Test
    void theApplicationsOwnMapperStaysATolerantReaderForEvents() throws Exception {
        ObjectMapper application = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonSettings().customize(application);

        assertEquals(new BigDecimal("5"), application.readValue("{\"amount\":\"5\",\"code\":\"a\\tb\"}", Request.class).amount());
    }

    private void assertRefused(String json, String field) {
        JsonMappingException refused = assertThrows(JsonMappingException.class, () -> strict.readValue(json, Request.class), json);
        assertEquals(field, refused.getPath().get(0).getFieldName(), json);
    }
}
