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
}
