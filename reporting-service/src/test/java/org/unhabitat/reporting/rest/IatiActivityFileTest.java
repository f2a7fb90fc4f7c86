package org.unhabitat.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unhabitat.reporting.ContributionEvents;
import org.unhabitat.reporting.ContributionEvents.Contributor;
import org.unhabitat.reporting.ContributionEvents.Entry;
import org.unhabitat.reporting.ContributionEvents.Pledge;
import org.unhabitat.reporting.ContributionEvents.Purpose;
import org.unhabitat.testing.SuiteInfrastructure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The IATI activity file, from a fund of these tests' own with money of 2053: a member state with an IATI
 * identifier pledges EUR 800 and pays EUR 400, and an individual gives USD 50 to the same fund online.
 */
@QuarkusTest
@QuarkusTestResource(SuiteInfrastructure.class)
class IatiActivityFileTest {

    private static final String FILE = "/api/v1/open-data/iati/activities.xml";
    private static final String FUND = "IATI-FUND-2053";
    private static final Contributor STATE = new Contributor("IATI-STATE", "Republic of Iati", "MEMBER_STATE");
    private static final Contributor PERSON = new Contributor("IATI-PERSON", "Jo Iatigiver", "INDIVIDUAL");
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void publishTheFundOnce() {
        if (published) {
            return;
        }
        published = true;
        ContributionEvents events = new ContributionEvents(bootstrapServers);
        events.programme(FUND, "Iati test fund", "FUND", "FOUNDATION_EARMARKED", null, 2053);
        events.registerV2(STATE, "XI-IATI-EX1");
        Purpose direct = new Purpose(FUND, "DIRECT", "GRANT");
        Pledge pledge = events.pledgeV2(STATE, "FOUNDATION_EARMARKED", "EARMARKED", "GLOBAL", direct, "EUR", "0.8", "2053-02-01",
                new Entry(2053, "800.00", "1000.00"));
        events.payV2(pledge, direct, "400.00", "2053-06-01", 2053);
        Purpose online = new Purpose(FUND, "ONLINE_GIVING", "GRANT");
        Pledge gift = events.pledgeV2(PERSON, "FOUNDATION_EARMARKED", "EARMARKED", "GLOBAL", online, "USD", "1", "2053-03-01",
                new Entry(2053, "50.00", "50.00"));
        events.payV2(gift, online, "50.00", "2053-03-01", 2053);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get(FILE).then().statusCode(200)
                .body(containsString("2053-06-01")).body(containsString("2053-03-01")));
    }

    @Test
    void theActivityFileIsValidAgainstTheOfficialIati203Schema() throws Exception {
        Path schemaFile = IatiOrganisationFileTest.schemaDirectory().resolve("iati-activities-schema.xsd");
        assumeTrue(Files.isRegularFile(schemaFile), "The official IATI 2.03 schemas are not at " + schemaFile.toAbsolutePath()
                + " (set -D" + IatiOrganisationFileTest.SCHEMA_DIRECTORY_PROPERTY + "=<folder>); skipping schema validation");
        byte[] xml = given().get(FILE).then().statusCode(200).contentType(containsString("application/xml")).extract().asByteArray();

        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Validator validator = factory.newSchema(schemaFile.toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException invalid) {
            throw new AssertionError("Not valid IATI 2.03: " + invalid.getMessage() + "\n" + new String(xml, StandardCharsets.UTF_8), invalid);
        }
    }

    @Test
    void aProgrammeIsAnActivityWhosePledgesAreIncomingCommitmentsAndPaymentsIncomingFundsInTheirCurrency() throws Exception {
        byte[] xml = given().get(FILE).then().statusCode(200).extract().asByteArray();
        Element fund = activity(xml, "XM-DAC-41120-" + FUND);
        assertEquals("Iati test fund", ((Element) fund.getElementsByTagName("title").item(0)).getTextContent().strip());
        NodeList transactions = fund.getElementsByTagName("transaction");
        assertEquals(4, transactions.getLength());
        assertTransaction((Element) transactions.item(0), "11", "2053-02-01", "EUR", "800", "XI-IATI-EX1", "Republic of Iati");
        assertTransaction((Element) transactions.item(1), "11", "2053-03-01", "USD", "50", "", "Individual donor");
        assertTransaction((Element) transactions.item(2), "1", "2053-03-01", "USD", "50", "", "Individual donor");
        assertTransaction((Element) transactions.item(3), "1", "2053-06-01", "EUR", "400", "XI-IATI-EX1", "Republic of Iati");
        String file = new String(xml, StandardCharsets.UTF_8);
        assertFalse(file.contains("Jo Iatigiver") || file.contains("IATI-PERSON"), "an individual is never named");
    }

    private static void assertTransaction(Element transaction, String type, String date, String currency, String amount,
                                          String providerRef, String providerName) {
        assertEquals(type, ((Element) transaction.getElementsByTagName("transaction-type").item(0)).getAttribute("code"));
        assertEquals(date, ((Element) transaction.getElementsByTagName("transaction-date").item(0)).getAttribute("iso-date"));
        Element value = (Element) transaction.getElementsByTagName("value").item(0);
        assertEquals(currency, value.getAttribute("currency"));
        assertEquals(date, value.getAttribute("value-date"));
        assertEquals(amount, value.getTextContent());
        Element provider = (Element) transaction.getElementsByTagName("provider-org").item(0);
        assertEquals(providerRef, provider.getAttribute("ref"));
        assertEquals(providerName, provider.getTextContent().strip());
    }

    private static Element activity(byte[] xml, String identifier) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList activities = document.getElementsByTagName("iati-activity");
        for (int i = 0; i < activities.getLength(); i++) {
            Element activity = (Element) activities.item(i);
            if (activity.getElementsByTagName("iati-identifier").item(0).getTextContent().equals(identifier)) {
                return activity;
            }
        }
        throw new AssertionError("no activity " + identifier);
    }
}
