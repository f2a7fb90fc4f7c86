package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.testing.SuiteInfrastructure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class IatiOrganisationFileTest {

    /** Where the official IATI 2.03 schemas are: beside the repository, or wherever this property says. */
    static final String SCHEMA_DIRECTORY_PROPERTY = "iati.schema.dir";
    private static final String FILE = "/api/v1/open-data/iati/organisation.xml";
    private static final int YEAR = 2042;

    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theOrganisationFileIsValidAgainstTheOfficialIati203Schema() throws Exception {
        Path schemaFile = schemaDirectory().resolve("iati-organisations-schema.xsd");
        assumeTrue(Files.isRegularFile(schemaFile), "The official IATI 2.03 schemas are not at " + schemaFile.toAbsolutePath()
                + " (set -D" + SCHEMA_DIRECTORY_PROPERTY + "=<folder>); skipping schema validation");
        publishTargetsAndIncome();

        byte[] xml = given().get(FILE).then().statusCode(200).contentType(containsString("application/xml")).extract().asByteArray();

        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // The schemas include each other by relative path; nothing may be fetched from the network.
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Schema schema = factory.newSchema(schemaFile.toFile());
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException invalid) {
            throw new AssertionError("Not valid IATI 2.03: " + invalid.getMessage() + "\n" + new String(xml), invalid);
        }
    }

    @Test
    void eachYearWithTargetsIsAnIndicativeTotalBudgetWithOneLinePerCoreBudgetLine() throws Exception {
        publishTargetsAndIncome();
        Document file = parse(given().get(FILE).then().statusCode(200).extract().asByteArray());

        Element organisation = (Element) file.getElementsByTagName("iati-organisation").item(0);
        assertEquals("USD", organisation.getAttribute("default-currency"));
        assertEquals("XM-DAC-41120", text(organisation, "organisation-identifier").get(0));
        Element reportingOrg = (Element) organisation.getElementsByTagName("reporting-org").item(0);
        assertEquals("XM-DAC-41120", reportingOrg.getAttribute("ref"));
        assertEquals("40", reportingOrg.getAttribute("type"));

        Element budget = yearElement(file.getElementsByTagName("total-budget"), YEAR);
        assertEquals("1", budget.getAttribute("status"));
        assertEquals(YEAR + "-12-31", ((Element) budget.getElementsByTagName("period-end").item(0)).getAttribute("iso-date"));
        Element total = (Element) budget.getElementsByTagName("value").item(0);
        assertEquals("38000000.00", total.getTextContent());
        assertEquals(YEAR + "-01-01", total.getAttribute("value-date"));
        NodeList lines = budget.getElementsByTagName("budget-line");
        assertEquals(4, lines.getLength());
        assertEquals("FOUNDATION_NON_EARMARKED", ((Element) lines.item(1)).getAttribute("ref"));
        assertEquals(List.of("3000000.00", "5000000.00", "10000000.00", "20000000.00"), text(budget, "budget-line", "value"));
        assertEquals("Foundation non-earmarked", text((Element) lines.item(1), "narrative").get(0));
    }

    @Test
    void incomeReceivedIsPublishedInTheNamespacedExtensionBecauseIatiHasNoIncomeElement() throws Exception {
        publishTargetsAndIncome();
        Document file = parse(given().get(FILE).then().statusCode(200).extract().asByteArray());

        NodeList incomes = file.getElementsByTagNameNS("https://open.unhabitat.org/ns/iati-income/1", "income-received");
        Element income = null;
        for (int i = 0; i < incomes.getLength(); i++) {
            if (((Element) incomes.item(i)).getAttribute("period-start").equals(YEAR + "-01-01")) {
                income = (Element) incomes.item(i);
            }
        }
        assertTrue(income != null, "an income-received element for " + YEAR);
        assertEquals("1250000.00", income.getAttribute("value"));
        assertEquals("USD", income.getAttribute("currency"));
        NodeList lines = income.getElementsByTagNameNS("https://open.unhabitat.org/ns/iati-income/1", "income-line");
        assertEquals(1, lines.getLength());
        assertEquals("FOUNDATION_NON_EARMARKED", ((Element) lines.item(0)).getAttribute("ref"));
        assertEquals("1250000.00", ((Element) lines.item(0)).getAttribute("value"));
    }

    @Test
    void aRegionWithProgrammeTargetsGetsAnIndicativeRecipientRegionBudgetPerLine() throws Exception {
        publishTargetsAndIncome();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(FILE).then().statusCode(200)
                .body(containsString("recipient-region-budget")).body(containsString("850000.00")));
        Document file = parse(given().get(FILE).then().statusCode(200).extract().asByteArray());

        NodeList budgets = file.getElementsByTagName("recipient-region-budget");
        Element arab = null;
        for (int i = 0; i < budgets.getLength(); i++) {
            Element budget = (Element) budgets.item(i);
            Element region = (Element) budget.getElementsByTagName("recipient-region").item(0);
            String start = ((Element) budget.getElementsByTagName("period-start").item(0)).getAttribute("iso-date");
            if (region.getAttribute("code").equals("ARAB_STATES") && start.equals(YEAR + "-01-01")) {
                arab = budget;
                assertEquals("99", region.getAttribute("vocabulary"));
            }
        }
        assertTrue(arab != null, "a recipient-region-budget for the Arab States in " + YEAR);
        assertEquals("1", arab.getAttribute("status"));
        assertEquals("850000.00", ((Element) arab.getElementsByTagName("value").item(0)).getTextContent());
        assertEquals(List.of("600000.00", "250000.00"), text(arab, "budget-line", "value"));
    }

    @Test
    void anUnchangedFileKeepsItsTimestampsAndETagSoPortalsCanRevalidate() throws Exception {
        publishTargetsAndIncome();
        Response first = given().get(FILE).then().statusCode(200).extract().response();
        Element organisations = parse(first.asByteArray()).getDocumentElement();
        String lastUpdated = ((Element) organisations.getElementsByTagName("iati-organisation").item(0))
                .getAttribute("last-updated-datetime");
        assertEquals(lastUpdated, organisations.getAttribute("generated-datetime"));
        assertTrue(Instant.parse(lastUpdated).isBefore(Instant.now()), "the time of the last event applied: " + lastUpdated);

        Thread.sleep(1100);
        given().header("If-None-Match", first.header("ETag")).get(FILE).then().statusCode(304);
    }

    static Path schemaDirectory() {
        String override = System.getProperty(SCHEMA_DIRECTORY_PROPERTY);
        return override != null && !override.isBlank() ? Path.of(override) : Path.of("..", "..", "shared", "reference", "iati-2.03");
    }

    private void publishTargetsAndIncome() {
        if (!published) {
            ContributionEvents events = new ContributionEvents(bootstrapServers);
            events.target(YEAR, "REGULAR_BUDGET", "3000000.00");
            events.target(YEAR, "FOUNDATION_NON_EARMARKED", "5000000.00");
            events.target(YEAR, "FOUNDATION_EARMARKED", "10000000.00");
            events.target(YEAR, "TECHNICAL_COOPERATION", "20000000.00");
            ContributionEvents.Contributor usa = new ContributionEvents.Contributor("USA", "United States of America", "MEMBER_STATE");
            events.programme("IATI-ORG-APPEAL", "Organisation file appeal", "APPEAL", "FOUNDATION_EARMARKED", "ARAB_STATES", YEAR);
            events.programmeTarget("IATI-ORG-APPEAL", YEAR, "400000.00", 1);
            events.programmeTarget("IATI-ORG-APPEAL", YEAR, "600000.00", 2);
            events.programme("IATI-ORG-WINDOW", "Organisation file window", "THEMATIC_WINDOW", "TECHNICAL_COOPERATION", "ARAB_STATES", YEAR);
            events.programmeTarget("IATI-ORG-WINDOW", YEAR, "250000.00", 1);
            var pledge = events.pledge(usa, "FOUNDATION_NON_EARMARKED", "GLOBAL", "USD", "1250000.00", "1", YEAR + "-01-20");
            events.payment(pledge, usa, "FOUNDATION_NON_EARMARKED", "GLOBAL", "USD", "1250000.00", "1", YEAR + "-02-20", YEAR);
            published = true;
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/progress?year=" + YEAR).then()
                .statusCode(200)
                .body("totals.targetUsd", equalTo("38000000.00"))
                .body("totals.receivedUsd", equalTo("1250000.00")));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element yearElement(NodeList elements, int year) {
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            Element start = (Element) element.getElementsByTagName("period-start").item(0);
            if (start.getAttribute("iso-date").equals(year + "-01-01")) {
                return element;
            }
        }
        throw new AssertionError("No element for " + year);
    }

    private static List<String> text(Element parent, String... path) {
        List<Element> level = List.of(parent);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element element : level) {
                NodeList children = element.getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return level.stream().map(Element::getTextContent).toList();
    }
}
