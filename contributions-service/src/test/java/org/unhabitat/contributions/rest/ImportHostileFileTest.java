package org.unhabitat.contributions.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.contributions.Given;
import org.unhabitat.contributions.Ledger;
import org.unhabitat.testing.SuiteInfrastructure;
import org.unhabitat.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unhabitat.contributions.rest.ImportResourceTest.PLEDGE_HEADER;
import static org.unhabitat.contributions.rest.ImportResourceTest.csv;
import static org.unhabitat.contributions.rest.ImportResourceTest.pledgeRow;
import static org.unhabitat.testing.security.Problems.assertProblem;

/** Files that are not a spreadsheet's CSV, or too big: a problem+json 4xx each, and not a row written. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class ImportHostileFileTest {

    private static final long TWENTY_MB = 20L * 1024 * 1024;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private long ledgerBefore;

    @BeforeEach
    void referenceData() {
        Given.contributor("IMPORT-FOUNDATION", "An Importing Foundation", "FOUNDATION");
        Given.rate("EUR", "2021-03", "0.84");
        ledgerBefore = Ledger.rows(dataSource);
    }

    @Test
    void aFileStartingWithAByteOrderMarkIsRefused() {
        assertRefused(post("\uFEFF" + csv(PLEDGE_HEADER, List.of(pledgeRow("BOM-1", "10")))), 400, "starts with a byte order mark");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        byte[] latin1 = csv(PLEDGE_HEADER, List.of(pledgeRow("Zürich-1", "10"))).getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(given().auth().oauth2(TestTokens.finance()).contentType("text/csv").body(latin1)
                .when().post("/api/v1/imports?kind=pledges&dryRun=true"), 400, "is not UTF-8");
    }

    @Test
    void aLineOfAMillionColumnsIsRefusedBeforeTheyAreBuilt() {
        assertRefused(post(PLEDGE_HEADER + "\r\n" + ",".repeat(1_000_000) + "\r\n"), 400, "more than 1000 commas");
    }

    @Test
    void aFileThatIsNotCsvOrHasNoRowsOrUnknownColumnsIsRefused() {
        assertRefused(post(PLEDGE_HEADER + "\r\n" + pledgeRow("\"UNCLOSED-1", "10") + "\r\n"), 400, "is not valid CSV");
        assertRefused(post(PLEDGE_HEADER + "\r\n"), 400, "has a header but no rows");
        assertRefused(post(""), 400, "is empty");
        Response unknown = post(PLEDGE_HEADER.replace("region", "area").replace("budgetLine", "amount") + "\r\n" + pledgeRow("COLUMNS-1", "10"));
        assertRefused(unknown, 400, "not a column");
        unknown.then().body("errors.field", containsInAnyOrder("area", "amount", "budgetLine", "region"));
    }

    @Test
    void aBadKindDryRunFlagOrMediaTypeIsRefused() {
        String file = csv(PLEDGE_HEADER, List.of(pledgeRow("FLAGS-1", "10")));
        assertRefused(given().auth().oauth2(TestTokens.finance()).contentType("text/csv").body(file)
                .when().post("/api/v1/imports?kind=contributors"), 400, "kind");
        assertRefused(given().auth().oauth2(TestTokens.finance()).contentType("text/csv").body(file)
                .when().post("/api/v1/imports?kind=pledges&dryRun=maybe"), 400, "dryRun");
        assertRefused(given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body("{\"rows\":[]}")
                .when().post("/api/v1/imports?kind=pledges"), 415);
    }

    @Test
    void aFileDeclaredOver20MbIsRefusedWith413BeforeItIsSent() throws Exception {
        // Only the headers and a first line are sent: the answer must come without the rest of the body.
        String answer;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/imports?kind=pledges&dryRun=true HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + TestTokens.finance() + "\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: " + (TWENTY_MB + 1) + "\r\n\r\n" + PLEDGE_HEADER + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = response(socket.getInputStream());
        }

        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("larger than " + TWENTY_MB + " bytes"), answer);
        assertEquals(ledgerBefore, Ledger.rows(dataSource));
    }

    @Test
    void aChunkedFileGrowingPast20MbIsCutOffWith413() throws Exception {
        HttpResponse<String> response = http().send(importRequest()
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> rows(TWENTY_MB + 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("larger than " + TWENTY_MB + " bytes"), response.body());
        assertEquals(ledgerBefore, Ledger.rows(dataSource));
    }

    @Test
    void theImportPathTakesAFileOver64KbWhileEveryOtherPathKeepsTheGeneralLimitDeclaredOrChunked() throws Exception {
        // Rows refused by their own checks cost no database work: the point is the body's size.
        List<String> rows = IntStream.range(0, 500).mapToObj(i -> pledgeRow("WIDE-" + i + "-" + "x".repeat(200), "10")).collect(Collectors.toList());
        String file = csv(PLEDGE_HEADER, rows);
        assertTrue(file.length() > 100 * 1024);

        post(file).then().statusCode(200).body("rows", equalTo(500)).body("valid", equalTo(0)).body("problems", hasSize(500))
                .body("problems[0].field", equalTo("reference")).body("problems[0].message", equalTo("size must be between 0 and 128"));

        String pledge = """
                {"contributorCode":"IMPORT-FOUNDATION","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED",
                 "region":"GLOBAL","currency":"EUR","amount":"10","pledgedOn":"2021-03-15","reference":"%s"}""".formatted("x".repeat(70 * 1024));
        Response declared = given().auth().oauth2(TestTokens.finance()).contentType(ContentType.JSON).body(pledge).when().post("/api/v1/pledges");
        assertProblem(declared, 413);
        declared.then().body("detail", equalTo("The request body is larger than 65536 bytes"));

        HttpResponse<String> chunked = http().send(HttpRequest.newBuilder(URI.create(base + "api/v1/pledges"))
                .header("Authorization", "Bearer " + TestTokens.finance()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(pledge.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), "a chunked body past 64 KB on another path: " + chunked.body());
        assertEquals(ledgerBefore, Ledger.rows(dataSource));
    }

    /** An HTTP/1.1 response read up to the end of its body: the server need not close a connection whose body it refused. */
    private static String response(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            String text = read.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, headEnd));
                if (length.find() && read.size() >= headEnd + 4 + Integer.parseInt(length.group(1))) {
                    return text;
                }
            }
            int n = in.read(buffer);
            if (n < 0) {
                return text;
            }
            read.write(buffer, 0, n);
        }
    }

    /** HTTP/1.1, as curl sends a file: the JDK client would otherwise first ask to upgrade the connection to HTTP/2. */
    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private HttpRequest.Builder importRequest() {
        return HttpRequest.newBuilder(URI.create(base + "api/v1/imports?kind=pledges&dryRun=true"))
                .header("Authorization", "Bearer " + TestTokens.finance()).header("Content-Type", "text/csv")
                .timeout(Duration.ofSeconds(120));
    }

    /** A pledges file of about this many bytes, made as it is read. */
    private static InputStream rows(long bytes) {
        byte[] row = (pledgeRow("BIG", "-1") + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] header = (PLEDGE_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                if (sent >= bytes) {
                    return -1;
                }
                long at = sent++;
                return at < header.length ? header[(int) at] : row[(int) ((at - header.length) % row.length)];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= bytes) {
                    return -1;
                }
                int n = (int) Math.min(length, bytes - sent);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return n;
            }
        };
    }

    private static Response post(String file) {
        return given().auth().oauth2(TestTokens.finance()).contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports?kind=pledges&dryRun=true");
    }

    private void assertRefused(Response response, int status, String... detailOrErrorParts) {
        assertProblem(response, status);
        String body = response.asString();
        for (String part : detailOrErrorParts) {
            assertTrue(body.contains(part), body + " mentions " + part);
        }
        assertEquals(ledgerBefore, Ledger.rows(dataSource), "a refused file writes nothing");
    }
}
