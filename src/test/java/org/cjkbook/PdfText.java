package org.cjkbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of text a reader sees in the text block of a PDF's pages, running heads and
 * folios left out: glyphs grouped by baseline and read left to right.
 */
public final class PdfText {

    /**
     * One line: the page it is on (from 1), its baseline from the page top, its text, where
     * its first glyph starts and its last glyph ends, and the size of its first glyph.
     */
    public record Line(int page, float y, String text, float left, float right, float size,
                       List<TextPosition> glyphs) {
    }

    private PdfText() {
    }

    /**
     * The text inside the text block in the order the PDF draws it, which is the order
     * text extraction without layout analysis, and many screen readers, read it.
     */
    public static String drawnText(PDDocument pdf, int firstPage, int lastPage, float top, float bottom)
            throws IOException {
        StringBuilder text = new StringBuilder();
        PDFTextStripper collector = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition glyph) {
                float y = glyph.getYDirAdj();
                if (y > top && y < glyph.getPageHeight() - bottom) {
                    text.append(glyph.getUnicode());
                }
            }
        };
        collector.setStartPage(firstPage);
        collector.setEndPage(lastPage);
        collector.getText(pdf);
        return text.toString();
    }

    /**
     * Lines whose baseline lies inside the text block, given by its distance from the
     * top and bottom edges of the page, in points.
     */
    public static List<Line> lines(PDDocument pdf, float top, float bottom) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (int index = 0; index < pdf.getNumberOfPages(); index++) {
            PDPage page = pdf.getPage(index);
            float height = page.getMediaBox().getHeight();
            Map<Integer, List<TextPosition>> byBaseline = new TreeMap<>();
            PDFTextStripper collector = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    float y = text.getYDirAdj();
                    if (y > top && y < height - bottom) {
                        byBaseline.computeIfAbsent(Math.round(y), k -> new ArrayList<>()).add(text);
                    }
                }
            };
            collector.setStartPage(index + 1);
            collector.setEndPage(index + 1);
            collector.getText(pdf);
            raiseIntoLines(byBaseline);
            for (Map.Entry<Integer, List<TextPosition>> line : byBaseline.entrySet()) {
                List<TextPosition> glyphs = line.getValue().stream()
                        .sorted(Comparator.comparing(TextPosition::getXDirAdj)).toList();
                StringBuilder text = new StringBuilder();
                glyphs.forEach(t -> text.append(t.getUnicode()));
                TextPosition first = glyphs.get(0);
                TextPosition last = glyphs.get(glyphs.size() - 1);
                lines.add(new Line(index + 1, line.getKey(), text.toString(), first.getXDirAdj(),
                        last.getXDirAdj() + last.getWidthDirAdj(), first.getFontSize(), glyphs));
            }
        }
        return lines;
    }

    /**
     * Glyphs set smaller and a little above a line (note references) belong to that line:
     * merged into the next baseline down when it is within half its glyphs' size.
     */
    private static void raiseIntoLines(Map<Integer, List<TextPosition>> byBaseline) {
        List<Integer> baselines = new ArrayList<>(byBaseline.keySet());
        for (int i = 0; i + 1 < baselines.size(); i++) {
            List<TextPosition> raised = byBaseline.get(baselines.get(i));
            List<TextPosition> line = byBaseline.get(baselines.get(i + 1));
            float size = line.get(0).getFontSize();
            boolean smaller = raised.stream().allMatch(g -> g.getFontSize() < size);
            if (smaller && baselines.get(i + 1) - baselines.get(i) < size / 2) {
                line.addAll(raised);
                byBaseline.remove(baselines.get(i));
            }
        }
    }
}
