package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.cjkbook.pdf.PageGeometry;

/** The EPUB's page-break markers, checked against the pages of the PDF built with it. */
public final class PageBreaks {

    private static final PageGeometry A5 = PageGeometry.A5;

    private PageBreaks() {
    }

    /** Each marker is followed by the text its PDF page begins with; every page with text has one. */
    public static void assertMatch(Path folder, String name) throws IOException {
        List<String> pageTexts = new ArrayList<>();
        List<String> labels;
        try (PDDocument pdf = Loader.loadPDF(folder.resolve(name + ".pdf").toFile())) {
            labels = List.of(pdf.getDocumentCatalog().getPageLabels().getLabelsByPageIndices());
            List<PdfText.Line> lines = PdfText.lines(pdf, (float) A5.topMargin(), (float) A5.bottomMargin());
            Map<Integer, StringBuilder> byPage = new java.util.HashMap<>();
            lines.forEach(l -> byPage.computeIfAbsent(l.page(), k -> new StringBuilder()).append(l.text()));
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                StringBuilder text = byPage.get(page);
                pageTexts.add(text == null ? "" : text.toString().replaceAll("\\s", ""));
            }
        }
        Pattern marker = Pattern.compile("<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-(\\d+)\""
                + " aria-label=\"(\\d+)\"/>");
        int markers = 0;
        for (Map.Entry<String, byte[]> entry : Builds.entries(folder.resolve(name + ".epub")).entrySet()) {
            if (!entry.getKey().endsWith(".xhtml")) {
                continue;
            }
            String xhtml = new String(entry.getValue(), StandardCharsets.UTF_8);
            Matcher m = marker.matcher(xhtml);
            while (m.find()) {
                markers++;
                // Markers carry the printed folio; the PDF's page labels say which page that is.
                int page = labels.indexOf(m.group(1)) + 1;
                assertThat(page).as(name + " page labelled " + m.group(1)).isPositive();
                assertThat(m.group(2)).isEqualTo(m.group(1));
                assertThat(pageTexts.get(page - 1)).as(name + " page " + page + " in " + entry.getKey())
                        .startsWith(textAfter(xhtml, m.end(), 8));
            }
        }
        // Every page of the body with text has its marker: all but the blank versos. The
        // front matter's pages have the EPUB's own title page and navigation instead.
        int body = labels.indexOf("1");
        assertThat(markers).as(name).isEqualTo((int) pageTexts.subList(body, pageTexts.size()).stream()
                .filter(t -> !t.isEmpty()).count());
    }

    /** The first characters of text after a position, tags and white space left out, escapes read. */
    private static String textAfter(String xhtml, int from, int count) {
        String text = xhtml.substring(from).replaceAll("<[^>]*>", "").replaceAll("\\s", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text.substring(0, Math.min(count, text.length()));
    }
}
