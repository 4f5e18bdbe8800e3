package org.cjkbook;

import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The one way cjkbook parses XML: nothing outside the document is ever read or fetched.
 * External entities, external DTDs, XInclude and schemas are off, and an entity the
 * parser would still resolve is refused, so a document that needs one fails to parse.
 */
public final class SafeXml {

    private SafeXml() {
    }

    /**
     * A namespace-aware parser. With {@code doctypeAllowed} false a document with any
     * DOCTYPE is refused; with it true, a DOCTYPE is read but its external subset never
     * loaded, and the caller decides what to accept from its internal subset.
     */
    public static DocumentBuilder parser(boolean doctypeAllowed) {
        // The JDK's own parser: one on the class path may not know the settings below.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", !doctypeAllowed);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("refers to an outside resource (" + systemId + ")");
            });
            // Parse errors are thrown; the default handler would also print them.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
    }

    /** An input source for a string, for {@link DocumentBuilder#parse(InputSource)}. */
    public static InputSource source(String xml) {
        return new InputSource(new StringReader(xml));
    }
}
