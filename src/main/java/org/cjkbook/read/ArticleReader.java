package org.cjkbook.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.cjkbook.model.Role;
import org.cjkbook.text.CharClasses;

/**
 * Reads a Chinese article or book from plain text, finding its structure by the
 * conventions of Chinese newspapers and books: the headline block (kicker, title with its
 * column, subtitle, byline), section headings or chapter headings, body paragraphs, and
 * the trailer of credits and source. Every rule looks at the shape and punctuation of a
 * line, never at its position in a particular file.
 */
public final class ArticleReader {

    /** A heading longer than this is more likely a sentence that lost its full stop. */
    private static final int MAX_HEADING_LENGTH = 25;
    /** Headline-block lines longer than this are body text, whatever their punctuation. */
    private static final int MAX_HEADLINE_LENGTH = 40;

    private static final Pattern BOOK_CHAPTER = Pattern.compile(
            "^(第[0-9０-９一二三四五六七八九十百千零〇两]+[章回节卷部篇集]|卷[0-9一二三四五六七八九十百千零〇]+"
            + "|楔子|序章|序言|序|引子|尾声|后记|跋)(?:[\\s\\u3000]*)(.*)$");
    private static final Pattern NUMBERED_HEADING = Pattern.compile(
            "^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\\d{1,2}[.．、]\\s*|[■●◆▲★]\\s*).+");
    private static final Pattern BYLINE = Pattern.compile(
            "^(本报记者|本报评论员|本报特约评论员|本报通讯员|新华社记者|记者|作者|文)[：:\\s\\u3000]*(.*)$");
    private static final Pattern CREDIT = Pattern.compile(
            "^[（(]?\\s*(版式设计|版面设计|美术编辑|责任编辑|本版责编|责编|编辑|制图|绘图|插图|摄影|图片)\\s*[：:]\\s*(.+?)\\s*[）)]?$");
    private static final Pattern PHOTO_CREDIT = Pattern.compile("^(.{2,20}?)\\s*摄$");
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^《\\s*(.+?)\\s*》\\s*[（(]\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(.*?)\\s*[）)]$");
    private static final Pattern TITLE_COLUMN = Pattern.compile("^(.+?)[（(]([^（）()]{2,10})[）)]$");
    private static final Pattern DATELINE = Pattern.compile("^本报.{0,12}电");

    /** Reads the article; {@code file} names the source in error messages. */
    public Book read(Path file, String text) {
        List<Line> lines = Line.split(text);
        int bodyStart = firstBodyLine(lines);
        int bodyEnd = trailerStart(lines, bodyStart);

        Metadata.Builder metadata = Metadata.builder();
        readHeadline(lines.subList(0, bodyStart), metadata);
        readTrailer(lines.subList(bodyEnd, lines.size()), metadata);
        if (metadata.title() == null) {
            metadata.title(fileTitle(file));
        }
        List<Chapter> chapters = readBody(lines.subList(bodyStart, bodyEnd));
        return new Book(metadata.build(), chapters);
    }

