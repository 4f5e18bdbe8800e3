package org.cjkbook.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * A tagged PDF read back as a screen reader reads it: its structure elements in the order
 * of the structure tree, each with the text of its marked content and of the elements in
 * it, in order; and the text of the content marked as artifacts.
 */
final class TaggedContent {

    /** A structure element: its type, its text, what is in it, and the annotations it holds. */
    record Element(String type, String text, List<Element> kids, List<PDAnnotation> annotations,
                   PDStructureElement source) {

        /** This element and those inside it, depth first, that are of {@code type}. */
        List<Element> all(String type) {
            List<Element> found = new ArrayList<>();
            if (type().equals(type)) {
                found.add(this);
            }
            kids.forEach(kid -> found.addAll(kid.all(type)));
            return found;
        }

        List<String> kidTypes() {
            return kids.stream().map(Element::type).toList();
        }
    }

    private final Map<PDPage, Map<Integer, String>> contentByPage = new HashMap<>();
    private final List<String> artifacts = new ArrayList<>();

    private TaggedContent(PDDocument pdf) throws IOException {
        for (PDPage page : pdf.getPages()) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> content = new HashMap<>();
            for (PDMarkedContent marked : extractor.getMarkedContents()) {
                String text = text(marked);
                if (marked.getMCID() >= 0) {
                    content.merge(marked.getMCID(), text, String::concat);
                } else if ("Artifact".equals(marked.getTag())) {
                    artifacts.add(text);
                }
            }
            contentByPage.put(page, content);
        }
    }

    /** The structure tree's root element (the Document). */
    static Element root(PDDocument pdf) throws IOException {
        TaggedContent content = new TaggedContent(pdf);
        Object root = pdf.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
        return content.element((PDStructureElement) root, null);
    }

    /** The text of each piece of content marked as an artifact, page by page. */
    static List<String> artifacts(PDDocument pdf) throws IOException {
        return new TaggedContent(pdf).artifacts;
    }

    private Element element(PDStructureElement element, PDPage inherited) {
        PDPage page = element.getPage() != null ? element.getPage() : inherited;
        StringBuilder text = new StringBuilder();
        List<Element> kids = new ArrayList<>();
        List<PDAnnotation> annotations = new ArrayList<>();
        for (Object kid : element.getKids()) {
            if (kid instanceof Integer id) {
                text.append(contentByPage.get(page).getOrDefault(id, ""));
            } else if (kid instanceof PDMarkedContentReference reference) {
                text.append(contentByPage.get(reference.getPage()).getOrDefault(reference.getMCID(), ""));
            } else if (kid instanceof PDObjectReference reference
                    && reference.getReferencedObject() instanceof PDAnnotation annotation) {
                annotations.add(annotation);
            } else if (kid instanceof PDStructureElement inside) {
                Element read = element(inside, page);
                kids.add(read);
                text.append(read.text());
            }
        }
        return new Element(element.getStructureType(), text.toString(), kids, annotations, element);
    }

    private static String text(PDMarkedContent marked) {
        StringBuilder text = new StringBuilder();
        for (Object content : marked.getContents()) {
            if (content instanceof TextPosition glyph) {
                text.append(glyph.getUnicode());
            } else if (content instanceof PDMarkedContent inner) {
                text.append(text(inner));
            }
        }
        return text.toString();
    }
}
