package org.unhabitat.reporting.mapping;

import org.unhabitat.reporting.api.IatiOrganisation;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * UN-Habitat's IATI 2.03 organisation file. The standard has budgets and expenditure but no element
 * for income, and income is not expenditure; so income received is published in an extension
 * element of its own namespace, which the schema allows at the end of iati-organisation.
 */
public final class IatiOrganisationXml {

    public static final String IDENTIFIER = "XM-DAC-41120";
    public static final String EXTENSION_NAMESPACE = "https://open.unhabitat.org/ns/iati-income/1";
    private static final String EXTENSION_PREFIX = "unh";
    /** IATI OrganisationType code list: 40 is Multilateral. */
    private static final String MULTILATERAL = "40";
    /** IATI BudgetStatus code list: 1 is Indicative; income targets are not commitments. */
    private static final String INDICATIVE = "1";
    /**
     * IATI RegionVocabulary 99, the reporting organisation's own: UN-Habitat's executing regions (the source report's
     * Figure 3) are not the OECD DAC's recipient regions, and a mapping between them would be invented.
     */
    private static final String OWN_VOCABULARY = "99";
    private static final String REGION_CODES = "https://open.unhabitat.org/codes/regions";

    public static String write(IatiOrganisation organisation) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("iati-organisations");
            xml.writeNamespace(EXTENSION_PREFIX, EXTENSION_NAMESPACE);
            xml.writeAttribute("version", "2.03");
            String timestamp = DateTimeFormatter.ISO_INSTANT.format(organisation.lastUpdated());
            xml.writeAttribute("generated-datetime", timestamp);

            xml.writeStartElement("iati-organisation");
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
            xml.writeAttribute("default-currency", "USD");
            xml.writeAttribute("last-updated-datetime", timestamp);
            textElement(xml, "organisation-identifier", IDENTIFIER);
            xml.writeStartElement("name");
            textElement(xml, "narrative", "United Nations Human Settlements Programme (UN-Habitat)");
            xml.writeEndElement();
            xml.writeStartElement("reporting-org");
            xml.writeAttribute("ref", IDENTIFIER);
            xml.writeAttribute("type", MULTILATERAL);
            textElement(xml, "narrative", "UN-Habitat");
            xml.writeEndElement();

            for (IatiOrganisation.YearFigures budget : organisation.budgets()) {
                xml.writeStartElement("total-budget");
                xml.writeAttribute("status", INDICATIVE);
                period(xml, budget.year());
                money(xml, "value", budget.totalUsd().toPlainString(), LocalDate.of(budget.year(), 1, 1));
                budgetLines(xml, budget);
                xml.writeEndElement();
            }

            for (IatiOrganisation.RegionBudget regional : organisation.regionBudgets()) {
                IatiOrganisation.YearFigures budget = regional.figures();
                xml.writeStartElement("recipient-region-budget");
                xml.writeAttribute("status", INDICATIVE);
                xml.writeStartElement("recipient-region");
                xml.writeAttribute("vocabulary", OWN_VOCABULARY);
                xml.writeAttribute("vocabulary-uri", REGION_CODES);
                xml.writeAttribute("code", regional.region());
                xml.writeEndElement();
                period(xml, budget.year());
                money(xml, "value", budget.totalUsd().toPlainString(), LocalDate.of(budget.year(), 1, 1));
                budgetLines(xml, budget);
                xml.writeEndElement();
            }

            for (IatiOrganisation.YearFigures income : organisation.income()) {
                xml.writeStartElement(EXTENSION_PREFIX, "income-received", EXTENSION_NAMESPACE);
                xml.writeAttribute("period-start", LocalDate.of(income.year(), 1, 1).toString());
                xml.writeAttribute("period-end", LocalDate.of(income.year(), 12, 31).toString());
                xml.writeAttribute("currency", "USD");
                xml.writeAttribute("value", income.totalUsd().toPlainString());
                for (IatiOrganisation.LineFigure line : income.lines()) {
                    xml.writeStartElement(EXTENSION_PREFIX, "income-line", EXTENSION_NAMESPACE);
                    xml.writeAttribute("ref", line.budgetLine().name());
                    xml.writeAttribute("name", line.budgetLine().englishName());
                    xml.writeAttribute("value", line.amountUsd().toPlainString());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }

            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The IATI organisation file could not be written", e);
        }
        return out.toString();
    }

    /** One budget-line per core budget line that has a figure, at the budget's value-date. */
    private static void budgetLines(XMLStreamWriter xml, IatiOrganisation.YearFigures budget) throws XMLStreamException {
        for (IatiOrganisation.LineFigure line : budget.lines()) {
            xml.writeStartElement("budget-line");
            xml.writeAttribute("ref", line.budgetLine().name());
            money(xml, "value", line.amountUsd().toPlainString(), LocalDate.of(budget.year(), 1, 1));
            textElement(xml, "narrative", line.budgetLine().englishName());
            xml.writeEndElement();
        }
    }

    private static void period(XMLStreamWriter xml, int year) throws XMLStreamException {
        xml.writeEmptyElement("period-start");
        xml.writeAttribute("iso-date", LocalDate.of(year, 1, 1).toString());
        xml.writeEmptyElement("period-end");
        xml.writeAttribute("iso-date", LocalDate.of(year, 12, 31).toString());
    }

    /** value-date is the day whose exchange rate applies; targets are set in USD for the year, so its first day. */
    private static void money(XMLStreamWriter xml, String name, String amount, LocalDate valueDate) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("currency", "USD");
        xml.writeAttribute("value-date", valueDate.toString());
        xml.writeCharacters(amount);
        xml.writeEndElement();
    }

    static void textElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private IatiOrganisationXml() {
    }
}
