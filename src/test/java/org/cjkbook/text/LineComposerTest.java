package org.cjkbook.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineComposerTest {

    /** Em 100 units: ideographs and full-width marks one em, Latin letters and digits half. */
    private static final LineComposer.Metrics METRICS = new LineComposer.Metrics() {
        @Override
        public double advance(int codePoint) {
            return CharClasses.isWide(codePoint) ? 100 : 50;
        }

        @Override
        public int width(String run) {
            return run.codePoints().map(c -> (int) advance(c)).sum();
        }
    };

    private static List<LineComposer.Line> compose(String text, int ems) {
        return new LineComposer(METRICS, 100, ems * 100).compose(text, 0);
    }

    /** A line's width as the renderer adds it up: runs, dashes (one em) and spaces. */
    private static int width(LineComposer.Line line) {
        int width = 0;
        for (LineComposer.Piece piece : line.pieces()) {
            if (piece instanceof LineComposer.Run run) {
                width += METRICS.width(run.text());
            } else if (piece instanceof LineComposer.Dash) {
                width += 100;
            } else if (piece instanceof LineComposer.Space space) {
                width += space.width();
            }
        }
        return width;
    }

    /**
     * A justified line fills the measure, give or take the composer's tolerance; a closing
     * mark at its end may reach half an em further, its blank half given to the margin.
     */
    private static void assertFlush(LineComposer.Line line, int measure) {
        int over = width(line) - measure;
        String text = line.text();
        boolean halfMark = PunctuationSqueeze.MAINLAND.closesWithBlank(text.charAt(text.length() - 1));
        assertThat(Math.abs(over) <= 4 || halfMark && over >= 0 && over <= 50 + 4)
                .as(text + " is " + width(line) + " wide").isTrue();
    }

    @Test
    void hanTextFillsEachLineWithoutAdjustment() {
        List<LineComposer.Line> lines = compose("一二三四五六七八九十十一", 5);
        assertThat(lines).extracting(LineComposer.Line::text).containsExactly("一二三四五", "六七八九十", "十一");
        assertThat(lines.get(0).pieces()).containsExactly(new LineComposer.Run("一二三四五", null));
        assertThat(lines.get(2).justified()).isFalse();
    }

    /**
     * A Latin word too long for what is left of the line goes to the next: justified, the
     * short line's slack opens its gaps; ragged, as verse is set, it keeps its natural width.
     * A negative indent hangs the lines after the first.
     */
    @Test
    void raggedLinesKeepTheirNaturalWidthAndAHangingIndentWidensTheFirst() {
        String text = "一二三四五六七八typesetting九十";
        LineComposer justified = new LineComposer(METRICS, 100, 1000);
        assertThat(justified.compose(text, 0).get(0).pieces()).hasAtLeastOneElementOfType(LineComposer.Space.class);
        List<LineComposer.Line> ragged = justified.ragged().compose(text, 0);
        assertThat(ragged).extracting(LineComposer.Line::text).containsExactly("一二三四五六七八", "typesetting九十");
        assertThat(ragged.get(0).pieces()).containsExactly(new LineComposer.Run("一二三四五六七八", null));
        assertThat(ragged).noneMatch(LineComposer.Line::justified);
        List<LineComposer.Line> hung = justified.inset(2).ragged().compose("一二三四五六七八九十十一", -200);
        assertThat(hung).extracting(LineComposer.Line::text).containsExactly("一二三四五六七八九十", "十一");
    }

    @Test
    void aClosingMarkIsPulledInByCompressingHalfEms() {
        // 五 ends a full line, but ， may not start one: with another mark in the line, both
        // give up their blank halves and the comma joins the line.
        List<LineComposer.Line> lines = compose("一、三四五，七八", 5);
        assertThat(lines.get(0).text()).isEqualTo("一、三四五，");
        assertFlush(lines.get(0), 500);
    }

    @Test
    void aLastLineThatPullsInItsClosingMarkIsCompressedToo() {
        // Six ems of text on a line of five: the full stop hangs by its blank half and the
        // comma gives up its own, so the paragraph's last line is not a line too long.
        List<LineComposer.Line> lines = compose("一二三四五六七八，十。", 5);
        assertThat(lines).extracting(LineComposer.Line::text).containsExactly("一二三四五", "六七八，十。");
        assertThat(lines.get(1).justified()).isFalse();
        assertFlush(lines.get(1), 500);
    }

    @Test
    void aLineFeedForcesABreakAndTheLineBeforeItIsNotJustified() {
        List<LineComposer.Line> lines = compose("一二三四五六\n七\n\n八", 5);
        assertThat(lines).extracting(LineComposer.Line::text).containsExactly("一二三四五", "六", "七", "", "八");
        assertThat(lines).extracting(LineComposer.Line::justified).containsExactly(true, false, false, false, false);
        assertThat(lines.get(1).pieces()).containsExactly(new LineComposer.Run("六", null));
    }

    @Test
    void aNoteReferenceIsNeitherSpacedNorSentToTheNextLine() {
        List<LineComposer.Segment> segments = List.of(new LineComposer.Segment("一二三四五", METRICS, null),
                new LineComposer.Segment("12", METRICS, "note", true), new LineComposer.Segment("六七", METRICS, null));
        List<LineComposer.Line> lines = new LineComposer(METRICS, 100, 500).compose(segments, 0);
        assertThat(lines).extracting(LineComposer.Line::text).containsExactly("一二三四", "五12六七");
        assertThat(lines.get(1).pieces()).containsExactly(new LineComposer.Run("五", null),
                new LineComposer.Run("12", "note"), new LineComposer.Run("六七", null));
    }

    @Test
    void aSpaceEndingALineStandsPastTheMeasure() {
        // 一二三 ab (half-em letters and space): the line breaks after the space, which
        // does not count towards filling the measure.
        List<LineComposer.Line> lines = compose("一二三四 ab 五六七八", 5);
        assertThat(lines.get(0).text()).isEqualTo("一二三四 ");
        assertThat(width(lines.get(0)) - 50).isEqualTo(500);
    }

    @Test
    void aStretchedLineKeepsItsLatinWordsWhole() {
        // Lorem does not fit, and nothing compresses enough to take it: the first line,
        // 7.5 em of ink, is stretched to 9 without a space inside "Java".
        List<LineComposer.Line> lines = compose("一，二Java三四 Lorem ipsum", 9);
        LineComposer.Line line = lines.get(0);
        assertThat(line.text()).isEqualTo("一，二Java三四 ");
        assertThat(line.justified()).isTrue();
        assertThat(width(line) - 50).isEqualTo(900);
        assertThat(line.pieces()).contains(new LineComposer.Run("Java", null));
        assertThat(line.pieces()).filteredOn(LineComposer.Space.class::isInstance).hasSizeGreaterThan(3);
    }

    @Test
    void anInsetComposerSetsANarrowerMeasure() {
        List<LineComposer.Line> lines = new LineComposer(METRICS, 100, 700).inset(2).compose("一二三四五六七", 0);
        assertThat(lines).extracting(LineComposer.Line::text).containsExactly("一二三四五", "六七");
    }

    @Test
    void withoutRoomToCompressTheLineBreaksEarlierAndStretchesEvenly() {
        List<LineComposer.Line> lines = compose("一二三四五，七八", 5);
        assertThat(lines.get(0).text()).isEqualTo("一二三四");
        assertThat(lines.get(1).text()).startsWith("五，");
        assertThat(width(lines.get(0))).isEqualTo(500);
        assertThat(lines.get(0).pieces()).filteredOn(LineComposer.Space.class::isInstance)
                .extracting(p -> ((LineComposer.Space) p).width()).containsOnly(33, 34);
    }

    @Test
    void adjacentMarksTakeOneAndAHalfEm() {
        LineComposer.Line line = compose("好。”他说", 10).get(0);
        assertThat(line.pieces()).containsExactly(new LineComposer.Run("好。", null), new LineComposer.Space(-50),
                new LineComposer.Run("”他说", null));
    }

    @Test
    void hanAndLatinAreSpacedByAQuarterEm() {
        LineComposer.Line line = compose("用Java写", 10).get(0);
        assertThat(line.pieces()).containsExactly(new LineComposer.Run("用", null), new LineComposer.Space(25),
                new LineComposer.Run("Java", null), new LineComposer.Space(25), new LineComposer.Run("写", null));
    }

    @Test
    void dashesAreSetAsOneEmPiecesAndNeverSplitOrStartALine() {
        List<LineComposer.Line> lines = compose("工作起来——北京上海", 5);
        assertThat(lines.get(0).text()).isEqualTo("工作起");
        assertThat(lines.get(1).text()).startsWith("来——");
        assertThat(lines.get(1).pieces()).contains(new LineComposer.Dash("—", null));
        lines.stream().filter(LineComposer.Line::justified).forEach(l -> assertFlush(l, 500));
    }

    @Test
    void aRunOfDashesLongerThanTheMeasureWrapsFlushAndKeepsEveryDash() {
        for (int pairs : List.of(18, 200)) {
            String text = "他说" + "——".repeat(pairs) + "好。";
            List<LineComposer.Line> lines = compose(text, 11);

            assertThat(String.join("", lines.stream().map(LineComposer.Line::text).toList())).isEqualTo(text);
            for (LineComposer.Line line : lines) {
                assertThat(width(line)).as(line.text()).isLessThanOrEqualTo(1100 + 4);
                assertThat(line.text()).as("the run never ends in a lone dash").doesNotStartWith("—好");
            }
            lines.stream().filter(LineComposer.Line::justified).forEach(l -> assertFlush(l, 1100));
        }
    }

    @Test
    void aRunOfDashesThatFitsOnALineStaysWhole() {
        List<LineComposer.Line> lines = compose("一二三四五六" + "——".repeat(4) + "七", 10);

        assertThat(lines).extracting(LineComposer.Line::text).containsExactly("一二三四五", "六————————七");
    }

    @Test
    void everyLineButTheLastIsExactlyTheMeasure() {
        String text = "从2019年5月底开始，一场以县处级以上领导干部为重点的“不忘初心、牢记使命”主题教育，"
                + "在全党自上而下分两批开展，9000多万全体党员按照中央“守初心、担使命，找差距、抓落实”的总要求。";
        List<LineComposer.Line> lines = compose(text, 12);
        assertThat(String.join("", lines.stream().map(LineComposer.Line::text).toList())).isEqualTo(text);
        for (LineComposer.Line line : lines.subList(0, lines.size() - 1)) {
            assertFlush(line, 1200);
            assertThat(CharClasses.isLineStartProhibited(line.text().codePointAt(0))).isFalse();
        }
    }

    @Test
    void aLastLineOfOneCharacterTakesASecondFromTheLineBefore() {
        for (String text : List.of("一二三四五六七八九十甲", "一二三四五六七八九十甲。")) {
            List<LineComposer.Line> lines = compose(text, 5);

            assertThat(String.join("", lines.stream().map(LineComposer.Line::text).toList())).isEqualTo(text);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(2).text()).startsWith("十甲");
            lines.subList(0, 2).forEach(l -> assertFlush(l, 500));
        }
    }

    @Test
    void aLonelyLastCharacterIsTakenInWhenTheLineBeforeCompresses() {
        // 甲 fits on the line before once its comma and the full stop give up their blanks.
        List<LineComposer.Line> lines = compose("一二三四五六七，九十甲。", 6);

        assertThat(lines).extracting(LineComposer.Line::text).containsExactly("一二三四五六", "七，九十甲。");
    }

    @Test
    void aLonelyLastCharacterStaysWhenNoLineCanGiveItCompany() {
        // A whole line of one Latin word stands before 甲: nothing can come down with it.
        List<LineComposer.Line> lines = compose("一二三四abcdefgh甲", 4);

        assertThat(lines).extracting(LineComposer.Line::text).containsExactly("一二三四", "abcdefgh", "甲");
    }

    @Test
    void aLongUrlBreaksAfterItsSeparatorsAndNoGapOpensWide() {
        String text = "网址：https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html?highlight=owner&x=1";
        for (int ems : List.of(8, 10, 13)) {
            LineComposer composer = new LineComposer(METRICS, 100, ems * 100);
            List<LineComposer.Line> lines = composer.compose(text, 0);

            assertThat(String.join("", lines.stream().map(LineComposer.Line::text).toList())).isEqualTo(text);
            assertThat(lines).hasSizeGreaterThan(2);
            lines.subList(0, lines.size() - 1).forEach(l -> assertFlush(l, ems * 100));
            for (LineComposer.Line line : lines) {
                // Quarter-em Han–Latin spacing comes on top of any stretch; this text has none.
                assertThat(line.pieces()).filteredOn(LineComposer.Space.class::isInstance)
                        .extracting(p -> ((LineComposer.Space) p).width()).as(line.text())
                        .allMatch(w -> w <= composer.loosest());
            }
        }
    }

    @Test
    void aWordLongerThanTheLineIsCutWhereTheLineIsFullAndNothingRunsPastTheMargin() {
        String hash = "3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed7e6dc881de23001b";
        String text = "校验和为" + hash + "，请核对。";
        for (int ems : List.of(8, 10, 13)) {
            LineComposer composer = new LineComposer(METRICS, 100, ems * 100);
            List<LineComposer.Line> lines = composer.compose(text, 0);

            assertThat(String.join("", lines.stream().map(LineComposer.Line::text).toList())).isEqualTo(text);
            lines.subList(0, lines.size() - 1).forEach(l -> assertFlush(l, ems * 100));
            // The Han before the code does not open up to let the code start a line.
            assertThat(lines.get(0).text()).startsWith("校验和为3f");
            for (LineComposer.Line line : lines) {
                assertThat(line.pieces()).filteredOn(LineComposer.Space.class::isInstance)
                        .extracting(p -> ((LineComposer.Space) p).width()).as(line.text())
                        .allMatch(w -> w <= composer.loosest() + 25);
            }
        }
    }

    @Test
    void aWordThatFitsALineIsNotCut() {
        // Stretching the line before it stays within the loosest gaps: the word moves down whole.
        List<LineComposer.Line> lines = compose("一二三四五六七八九十一二三四五六七八九十一二三四五Ownership一二", 28);
        assertThat(lines.get(1).text()).startsWith("Ownership");
    }
}
