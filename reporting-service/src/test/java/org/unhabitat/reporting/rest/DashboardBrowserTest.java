package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.testing.KafkaRecords;
import org.unhabitat.testing.SuiteInfrastructure;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real headless Chromium. The year replays the source report's Figure 2 (2021: 14.2/14.5,
 * 2.9/10.0, 34.3/43.3 and 144.8/152.6 million) in 2097, a year no other test touches, so that it is also the
 * most recent year with income; the plan 2097-2100 carries the 2020-2023 envelopes (USD 970 million).
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    /** axe-core's script from its webjar, at the version the pom pins. */
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final int YEAR = 2097;
    private static final String PLAN = "2097-2100";
    private static final String EMPTY_PLAN = "2090-2091";
    private static final String HOSTILE_NAME = "Fund </script><script>window.pwned=1</script> & \"Partners\"";
    private static final Contributor USA = new Contributor("DB-USA", "United States of America", "MEMBER_STATE");
    private static final Contributor CHINA = new Contributor("DB-CHN", "China", "MEMBER_STATE");
    private static final Contributor COMMISSION = new Contributor("DB-EC", "European Commission", "INTERGOVERNMENTAL");
    private static final Contributor FUND = new Contributor("DB-FUND", HOSTILE_NAME, "FOUNDATION");
    private static final Contributor PERSON = new Contributor("DB-DONOR-9", "Private Person", "INDIVIDUAL");

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
                "--user-data-dir=" + profile, "--window-size=1280,1024", "--lang=en-GB");
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

    @AfterEach
    void desktopWidthAgain() {
        if (browser != null) {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void theDefaultViewOpensOnTheMostRecentYearWithIncomeAndSaysWhichYearAndCutOffItShows() {
        publishTheYear();

        browser.get(root.toString());
        awaitCharts();

        assertEquals("UN-Habitat resource mobilization, " + YEAR, browser.findElement(By.tagName("h1")).getText());
        assertEquals("Figures for 2097: every payment recorded so far. The latest was received on 20 November 2097.",
                browser.findElement(By.id("shown")).getText());
        assertNoSevereConsoleEntries();
    }

    @Test
    void figureTwoCarriesTheAchievedPercentageOnEachBarAndReadableAmounts() {
        publishTheYear();

        browser.get(root + "?year=" + YEAR);
        awaitCharts();

        assertEquals(List.of("Regular budget", "Foundation non-earmarked", "Foundation earmarked", "Technical cooperation"),
                script("return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().yAxis[0].data"));
        assertEquals(List.of(14200000L, 2900000L, 34300000L, 144800000L), script(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().series[0].data"));
        assertEquals(List.of(14500000L, 10000000L, 43300000L, 152600000L), script(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().series[1].data"));
        List<String> labels = chartTexts("progress-chart");
        assertTrue(labels.containsAll(List.of("97.9%", "29.0%", "79.2%", "94.9%")), "Figure 2 labels: " + labels);
        assertTrue(labels.contains("USD 150M"), "amounts for people on the axis: " + labels);
        assertEquals(List.of("14,200,000.00", "14,500,000.00", "97.9%"), cells("#progress-table tbody tr:first-child td"));
        assertEquals(List.of("1", "European Commission", "Intergovernmental organization", "100,000,000.00"),
                cells("#top-TECHNICAL_COOPERATION tbody tr:first-child td"));
        assertEquals(List.of("Africa", "Arab States", "Asia-Pacific", "Global", "Latin America and the Caribbean", "Europe"),
                script("return echarts.getInstanceByDom(document.getElementById('regions-chart')).getOption().yAxis[0].data"));
        assertEquals(List.of(100000000L, 34800000L, 44800000L, 16600000L, 0L, 0L), script(
                "return echarts.getInstanceByDom(document.getElementById('regions-chart')).getOption().series[0].data"));
        assertEquals(List.of(100000000L, 34800000L, 44800000L, 16600000L, 5000000L, 0L), script(
                "return echarts.getInstanceByDom(document.getElementById('regions-chart')).getOption().series[1].data"));
        assertTrue(chartTexts("regions-chart").containsAll(List.of("51.0%", "17.7%", "22.8%", "8.5%")));
        assertEquals(List.of(0L, 0L, 14200000L, 14200000L, 16600000L, 51400000L, 51400000L, 51400000L, 151400000L, 151400000L,
                196200000L, 196200000L), script(
                "return echarts.getInstanceByDom(document.getElementById('monthly-chart')).getOption().series[0].data"));
        assertEquals(220400000L, script(
                "return echarts.getInstanceByDom(document.getElementById('monthly-chart')).getOption().series[1].data[11]"));
        assertTrue(browser.findElement(By.id("forecast-method")).getText().startsWith("Forecast made on "));
        assertEquals(List.of(), script("return performance.getEntriesByType('resource').map(function (entry) { return entry.name; })"
                + ".filter(function (name) { return !name.startsWith(location.origin + '/'); })"), "requests to other origins");
        assertNoSevereConsoleEntries();
    }

    @Test
    void anEmptyYearOrPlanSaysSoInWordsAndDrawsNoChart() {
        publishTheYear();

        browser.get(root + "?year=2030");
        assertEquals("No income has been recorded as received in 2030, so there is nothing to chart.",
                browser.findElement(By.id("shown")).getText());
        assertTrue(browser.findElements(By.cssSelector(".chart, svg")).isEmpty());

        browser.get(root + "?plan=" + EMPTY_PLAN);
        assertEquals("The plan 2090-2091 has no income recorded as received yet, against its envelope of USD 1,000,000.00.",
                browser.findElement(By.id("shown")).getText());
        assertTrue(browser.findElements(By.cssSelector(".chart, svg")).isEmpty());
        assertNoSevereConsoleEntries();
    }

    @Test
    void asOfCutsTheChartsAtThatDayAndAHostileContributorNameIsShownAsText() {
        publishTheYear();

        browser.get(root + "?year=" + YEAR + "&asOf=" + YEAR + "-06-30");
        awaitCharts();

        assertEquals(List.of(14200000L, 2900000L, 34300000L, 0L), script(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().series[0].data"));
        assertEquals(YEAR + "-06-30", browser.findElement(By.name("asOf")).getDomProperty("value"));
        browser.get(root + "?year=" + YEAR);
        awaitCharts();
        List<String> names = browser.findElements(By.cssSelector("#top-TECHNICAL_COOPERATION tbody td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("European Commission", HOSTILE_NAME), names);
        assertNull(script("return window.pwned === undefined ? null : window.pwned"));
        assertNoSevereConsoleEntries();
    }

    @Test
    void theYearFormReloadsThePageForTheChosenYear() {
        publishTheYear();
        browser.get(root + "?year=2000");

        browser.findElement(By.name("year")).clear();
        browser.findElement(By.name("year")).sendKeys(Integer.toString(YEAR));
        browser.findElement(By.cssSelector("form.filters button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("year=" + YEAR));
        awaitCharts();

        assertEquals(List.of(14200000L, 2900000L, 34300000L, 144800000L), script(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().series[0].data"));
        assertNoSevereConsoleEntries();
    }

    @Test
    void thePlanViewReadsEachLineAndTheTotalAgainstTheUsd970MillionEnvelope() {
        publishTheYear();

        browser.get(root + "?plan=" + PLAN);
        awaitCharts();

        assertEquals("USD 196,200,000.00 received against the plan's envelope of USD 970,000,000.00: 20.2%.",
                browser.findElement(By.id("shown")).getText());
        assertEquals(List.of("196,200,000.00", "970,000,000.00", "20.2%"), cells("#plan-total td"));
        assertEquals(List.of(60000000L, 41000000L, 262000000L, 607000000L), script(
                "return echarts.getInstanceByDom(document.getElementById('plan-chart')).getOption().series[1].data"));
        assertTrue(chartTexts("plan-chart").containsAll(List.of("23.7%", "7.1%", "13.1%", "23.9%")), chartTexts("plan-chart").toString());
        assertNoSevereConsoleEntries();
    }

    @Test
    void frenchAndChineseLabelsAppearWithLangAndTheBrowsersLanguage() {
        publishTheYear();

        browser.get(root + "?year=" + YEAR + "&lang=fr");
        awaitCharts();
        assertEquals("ONU-Habitat, mobilisation des ressources, 2097", browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of("Budget ordinaire", "Fondation, non préaffectées", "Fondation, préaffectées", "Coopération technique"),
                script("return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().yAxis[0].data"));
        assertTrue(chartTexts("progress-chart").stream().map(DashboardBrowserTest::plainSpaces).toList().contains("97,9 %"));
        assertEquals("14 200 000,00", plainSpaces(cells("#progress-table tbody tr:first-child td").get(0)));

        browser.get(root + "?year=" + YEAR + "&lang=zh");
        awaitCharts();
        assertEquals("人居署资源调动，2097年", browser.findElement(By.tagName("h1")).getText());
        assertEquals("经常预算", script(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().yAxis[0].data[0]"));
        assertTrue(browser.findElement(By.id("shown")).getText().contains("2097年11月20日"));
        assertNoSevereConsoleEntries();

        given().header("Accept-Language", "es-MX, en;q=0.5").get("/?year=" + YEAR).then().statusCode(200)
                .header("Content-Language", "es")
                .body(containsString("<h1>ONU-Hábitat, movilización de recursos, 2097</h1>"));
    }

    @Test
    void nothingOverlapsOrOverflowsOnADesktopOrAPhoneScreen() throws IOException {
        publishTheYear();
        Files.createDirectories(SCREENSHOTS);

        List<Object> problems = new ArrayList<>();
        for (int width : List.of(1280, 390)) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
            for (String view : List.of("year=" + YEAR, "plan=" + PLAN, "year=" + YEAR + "&lang=zh", "year=" + YEAR + "&lang=fr")) {
                browser.get(root + "?" + view);
                awaitCharts();
                screenshot(SCREENSHOTS.resolve(view.replaceAll("[^a-z0-9]+", "-") + "-" + width + ".png"));
                ((List<?>) browser.executeScript(OVERLAPS, width)).forEach(problem -> problems.add(view + " at " + width + " px: " + problem));
            }
        }
        assertEquals(List.of(), problems);
        assertNoSevereConsoleEntries();
    }

    @Test
    void theMonthlyUpdateThanksThePartnersWhoPaidNamesNoIndividualAndPrintsOnOneA4Page() throws IOException {
        publishTheYear();

        browser.get(root + "monthly-update?month=" + YEAR + "-06");
        Files.createDirectories(SCREENSHOTS);
        screenshot(SCREENSHOTS.resolve("monthly-update-1280.png"));

        assertEquals("Monthly financial update, June 2097", browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of("European Commission"), cells("#thanked li"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("individual donors who gave this month"));
        assertFalse(browser.getPageSource().contains(PERSON.name()));
        assertEquals("34,800,000.00", browser.findElement(By.cssSelector("#update-income tfoot td")).getText());
        assertEquals(List.of("152,600,000.00", "0.00", "0.0%"), cells("#update-progress tbody tr:nth-child(4) td"),
                "nothing received against a target is 0.0%, not a missing figure");
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        byte[] pdf = Base64.getDecoder().decode(browser.print(a4).getContent());
        Files.write(SCREENSHOTS.resolve("monthly-update.pdf"), pdf);
        assertEquals(1, Pattern.compile("/Type\\s*/Page\\b(?!s)").matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results().count());
        assertNoSevereConsoleEntries();
    }

    @Test
    void axeFindsNoSeriousOrCriticalAccessibilityViolationInAnyView() throws IOException {
        publishTheYear();
        String axe;
        try (var script = Thread.currentThread().getContextClassLoader().getResourceAsStream(AXE)) {
            assertNotNull(script, AXE + " is missing from the test classpath");
            axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }

        List<Object> violations = new ArrayList<>();
        for (String view : List.of("?year=" + YEAR, "?year=" + YEAR + "&lang=zh", "?plan=" + PLAN, "?year=2030",
                "monthly-update?month=" + YEAR + "-06&lang=fr")) {
            browser.get(root + view);
            awaitCharts();
            script(axe);
            ((List<?>) browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, { resultTypes: ['violations'] }).then(function (results) {
                      done(results.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                        .map(function (v) { return v.id + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));
                    });""")).forEach(violation -> violations.add(view + ": " + violation));
        }
        assertEquals(List.of(), violations);
        assertNoSevereConsoleEntries();
    }

    @Test
    void theDashboardIsServedWithAStrictContentSecurityPolicyAndClearErrors() {
        given().get("/?year=" + YEAR).then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'self'; script-src 'self'; style-src 'self' "
                        + "'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=60")
                .header("Content-Language", "en");
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        given().get("/dashboard/dashboard.js").then().statusCode(200);
        given().get("/?year=1800").then().statusCode(400).contentType("application/problem+json");
        given().get("/?year=last").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        given().get("/?asOf=yesterday").then().statusCode(400).contentType("application/problem+json");
        given().get("/?lang=de").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lang"));
        given().get("/?year=2021&plan=2020-2023").then().statusCode(400).contentType("application/problem+json");
        given().get("/?plan=1990-1993").then().statusCode(404).contentType("application/problem+json");
        given().get("/monthly-update").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"));
        given().get("/monthly-update?month=2021-13").then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * Every visible chart label (ECharts' SVG renderer draws them as text elements) measured against every other
     * label of its chart and against the chart's box, and the page against the screen's width (a phone's layout
     * viewport grows to fit wider content, so window.innerWidth would hide an overflow).
     */
    private static final String OVERLAPS = """
            const problems = [];
            const width = arguments[0];
            if (document.documentElement.scrollWidth > width) {
              const wide = Array.from(document.body.querySelectorAll('*')).filter(function (element) {
                return element.getBoundingClientRect().right > width + 1;
              }).slice(0, 3).map(function (element) { return element.tagName + '#' + element.id + '.' + element.className; });
              problems.push('page ' + document.documentElement.scrollWidth + ' px wide in ' + width + ': ' + wide);
            }
            document.querySelectorAll('.chart').forEach(function (chart) {
              const frame = chart.getBoundingClientRect();
              const labels = Array.from(chart.querySelectorAll('svg text')).filter(function (text) {
                const style = getComputedStyle(text);
                const box = text.getBoundingClientRect();
                return text.textContent.trim() && style.display !== 'none' && style.visibility !== 'hidden'
                  && Number(style.opacity) > 0 && box.width > 0 && box.height > 0;
              }).map(function (text) { return { text: text.textContent, box: text.getBoundingClientRect() }; });
              labels.forEach(function (label, index) {
                const b = label.box;
                if (b.left < frame.left - 1 || b.right > frame.right + 1 || b.top < frame.top - 1 || b.bottom > frame.bottom + 1) {
                  problems.push(chart.id + ': "' + label.text + '" leaves the chart');
                }
                labels.slice(index + 1).forEach(function (other) {
                  const o = other.box;
                  if (Math.min(b.right, o.right) - Math.max(b.left, o.left) > 1 && Math.min(b.bottom, o.bottom) - Math.max(b.top, o.top) > 1) {
                    problems.push(chart.id + ': "' + label.text + '" overlaps "' + other.text + '"');
                  }
                });
              });
            });
            return problems;""";

    private void publishTheYear() {
        if (published) {
            return;
        }
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        events.target(YEAR, "REGULAR_BUDGET", "14500000.00");
        events.target(YEAR, "FOUNDATION_NON_EARMARKED", "10000000.00");
        events.target(YEAR, "FOUNDATION_EARMARKED", "43300000.00");
        events.target(YEAR, "TECHNICAL_COOPERATION", "152600000.00");
        pay(events, USA, "REGULAR_BUDGET", "GLOBAL", "14200000.00", "01-10", "03-15");
        pay(events, CHINA, "FOUNDATION_NON_EARMARKED", "GLOBAL", "2400000.00", "02-01", "05-10");
        pay(events, PERSON, "FOUNDATION_NON_EARMARKED", "ARAB_STATES", "500000.00", "06-01", "06-20");
        pay(events, COMMISSION, "FOUNDATION_EARMARKED", "ARAB_STATES", "34300000.00", "02-15", "06-05");
        pay(events, COMMISSION, "TECHNICAL_COOPERATION", "AFRICA", "100000000.00", "03-01", "09-01");
        pay(events, FUND, "TECHNICAL_COOPERATION", "ASIA_PACIFIC", "44800000.00", "04-01", "11-20");
        events.pledge(CHINA, "TECHNICAL_COOPERATION", "LATIN_AMERICA_CARIBBEAN", "USD", "5000000.00", "1", YEAR + "-10-01");
        envelope(PLAN, "REGULAR_BUDGET", "60000000.00");
        envelope(PLAN, "FOUNDATION_NON_EARMARKED", "41000000.00");
        envelope(PLAN, "FOUNDATION_EARMARKED", "262000000.00");
        envelope(PLAN, "TECHNICAL_COOPERATION", "607000000.00");
        envelope(EMPTY_PLAN, "REGULAR_BUDGET", "1000000.00");
        published = true;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get("/api/v1/progress?year=" + YEAR).then().statusCode(200)
                    .body("totals.receivedUsd", equalTo("196200000.00")).body("totals.targetUsd", equalTo("220400000.00"))
                    .body("totals.pledgedUsd", equalTo("201200000.00"));
            given().get("/api/v1/progress?plan=" + PLAN).then().statusCode(200).body("totals.targetUsd", equalTo("970000000.00"));
            given().get("/api/v1/progress?plan=" + EMPTY_PLAN).then().statusCode(200).body("totals.targetUsd", equalTo("1000000.00"));
        });
    }

    private static void pay(ContributionEvents events, Contributor contributor, String line, String region, String amount,
                            String pledgedOn, String receivedOn) {
        UUID pledge = events.pledge(contributor, line, region, "USD", amount, "1", YEAR + "-" + pledgedOn);
        events.payment(pledge, contributor, line, region, "USD", amount, "1", YEAR + "-" + receivedOn, YEAR);
    }

    private void envelope(String plan, String line, String amountUsd) {
        KafkaRecords.publish(bootstrapServers, "targets.events", plan, UUID.randomUUID().toString(), "org.unhabitat.plan.line-defined.v1", """
                {"planId":"%s","startYear":%s,"endYear":%s,"budgetLine":"%s","amountUsd":"%s","definedBy":"reference-data",
                 "reason":"The 2020-2023 envelopes, replayed"}""".formatted(plan, plan.substring(0, 4), plan.substring(5), line, amountUsd));
    }

    private void awaitCharts() {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> Boolean.TRUE.equals(script(
                "return Array.from(document.querySelectorAll('.chart')).every(function (chart) {"
                        + " return chart.getAttribute('data-chart-finished') === 'true'; })")));
    }

    private static List<String> chartTexts(String id) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) script("return Array.from(document.querySelectorAll('#" + id + " svg text'))"
                + ".map(function (text) { return text.textContent; })");
        return texts;
    }

    /** Text of cells, read through textContent so that screen-reader-only tables count too. */
    private static List<String> cells(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream()
                .map(cell -> cell.getDomProperty("textContent").trim()).toList();
    }

    /** French groups digits with narrow no-break spaces and puts one before %; compared here as plain spaces. */
    private static String plainSpaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static void screenshot(Path file) throws IOException {
        Number height = (Number) script("return document.documentElement.scrollHeight");
        Number width = (Number) script("return window.innerWidth");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    private static void assertNoSevereConsoleEntries() {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "browser console: " + severe);
    }
}
