package org.cjkbook.pdf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;

/**
 * The PDF's XMP metadata: what its document information dictionary says, again in the
 * words of Dublin Core, XMP and the PDF schema, which archives, catalogues and PDF/A read
 * instead, with the book's subjects and language, and the standards the file claims to meet.
 * Its ids are made from the document's, so that the same book gives the same bytes.
 */
final class XmpMetadata {

    /**
     * The standards a file claims: a part of PDF/A and its level ({@code A} or {@code B}),
     * a part of PDF/UA; part 0 for none.
     */
    record Claims(int pdfaPart, char pdfaLevel, int uaPart) {
    }

    private final StringBuilder xml = new StringBuilder(2048);

    private XmpMetadata() {
    }

    /**
     * The metadata packet of a PDF whose document information is {@code info}, dated
     * {@code date} (to the second, as the dictionary's dates are), with the document id
     * {@code documentId}, claiming {@code claims}.
     */
    static byte[] of(PdfDictionary info, String language, List<String> subjects, Instant date, byte[] documentId,
                     Claims claims) {
        XmpMetadata x = new XmpMetadata();
        x.xml.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");

        x.open("dc", "http://purl.org/dc/elements/1.1/");
        x.simple("dc:format", "application/pdf");
        x.alternative("dc:title", text(info, PdfName.TITLE));
        // PDF/A takes the Author entry for the one creator it holds: the names as the entry joins them.
        String author = text(info, PdfName.AUTHOR);
        x.list("dc:creator", "Seq", author == null ? List.of() : List.of(author));
        x.alternative("dc:description", text(info, PdfName.SUBJECT));
        x.list("dc:subject", "Bag", subjects);
        x.list("dc:language", "Bag", List.of(language));
        x.close();

        String when = date.truncatedTo(ChronoUnit.SECONDS).toString();
        x.open("xmp", "http://ns.adobe.com/xap/1.0/");
        x.simple("xmp:CreateDate", when);
        x.simple("xmp:ModifyDate", when);
        x.simple("xmp:MetadataDate", when);
        x.simple("xmp:CreatorTool", text(info, PdfName.CREATOR));
        x.close();

        x.open("pdf", "http://ns.adobe.com/pdf/1.3/");
        x.simple("pdf:Producer", text(info, PdfName.PRODUCER));
        x.simple("pdf:Keywords", text(info, PdfName.KEYWORDS));
        x.close();

        // One version of one document: both ids are the document's.
        String id = "uuid:" + UUID.nameUUIDFromBytes(documentId);
        x.open("xmpMM", "http://ns.adobe.com/xap/1.0/mm/");
        x.simple("xmpMM:DocumentID", id);
        x.simple("xmpMM:InstanceID", id);
        x.close();

        if (claims.pdfaPart() > 0) {
            x.open("pdfaid", "http://www.aiim.org/pdfa/ns/id/");
            x.simple("pdfaid:part", Integer.toString(claims.pdfaPart()));
            x.simple("pdfaid:conformance", String.valueOf(claims.pdfaLevel()));
            x.close();
        }
        if (claims.uaPart() > 0) {
            x.open("pdfuaid", "http://www.aiim.org/pdfua/ns/id/");
            x.simple("pdfuaid:part", Integer.toString(claims.uaPart()));
            x.close();
            if (claims.pdfaPart() == 1) {
                x.uaSchemaForPdfa1();
            }
        }
        x.xml.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return x.xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(PdfDictionary info, PdfName key) {
        return info.get(key) instanceof PdfString s ? s.toUnicodeString() : null;
    }

    private void open(String prefix, String namespace) {
        xml.append("<rdf:Description rdf:about=\"\" xmlns:").append(prefix).append("=\"").append(namespace)
                .append("\">\n");
    }

    private void close() {
        xml.append("</rdf:Description>\n");
    }

    private void simple(String property, String value) {
        if (value != null) {
            xml.append(' ').append('<').append(property).append('>').append(escaped(value))
                    .append("</").append(property).append(">\n");
        }
    }

    /** A text in the document's language and any other: the only form dc:title and dc:description take. */
    private void alternative(String property, String value) {
        if (value != null) {
            xml.append(" <").append(property).append("><rdf:Alt><rdf:li xml:lang=\"x-default\">")
                    .append(escaped(value)).append("</rdf:li></rdf:Alt></").append(property).append(">\n");
        }
    }

    private void list(String property, String kind, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        xml.append(" <").append(property).append("><rdf:").append(kind).append('>');
        for (String value : values) {
            xml.append("<rdf:li>").append(escaped(value)).append("</rdf:li>");
        }
        xml.append("</rdf:").append(kind).append("></").append(property).append(">\n");
    }

    /**
     * PDF/A-1 knows the schemas of 2004 only: any other one a file uses, as PDF/UA's
     * identification, is described in the file itself.
     */
    private void uaSchemaForPdfa1() {
        xml.append("<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
                .append(" <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
                .append("  <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>\n")
                .append("  <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n")
                .append("  <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n")
                .append("  <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n")
                .append("   <pdfaProperty:name>part</pdfaProperty:name>\n")
                .append("   <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n")
                .append("   <pdfaProperty:category>internal</pdfaProperty:category>\n")
                .append("   <pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>\n")
                .append("  </rdf:li></rdf:Seq></pdfaSchema:property>\n")
                .append(" </rdf:li></rdf:Bag></pdfaExtension:schemas>\n")
                .append("</rdf:Description>\n");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