    private static String fileTitle(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    // --- the headline block -------------------------------------------------------------

    /** Index of the first line of body text: the headline block ends before it. */
    private static int firstBodyLine(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!line.blank() && isBodyLike(line)) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean isBodyLike(Line line) {
        String text = line.text();
        return line.indented()
                || text.codePointCount(0, text.length()) > MAX_HEADLINE_LENGTH
                || endsSentence(text)
                || "，、；,;".indexOf(text.charAt(text.length() - 1)) >= 0
                || DATELINE.matcher(text).find()
                || BOOK_CHAPTER.matcher(text).matches();
    }

    private static void readHeadline(List<Line> lines, Metadata.Builder metadata) {
        List<String> titles = new ArrayList<>();
        List<Contributor> creators = new ArrayList<>();
        String subtitle = null;
        for (Line line : lines) {
            if (line.blank()) {
                continue;
            }
            String text = line.text();
            Matcher byline = BYLINE.matcher(text);
            if (byline.matches() && !titles.isEmpty()) {
                for (String name : Names.split(byline.group(2))) {
                    creators.add(new Contributor(name, Role.AUTHOR));
                }
            } else if (text.startsWith("—")) {
                subtitle = text.replaceFirst("^—+\\s*", "");
            } else {
                titles.add(text);
            }
        }
        if (titles.isEmpty()) {
            return;
        }
        // The main title is the last of the title lines before any subtitle in news style:
        // one line is the title; two are kicker and title; a third is a plain subtitle.
        String title;
        if (titles.size() == 1) {
            title = titles.get(0);
        } else {
            metadata.kicker(titles.get(0).replaceAll("[—：:\\s\\u3000]+$", ""));
            title = titles.get(1);
            if (subtitle == null && titles.size() > 2) {
                subtitle = String.join(" ", titles.subList(2, titles.size()));
            }
        }
        Matcher column = TITLE_COLUMN.matcher(title);
        if (column.matches()) {
            title = CharClasses.strip(column.group(1));
            metadata.column(column.group(2));
        }
        metadata.title(title).subtitle(subtitle).creators(creators);
    }

    // --- the trailer --------------------------------------------------------------------

    /** Index of the first trailer line: the credit and source lines that end the text. */
    private static int trailerStart(List<Line> lines, int bodyStart) {
        int start = lines.size();
        for (int i = lines.size() - 1; i > bodyStart; i--) {
            Line line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            if (!isTrailerLine(line.text())) {
                break;
            }
            start = i;
        }
        return start;
    }

    private static boolean isTrailerLine(String text) {
        return CREDIT.matcher(text).matches()
                || SOURCE_LINE.matcher(text).matches()
                || (PHOTO_CREDIT.matcher(text).matches() && !endsSentence(text));
    }

    private static void readTrailer(List<Line> lines, Metadata.Builder metadata) {
        List<Contributor> contributors = new ArrayList<>();
        for (Line line : lines) {
            if (line.blank()) {
                continue;
            }
            Matcher credit = CREDIT.matcher(line.text());
            Matcher source = SOURCE_LINE.matcher(line.text());
            Matcher photo = PHOTO_CREDIT.matcher(line.text());
            if (credit.matches()) {
                Role role = creditRole(credit.group(1));
                for (String name : Names.split(credit.group(2))) {
                    contributors.add(new Contributor(name, role));
                }
            } else if (source.matches()) {
                String edition = source.group(5).isEmpty() ? "" : " " + source.group(5);
                metadata.source(source.group(1) + " " + source.group(2) + "年" + source.group(3) + "月"
                        + source.group(4) + "日" + edition);
                metadata.date(String.format("%s-%02d-%02d", source.group(2),
                        Integer.parseInt(source.group(3)), Integer.parseInt(source.group(4))));
            } else if (photo.matches()) {
                String names = photo.group(1).replaceFirst("^(本报记者|记者|新华社记者)", "");
                for (String name : Names.split(names)) {
                    contributors.add(new Contributor(name, Role.PHOTOGRAPHER));
                }
            }
        }
        metadata.contributors(contributors);
    }

    private static Role creditRole(String word) {
        switch (word) {
            case "版式设计", "版面设计", "美术编辑":
                return Role.BOOK_DESIGNER;
            case "制图", "绘图", "插图":
                return Role.ILLUSTRATOR;
            case "摄影", "图片":
                return Role.PHOTOGRAPHER;
            default:
                return Role.EDITOR;
        }
    }

    // --- the body -----------------------------------------------------------------------

    private static List<Chapter> readBody(List<Line> lines) {
        boolean bookChapters = lines.stream()
                .filter(l -> !l.blank() && isBookChapter(l.text())).limit(2).count() >= 2;
        List<String> paragraphs = paragraphs(lines);
        List<Chapter> chapters = new ArrayList<>();
        List<Inline> title = List.of();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            String text = paragraphs.get(i);
            boolean heading = bookChapters
                    ? isBookChapter(text)
                    : isSectionHeading(text) && i + 1 < paragraphs.size();
            if (heading) {
                if (!title.isEmpty() || !blocks.isEmpty()) {
                    chapters.add(chapter(chapters.size(), title, blocks));
                }
                title = List.of(new Inline.Text(headingText(text, bookChapters)));
                blocks = new ArrayList<>();
            } else {
                blocks.add(new Block.Paragraph(List.of(new Inline.Text(text))));
            }
        }
        if (!title.isEmpty() || !blocks.isEmpty()) {
            chapters.add(chapter(chapters.size(), title, blocks));
        }
        return chapters;
    }

