package org.cjkbook.epub;

import java.util.List;

import org.cjkbook.model.Book;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Metadata;
import org.cjkbook.xhtml.Markup;

import nl.siegmann.epublib.domain.Resource;
import nl.siegmann.epublib.domain.SpineReference;

/** The package document (EPUB 3) and the NCX that EPUB 2 reading systems navigate by. */
final class PackageDocument {

    private final Book book;
    private final nl.siegmann.epublib.domain.Book epub;
    private final EpubMarkup documents;
    private final String identifier;
    private final String modified;
    private final String coverHref;
    private final Accessibility accessibility;
    private final String printSource;
    private final boolean vertical;

    PackageDocument(Book book, nl.siegmann.epublib.domain.Book epub, EpubMarkup documents,
                    String identifier, String modified, String coverHref, Accessibility accessibility,
                    String printSource, boolean vertical) {
        this.book = book;
        this.epub = epub;
        this.documents = documents;
        this.identifier = identifier;
        this.modified = modified;
        this.coverHref = coverHref;
        this.accessibility = accessibility;
        this.printSource = printSource;
        this.vertical = vertical;
    }

    String packageXml() {
        Metadata meta = book.metadata();
        Markup m = new Markup();
        m.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        m.open("package", "xmlns", "http://www.idpf.org/2007/opf", "version", "3.0", "unique-identifier", "pub-id",
                "xml:lang", meta.language()).newline();
        m.open("metadata", "xmlns:dc", "http://purl.org/dc/elements/1.1/").newline();
        m.element("dc:identifier", identifier, "id", "pub-id").newline();
        m.element("dc:title", meta.title(), "id", "title").newline();
        m.element("meta", "main", "refines", "#title", "property", "title-type").newline();
        m.element("meta", "1", "refines", "#title", "property", "display-seq").newline();
        // Calibre appends every subtitle to the main title, and Kindle takes the first title:
        // the kicker, which reads before the title, goes only into the full title.
        refinedTitle(m, "subtitle", meta.subtitle(), "subtitle");
        refinedTitle(m, "expanded-title", meta.kicker() == null ? null : meta.kicker() + "——" + meta.title(),
                "expanded");
        refinedTitle(m, "column-title", meta.column(), "collection");
        m.element("dc:language", meta.language()).newline();
        contributors(m, "dc:creator", "creator", meta.creators());
        contributors(m, "dc:contributor", "contributor", meta.contributors());
        m.element("dc:date", meta.date() != null ? meta.date() : modified.substring(0, 10)).newline();
        optional(m, "dc:publisher", meta.publisher());
        optional(m, "dc:rights", meta.rights());
        optional(m, "dc:description", meta.description());
        optional(m, "dc:source", meta.source());
        // The edition whose page numbers the page list gives.
        optional(m, "dc:source", printSource);
        if (printSource != null) {
            m.element("meta", printSource, "property", "pageBreakSource").newline();
        }
        for (String subject : meta.subjects()) {
            m.element("dc:subject", subject).newline();
        }
        if (meta.column() != null) {
            m.element("meta", meta.column(), "property", "belongs-to-collection", "id", "column").newline();
            m.element("meta", "series", "refines", "#column", "property", "collection-type").newline();
        }
        accessibility.write(m);
        m.empty("meta", "name", "cover", "content", EpubEdition.idFor(coverHref)).newline();
        if (vertical) {
            // Kindle reads the writing mode from here, not from the stylesheet.
            m.empty("meta", "name", "primary-writing-mode", "content", "vertical-rl").newline();
        }
        m.element("meta", modified, "property", "dcterms:modified").newline();
        m.close("metadata").newline();

        m.open("manifest").newline();
        m.empty("item", "id", "ncx", "href", "toc.ncx", "media-type", EpubEdition.NCX.getName()).newline();
        for (Resource resource : EpubEdition.orderedResources(epub)) {
            m.empty("item", "id", resource.getId(), "href", resource.getHref(),
                    "media-type", resource.getMediaType().getName(), "properties", properties(resource)).newline();
        }
        m.close("manifest").newline();

        m.open("spine", "toc", "ncx", "page-progression-direction", vertical ? "rtl" : null).newline();
        for (SpineReference reference : epub.getSpine().getSpineReferences()) {
            m.empty("itemref", "idref", reference.getResourceId()).newline();
        }
        m.close("spine").newline();
        guide(m);
        m.close("package").newline();
        return m.xml();
    }

    /**
     * The EPUB 2 guide, which EPUB 3 reading systems ignore: Calibre, older Kobos and Send
     * to Kindle find the cover page by it (without it Calibre adds a cover of its own) and
     * open the book at its text.
     */
    private void guide(Markup m) {
        m.open("guide").newline();
        guideReference(m, "cover", documents.cover());
        guideReference(m, "title-page", documents.titlePage());
        guideReference(m, "toc", documents.navigation());
        guideReference(m, "text", documents.chapters().get(0));
        m.close("guide").newline();
    }

    private static void guideReference(Markup m, String type, EpubMarkup.Document document) {
        m.empty("reference", "type", type, "title", document.title(), "href", document.name()).newline();
    }

    private String properties(Resource resource) {
        if (resource.getHref().equals("nav.xhtml")) {
            return "nav";
        }
        return resource.getHref().equals(coverHref) ? "cover-image" : null;
    }

    /** A further title, refined with its type; the main title comes first. */
    private static void refinedTitle(Markup m, String id, String title, String type) {
        if (title != null) {
            m.element("dc:title", title, "id", id).newline();
            m.element("meta", type, "refines", "#" + id, "property", "title-type").newline();
        }
    }

    private static void contributors(Markup m, String element, String idPrefix, List<Contributor> people) {
        for (int i = 0; i < people.size(); i++) {
            Contributor person = people.get(i);
            String id = idPrefix + "-" + (i + 1);
            m.element(element, person.name(), "id", id).newline();
            m.element("meta", person.role().marc(), "refines", "#" + id, "property", "role",
                    "scheme", "marc:relators").newline();
            m.element("meta", person.name(), "refines", "#" + id, "property", "file-as").newline();
        }
    }

    private static void optional(Markup m, String element, String value) {
        if (value != null) {
            m.element(element, value).newline();
        }
    }

    /** The NCX: same table of contents as nav.xhtml, for reading systems that predate it. */
    String ncxXml() {
        Markup m = new Markup();
        m.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        m.open("ncx", "xmlns", "http://www.daisy.org/z3986/2005/ncx/", "version", "2005-1",
                "xml:lang", book.metadata().language()).newline();
        m.open("head").newline();
        m.empty("meta", "name", "dtb:uid", "content", identifier).newline();
        m.empty("meta", "name", "dtb:depth", "content", "1").newline();
        m.empty("meta", "name", "dtb:totalPageCount", "content", "0").newline();
        m.empty("meta", "name", "dtb:maxPageNumber", "content", "0").newline();
        m.close("head").newline();
        m.open("docTitle").element("text", book.metadata().title()).close("docTitle").newline();
        m.open("navMap").newline();
        int order = 0;
        for (EpubMarkup.Document chapter : documents.chapters()) {
            order++;
            m.open("navPoint", "id", "nav-" + order, "playOrder", Integer.toString(order)).newline();
            m.open("navLabel").element("text", chapter.title()).close("navLabel").newline();
            m.empty("content", "src", chapter.name()).newline();
            m.close("navPoint").newline();
        }
        m.close("navMap").newline();
        m.close("ncx").newline();
        return m.xml();
    }
}
