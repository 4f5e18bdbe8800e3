package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Walk;
import org.junit.jupiter.api.Test;

/**
 * 红楼梦 as the web has it: straight quotes mixed with curly ones, {@code ．} for a full
 * stop. Cleaned up, it keeps every Han character of every paragraph and no straight quote.
 */
class NovelPunctuationTest {

    private static final Pattern QUOTES = Pattern.compile("punctuation: ([\\d,]+) quotes paired, ([\\d,]+) alone");

    @Test
    void cleanedUpNovelHasNoStraightQuoteLeftAndTheHanCharactersOfEveryParagraph() throws IOException {
        Path novel = Corpus.require("novel-hongloumeng.txt");
        List<String> said = new ArrayList<>();
        Publisher.Progress progress = new Publisher.Progress() {
            @Override
            public void info(String message) {
                said.add(message);
            }

            @Override
            public void warning(String message) {
            }
        };
        Book cleaned = Publisher.builder().source(novel).set("punctuation", "normalize").progress(progress).build()
                .read().book();
        Book asWritten = Publisher.builder().source(novel).build().read().book();

        List<String> before = TextBlocks.of(asWritten);
        List<String> after = TextBlocks.of(cleaned);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(HanText.of(after.get(i))).as("text block %d: %s", i, before.get(i))
                    .isEqualTo(HanText.of(before.get(i)));
        }
        assertThat(after).noneMatch(text -> text.contains("\""));
        assertThat(after.stream().filter(text -> text.contains("．")))
                .as("a full-width full stop is left between digits only").allMatch(text -> text.matches(
                        "(?s)(?:[^．]|(?<=[0-9０-９])．(?=[0-9０-９]))*"));

        long inSource = Files.readString(novel).chars().filter(c -> c == '"').count();
        long inText = String.join("", before).chars().filter(c -> c == '"').count();
        assertThat(inText).as("every straight quote of the source is in the text").isEqualTo(inSource);
        Matcher reported = said.stream().map(QUOTES::matcher).filter(Matcher::find).findFirst().orElseThrow();
        long paired = Long.parseLong(reported.group(1).replace(",", ""));
        long alone = Long.parseLong(reported.group(2).replace(",", ""));
        assertThat(paired + alone).as(said.toString()).isEqualTo(inSource);
        assertThat(paired).as("most quotes have a partner").isGreaterThan(inSource * 99 / 100);
    }

    /** The text of each paragraph, heading, cell and chapter title, in reading order. */
    private static final class TextBlocks extends Walk {
        private final List<String> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        static List<String> of(Book book) {
            TextBlocks walk = new TextBlocks();
            walk.book(book);
            return walk.blocks;
        }

        private void take() {
            blocks.add(text.toString());
            text.setLength(0);
        }

        @Override
        public void chapter(Chapter chapter) {
            inlines(chapter.title());
            take();
            blocks(chapter.blocks());
        }

        @Override
        public void paragraph(Block.Paragraph paragraph) {
            super.paragraph(paragraph);
            take();
        }

        @Override
        public void heading(Block.Heading heading) {
            super.heading(heading);
            take();
        }

        @Override
        public void text(Inline.Text node) {
            text.append(node.text());
        }
    }
}
