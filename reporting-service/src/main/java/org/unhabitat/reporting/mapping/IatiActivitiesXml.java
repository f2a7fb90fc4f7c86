package org.unhabitat.reporting.mapping;

import org.unhabitat.reporting.api.IatiActivities;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;

/**
 * UN-Habitat's IATI 2.03 activity file of incoming money: what d-portal and the IATI Datastore index. Each activity
 * is UN-Habitat's own (reporting and implementing organisation), and its transactions are incoming only.
 */
public final class IatiActivitiesXml {

    /** IATI OrganisationRole code list: 4 is Implementing. */
    private static final String IMPLEMENTING = "4";
    /** IATI ActivityStatus code list: 2 is Implementation. */
    private static final String IMPLEMENTATION = "2";
    /** IATI ActivityDateType code list: 2 is Actual start. */
    private static final String ACTUAL_START = "2";
    private static final String MULTILATERAL = "40";

    public static String write(IatiActivities file) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            String timestamp = DateTimeFormatter.ISO_INSTANT.format(file.lastUpdated());
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("iati-activities");
            xml.writeAttribute("version", "2.03");
            xml.writeAttribute("generated-datetime", timestamp);
            for (IatiActivities.Activity activity : file.activities()) {
                xml.writeStartElement("iati-activity");
                xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
                xml.writeAttribute("default-currency", "USD");
                xml.writeAttribute("last-updated-datetime", timestamp);
                IatiOrganisationXml.textElement(xml, "iati-identifier", IatiOrganisationXml.IDENTIFIER + "-" + activity.code());
                xml.writeStartElement("reporting-org");
                xml.writeAttribute("ref", IatiOrganisationXml.IDENTIFIER);
                xml.writeAttribute("type", MULTILATERAL);
                narrative(xml, "UN-Habitat");
                xml.writeEndElement();
                xml.writeStartElement("title");
                narrative(xml, activity.title());
                xml.writeEndElement();
                xml.writeStartElement("description");
                narrative(xml, activity.description());
                xml.writeEndElement();
                xml.writeStartElement("participating-org");
                xml.writeAttribute("ref", IatiOrganisationXml.IDENTIFIER);
                xml.writeAttribute("role", IMPLEMENTING);
                xml.writeAttribute("type", MULTILATERAL);
                narrative(xml, "UN-Habitat");
                xml.writeEndElement();
                xml.writeEmptyElement("activity-status");
                xml.writeAttribute("code", IMPLEMENTATION);
                xml.writeEmptyElement("activity-date");
                xml.writeAttribute("type", ACTUAL_START);
                xml.writeAttribute("iso-date", activity.start().toString());
                for (IatiActivities.Transaction transaction : activity.transactions()) {
                    xml.writeStartElement("transaction");
                    xml.writeEmptyElement("transaction-type");
                    xml.writeAttribute("code", transaction.typeCode());
                    xml.writeEmptyElement("transaction-date");
                    xml.writeAttribute("iso-date", transaction.date().toString());
                    xml.writeStartElement("value");
                    xml.writeAttribute("currency", transaction.currency());
                    xml.writeAttribute("value-date", transaction.date().toString());
                    xml.writeCharacters(transaction.amount().stripTrailingZeros().toPlainString());
                    xml.writeEndElement();
                    xml.writeStartElement("provider-org");
                    if (transaction.providerRef() != null) {
                        xml.writeAttribute("ref", transaction.providerRef());
                    }
                    narrative(xml, transaction.providerName());
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The IATI activity file could not be written", e);
        }
        return out.toString();
    }

    private static void narrative(XMLStreamWriter xml, String text) throws XMLStreamException {
        IatiOrganisationXml.textElement(xml, "narrative", text);
    }

    private IatiActivitiesXml() {
    }
}
