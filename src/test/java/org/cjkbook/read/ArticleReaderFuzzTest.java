package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.junit.jupiter.api.Test;

/**
 * Texts made at random from the shapes of Chinese articles and books: whatever structure
 * the reader finds in them, every Han character of the text reaches the book.
 */
class ArticleReaderFuzzTest {

    private static final int CASES = 2_500;
    /** Rerun a failure with {@code -Dcjkbook.fuzzSeed=SEED}. */
    private static final long SEED = Long.getLong("cjkbook.fuzzSeed", 20_261_129L);

    /** The words of credits and bylines, which become roles rather than text. */
    private static final String LABELS = "责任编辑版式设计版面美术本编制绘插图摄影片报记者评论员特约通讯新华社人民日作文著撰";
    private static final String HAN = "山水云天地人心手口目耳火木金土日月星风雨雪花草树林江河湖海"
            + "一二三四五六七八九十百千万东西南北中上下左右春夏秋冬大小多少长短高低远近"
            + "城乡村镇县市省国家学校老师孩子路走来去看听说想做写读书信画歌舞笑哭";
    private static final List<String> PUNCTUATION = List.of("，", "。", "！", "？", "；", "：", "、", "“", "”",
            "（", "）", "《", "》", "——", "……", "—", "·");

    private final ArticleReader reader = new ArticleReader();

    @Test
    void everyHanCharacterOfAnyTextReachesTheBook() {
        long start = System.nanoTime();
        for (int n = 0; n < CASES; n++) {
            long seed = SEED + n;
            String text = text(new Random(seed));
            Book book;
            try {
                book = reader.read(Path.of("fuzz.txt"), text);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " fails on:\n" + text, e);
            }
            String lost = lost(text, book);
            if (!lost.isEmpty()) {
                fail("seed " + seed + " (-Dcjkbook.fuzzSeed=" + seed + " to start there) loses " + lost
                        + " of:\n" + text);
            }
        }
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(10);
    }

    @Test
    void aLeadingDashLineIsNeverLost() {
        for (String text : List.of("——来自山区县的调查\n\n　　正文第一段。\n\n　　正文第二段。\n", "—国\n　绽",
                "标题\n——副题\n——又一个副题\n\n　　正文。\n", "引题\n标题\n——副题\n第三行\n\n　　正文。\n")) {
            assertThat(lost(text, reader.read(Path.of("a.txt"), text))).as(text).isEmpty();
        }
        Book subtitled = reader.read(Path.of("a.txt"), "山区的学校\n——来自山区县的调查\n\n　　正文。\n");
        assertThat(subtitled.metadata().subtitle()).isEqualTo("来自山区县的调查");
    }

    /** The Han characters of {@code text} that the book holds fewer of, or "" when none. */
    private static String lost(String text, Book book) {
        Map<Integer, Integer> counts = new HashMap<>();
        StringBuilder found = new StringBuilder();
        collect(book, found);
        found.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        StringBuilder lost = new StringBuilder();
        text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .filter(c -> LABELS.indexOf(c) < 0)
                .forEach(c -> {
                    if (counts.merge(c, -1, Integer::sum) < 0) {
                        lost.appendCodePoint(c);
                    }
                });
        return lost.toString();
    }

    private static void collect(Book book, StringBuilder out) {
        Metadata m = book.metadata();
        for (String field : new String[] {m.title(), m.kicker(), m.subtitle(), m.column(), m.source()}) {
            out.append(field == null ? "" : field).append('\n');
        }
        for (Contributor c : m.creators()) {
            out.append(c.name()).append('\n');
        }
        for (Contributor c : m.contributors()) {
            out.append(c.name()).append('\n');
        }
        for (Chapter chapter : book.chapters()) {
            out.append(Inline.plainText(chapter.title())).append('\n');
            for (Block block : chapter.blocks()) {
                if (block instanceof Block.Paragraph p) {
                    out.append(Inline.plainText(p.content())).append('\n');
                } else if (block instanceof Block.Heading h) {
                    out.append(Inline.plainText(h.content())).append('\n');
                } else if (block instanceof Block.Verse v) {
                    v.lines().forEach(line -> out.append(Inline.plainText(line)).append('\n'));
                } else {
                    throw new AssertionError("a plain text gave a " + block);
                }
            }
        }
    }

    // --- making texts

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int lines = 1 + random.nextInt(14);
        for (int i = 0; i < lines; i++) {
            text.append(line(random)).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            if (random.nextInt(3) == 0) {
                text.append('\n');
            }
        }
        return random.nextBoolean() ? text.toString() : text.toString().strip();
    }

    private static String line(Random random) {
        String indent = switch (random.nextInt(4)) {
            case 0 -> "　　";
            case 1 -> "　";
            case 2 -> "  ";
            default -> "";
        };
        return indent + switch (random.nextInt(16)) {
            case 0 -> "——" + han(random, 1, 12);
            case 1 -> "—" + han(random, 1, 3);
            case 2 -> pick(random, "一、", "二、", "（一）", "（三）", "1.", "2．", "■", "●") + han(random, 1, 10);
            case 3 -> pick(random, "第一回", "第二回", "第十章", "第3章", "卷一", "楔子", "序", "后记")
                    + pick(random, "", "　", " ") + han(random, 0, 10);
            case 4 -> pick(random, "（责任编辑：", "（", "本版责编：", "版式设计：", "制图：")
                    + han(random, 2, 3) + pick(random, "", "  " + han(random, 2, 3)) + pick(random, "）", "");
            case 5 -> han(random, 2, 3) + "摄";
            case 6 -> pick(random, "本报记者　", "本报评论员", "记者 ") + han(random, 0, 3);
            case 7 -> "《" + han(random, 2, 6) + "》" + han(random, 0, 3);
            case 8 -> "《 人民日报 》（ 20" + random.nextInt(30) + "年" + (1 + random.nextInt(14)) + "月"
                    + (1 + random.nextInt(35)) + "日 0" + random.nextInt(9) + " 版）";
            case 9 -> han(random, 2, 12) + "（" + han(random, 2, 6) + "）";
            case 10 -> han(random, 1, 4);
            case 11 -> han(random, 3, 10) + "：";
            case 12 -> "本报北京" + (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日电（记者"
                    + han(random, 2, 3) + "）" + sentence(random);
            default -> sentence(random);
        };
    }

    private static String sentence(Random random) {
        StringBuilder out = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            out.append(switch (random.nextInt(6)) {
                case 0 -> " " + pick(random, "GDP", "Java", "iPhone 15", "COVID-19") + " ";
                case 1 -> Integer.toString(random.nextInt(100_000));
                default -> han(random, 1, 15);
            });
            out.append(PUNCTUATION.get(random.nextInt(PUNCTUATION.size())));
        }
        return out.toString();
    }

    private static String han(Random random, int min, int max) {
        StringBuilder out = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            out.append(HAN.charAt(random.nextInt(HAN.length())));
        }
        return out.toString();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
