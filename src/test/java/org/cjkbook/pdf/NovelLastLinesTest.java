package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cjkbook.Corpus;
import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Block;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.read.BookLoader;
import org.cjkbook.text.CharClasses;
import org.cjkbook.text.LineComposer;
import org.cjkbook.text.PunctuationSqueeze;
import org.junit.jupiter.api.Test;

/** The novel's paragraphs composed on A5 as the PDF composes them: no lonely last character, every line flush. */
class NovelLastLinesTest {

    private static final int CHAPTERS = 20;

    @Test
    void noParagraphOfTheFirstTwentyChaptersEndsOnOneHanCharacter() throws IOException {
        FontSet fonts = FontSet.inFolder(Path.of("fonts"));
        RendererMetrics metrics = new RendererMetrics(fonts.advances(Face.BODY), PageGeometry.BODY_POINTS);
        int em = Math.round(PageGeometry.BODY_POINTS * RendererMetrics.DOTS_PER_POINT);
        int measure = PageGeometry.A5.measureEms() * em;
        LineComposer composer = new LineComposer(metrics, em, measure);
        List<Chapter> chapters = new BookLoader().load(Corpus.require("novel-hongloumeng.txt")).book().chapters();
        int paragraphs = 0;
        List<String> lonely = new ArrayList<>();
        List<String> loose = new ArrayList<>();
        for (Chapter chapter : chapters.subList(0, Math.min(CHAPTERS, chapters.size()))) {
            for (Block block : chapter.blocks()) {
                if (!(block instanceof Block.Paragraph paragraph)) {
                    continue;
                }
                paragraphs++;
                int indent = PageGeometry.INDENT_EMS * em;
                List<LineComposer.Line> lines = composer.compose(Inline.plainText(paragraph.content()), indent);
                String last = lines.get(lines.size() - 1).text();
                if (lines.size() > 1 && last.codePoints().filter(CharClasses::isHan).count() == 1) {
                    lonely.add(last);
                }
                for (int n = 0; n < lines.size() - 1; n++) {
                    int over = width(lines.get(n), metrics, em) - (measure - (n == 0 ? indent : 0));
                    String text = lines.get(n).text();
                    boolean halfMark = PunctuationSqueeze.MAINLAND.closesWithBlank(text.charAt(text.length() - 1));
                    if (Math.abs(over) > em / 24 && !(halfMark && over >= 0 && over <= em / 2 + em / 24)) {
                        loose.add(text + " is off by " + over);
                    }
                }
            }
        }
        System.out.println("novel, " + CHAPTERS + " chapters: " + paragraphs + " paragraphs, "
                + lonely.size() + " end on one Han character " + lonely);
        assertThat(paragraphs).isGreaterThan(500);
        assertThat(lonely).as("paragraphs ending on one Han character").isEmpty();
        assertThat(loose).as("lines not flush").isEmpty();
    }

    private static int width(LineComposer.Line line, LineComposer.Metrics metrics, int em) {
        int width = 0;
        for (LineComposer.Piece piece : line.pieces()) {
            if (piece instanceof LineComposer.Run run) {
                width += metrics.width(run.text());
            } else if (piece instanceof LineComposer.Dash) {
                width += em;
            } else if (piece instanceof LineComposer.Space space) {
                width += space.width();
            }
        }
        return width;
    }
}
