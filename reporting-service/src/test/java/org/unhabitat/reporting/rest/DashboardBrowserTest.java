package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.testing.SuiteInfrastructure;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The dashboard in a real headless Chromium: the charts must show exactly the figures the events carried. */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int YEAR = 2043;
    private static final String HOSTILE_NAME = "Fund </script><script>window.pwned=1</script> & \"Partners\"";

    private static ChromeDriver browser;
    private static Path profile;
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and ChromeDriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver); skipping the browser test");
        // Selenium Manager would otherwise try to download a driver over the network.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1024");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("XDG_CONFIG_HOME", profile.resolve("config").toString(),
                        "XDG_CACHE_HOME", profile.resolve("cache").toString()))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theChartsShowReceivedAgainstTargetPerLineRegionalSharesAndTheCumulativeTrend() {
        publishTheYear();

        browser.get(root + "?year=" + YEAR);
        awaitCharts();

        assertEquals(List.of("Regular budget", "Foundation non-earmarked", "Foundation earmarked", "Technical cooperation"),
                script("return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().xAxis[0].data"));
        assertEquals(List.of(1400000L, 290000L, 0L, 0L), numbers(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().series[0].data"));
        assertEquals(List.of(1450000L, 1000000L, 4330000L, 15260000L), numbers(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().series[1].data"));
        assertEquals(List.of("Africa", "Arab States", "Asia-Pacific", "Global", "Latin America and the Caribbean", "Europe"),
                script("return echarts.getInstanceByDom(document.getElementById('regions-chart')).getOption().series[0].data"
                        + ".map(function (d) { return d.name; })"));
        assertEquals(List.of(0L, 1400000L, 0L, 290000L, 0L, 0L), numbers(
                "return echarts.getInstanceByDom(document.getElementById('regions-chart')).getOption().series[0].data"
                        + ".map(function (d) { return d.value; })"));
        assertEquals(List.of(0L, 0L, 1400000L, 1400000L, 1400000L, 1690000L, 1690000L, 1690000L, 1690000L, 1690000L, 1690000L,
                1690000L), numbers(
                "return echarts.getInstanceByDom(document.getElementById('monthly-chart')).getOption().series[0].data"));
        assertNoSevereConsoleEntries();
    }

    @Test
    void asOfCutsTheChartsAtThatDayAndAHostileContributorNameIsShownAsText() {
        publishTheYear();

        browser.get(root + "?year=" + YEAR + "&asOf=" + YEAR + "-04-30");
        awaitCharts();

        assertEquals(List.of(1400000L, 0L, 0L, 0L), numbers(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().series[0].data"));
        assertEquals(YEAR + "-04-30", browser.findElement(By.name("asOf")).getDomProperty("value"));
        List<String> names = browser.findElements(By.cssSelector("#top-contributors tbody td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of(HOSTILE_NAME), names);
        assertNull(script("return window.pwned === undefined ? null : window.pwned"));
        assertNoSevereConsoleEntries();
    }

    @Test
    void theYearFormReloadsThePageForTheChosenYear() {
        publishTheYear();
        browser.get(root + "?year=2000");
        awaitCharts();

        browser.findElement(By.name("year")).clear();
        browser.findElement(By.name("year")).sendKeys(Integer.toString(YEAR));
        browser.findElement(By.cssSelector("form.filters button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("year=" + YEAR));
        awaitCharts();

        assertEquals(List.of(1400000L, 290000L, 0L, 0L), numbers(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().series[0].data"));
        assertNoSevereConsoleEntries();
    }

    @Test
    void theDashboardIsServedWithAStrictContentSecurityPolicyAndNoSniffing() {
        given().get("/?year=" + YEAR).then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'self'; script-src 'self'; style-src 'self' "
                        + "'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=60");
        given().get("/").then().statusCode(200)
                .body(containsString("resource mobilization, " + LocalDate.now(ZoneOffset.UTC).getYear() + "</h1>"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        given().get("/dashboard/dashboard.js").then().statusCode(200);
        given().get("/?year=1800").then().statusCode(400).contentType("application/problem+json");
        given().get("/?year=last").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        given().get("/?asOf=yesterday").then().statusCode(400).contentType("application/problem+json");
    }

    private void publishTheYear() {
        if (published) {
            return;
        }
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        events.target(YEAR, "REGULAR_BUDGET", "1450000.00");
        events.target(YEAR, "FOUNDATION_NON_EARMARKED", "1000000.00");
        events.target(YEAR, "FOUNDATION_EARMARKED", "4330000.00");
        events.target(YEAR, "TECHNICAL_COOPERATION", "15260000.00");
        ContributionEvents.Contributor fund = new ContributionEvents.Contributor("HOSTILE-FUND", HOSTILE_NAME, "FOUNDATION");
        UUID regular = events.pledge(fund, "REGULAR_BUDGET", "ARAB_STATES", "USD", "1400000.00", "1", YEAR + "-01-10");
        events.payment(regular, fund, "REGULAR_BUDGET", "ARAB_STATES", "USD", "1400000.00", "1", YEAR + "-03-15", YEAR);
        ContributionEvents.Contributor person = new ContributionEvents.Contributor("DONOR-9", "Private Person", "INDIVIDUAL");
        UUID core = events.pledge(person, "FOUNDATION_NON_EARMARKED", "GLOBAL", "USD", "290000.00", "1", YEAR + "-05-02");
        events.payment(core, person, "FOUNDATION_NON_EARMARKED", "GLOBAL", "USD", "290000.00", "1", YEAR + "-06-20", YEAR);
        published = true;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/progress?year=" + YEAR).then()
                .statusCode(200).body("totals.receivedUsd", equalTo("1690000.00")).body("totals.targetUsd", equalTo("22040000.00")));
    }

    private void awaitCharts() {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> Boolean.TRUE.equals(script(
                "return ['progress-chart', 'regions-chart', 'monthly-chart'].every(function (id) {"
                        + " return document.getElementById(id).getAttribute('data-chart-finished') === 'true'; })")));
    }

    private static Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    /** Whole-dollar chart values come back from the browser as Long; a Double would mean a rounding problem. */
    private static List<?> numbers(String javascript) {
        return (List<?>) script(javascript);
    }

    private static void assertNoSevereConsoleEntries() {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "browser console: " + severe);
    }
}