    private static Chapter chapter(int index, List<Inline> title, List<Block> blocks) {
        return new Chapter("chapter-" + (index + 1), title, blocks);
    }

    /** A book chapter keeps its number and title, with one ideographic space between. */
    private static String headingText(String text, boolean bookChapter) {
        if (!bookChapter) {
            return text;
        }
        Matcher m = BOOK_CHAPTER.matcher(text);
        if (!m.matches() || m.group(2).isEmpty()) {
            return text;
        }
        return m.group(1) + "\u3000" + CharClasses.strip(m.group(2));
    }

    /**
     * Groups lines into paragraphs. Where blank lines separate paragraphs, the lines between
     * them are one paragraph wrapped at the line ends, except that an indent starts a new
     * one; text without blank lines has a paragraph per line.
     */
    private static List<String> paragraphs(List<Line> lines) {
        boolean wrapped = hasWrappedGroups(lines);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = null;
        for (Line line : lines) {
            if (line.blank()) {
                current = flush(paragraphs, current);
                continue;
            }
            boolean continues = wrapped && current != null && !line.indented() && !isBookChapter(line.text());
            if (continues) {
                String joined = CharClasses.joinLines(current.toString(), line.text());
                current.setLength(0);
                current.append(joined);
            } else {
                flush(paragraphs, current);
                current = new StringBuilder(line.text());
            }
        }
        flush(paragraphs, current);
        return paragraphs;
    }

    /** True when some unindented line continues the line before it, with blank lines elsewhere. */
    private static boolean hasWrappedGroups(List<Line> lines) {
        boolean blankBetween = false;
        boolean continuation = false;
        for (int i = 1; i < lines.size(); i++) {
            Line before = lines.get(i - 1);
            Line line = lines.get(i);
            if (line.blank() && i + 1 < lines.size() && !before.blank()) {
                blankBetween = true;
            }
            if (!line.blank() && !before.blank() && !line.indented() && !isBookChapter(line.text())) {
                continuation = true;
            }
        }
        return blankBetween && continuation;
    }

    private static StringBuilder flush(List<String> paragraphs, StringBuilder current) {
        if (current != null && current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return null;
    }

    private static boolean isBookChapter(String text) {
        return BOOK_CHAPTER.matcher(text).matches()
                && text.codePointCount(0, text.length()) <= MAX_HEADLINE_LENGTH
                && !endsSentence(text);
    }

    private static boolean isSectionHeading(String text) {
        int length = text.codePointCount(0, text.length());
        int max = NUMBERED_HEADING.matcher(text).matches() ? MAX_HEADING_LENGTH + 10 : MAX_HEADING_LENGTH;
        if (length < 2 || length > max || endsSentence(text)) {
            return false;
        }
        int last = text.codePointBefore(text.length());
        return "，、；：,;:—".indexOf(last) < 0;
    }

    /** True when the text ends a sentence, looking through closing quotes and brackets. */
    private static boolean endsSentence(String text) {
        int end = text.length();
        while (end > 0 && "”’」』）)》】".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && CharClasses.SENTENCE_END.indexOf(text.charAt(end - 1)) >= 0;
    }

    /** One source line: its text without indent or trailing space, and whether it was indented. */
    private record Line(int number, String text, boolean indented) {

        boolean blank() {
            return text.isEmpty();
        }

        static List<Line> split(String text) {
            String[] raw = text.split("\r\n|\r|\n", -1);
            List<Line> lines = new ArrayList<>(raw.length);
            for (int i = 0; i < raw.length; i++) {
                String line = raw[i];
                if (i == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String stripped = CharClasses.strip(line);
                lines.add(new Line(i + 1, stripped, isIndent(line, stripped)));
            }
            return lines;
        }

        /** Two ideographic spaces, two or more ASCII spaces, or a tab: a paragraph indent. */
        private static boolean isIndent(String raw, String stripped) {
            if (stripped.isEmpty()) {
                return false;
            }
            int lead = raw.indexOf(stripped);
            String indent = raw.substring(0, lead).replace("\uFEFF", "");
            return indent.contains("\t") || indent.contains("\u3000") || indent.length() >= 2;
        }
    }
}
