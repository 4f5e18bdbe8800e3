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
import org.cjkbook.text.Script;

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

    private static final String NUMERAL = "[0-9０-９一二三四五六七八九十百千零〇两]";
    private static final Pattern BOOK_CHAPTER = Pattern.compile(
            "^(第" + NUMERAL + "+[章回节卷部篇集]|卷" + NUMERAL + "+|楔子|序章|序言|序|引子|尾声|后记|跋)"
            + "[\\s\\u3000]*(.*)$");
    /** Numbered section headings, outermost first: 一、 （一） 1. ■. */
    private static final List<Pattern> NUMBERED_HEADINGS = List.of(
            Pattern.compile("^[一二三四五六七八九十]+、.+"),
            Pattern.compile("^[（(][一二三四五六七八九十]+[）)].+"),
            Pattern.compile("^[0-9０-９]{1,2}[.．、]\\s*\\D.*"),
            Pattern.compile("^[■●◆▲★□○◇].+"));
    private static final Pattern BYLINE = Pattern.compile(
            "^(本报记者|本报评论员|本报特约评论员|本报通讯员|新华社记者|人民日报记者|记者|作者|文)[：:/／｜|\\s\\u3000]*(.*)$");
    private static final Pattern DATELINE = Pattern.compile("^本报.{0,12}电");
    private static final Pattern DATELINE_REPORTERS = Pattern.compile("^本报.{0,12}电[（(](?:记者|通讯员)\\s*([^）)]+)[）)]");
    private static final Pattern BOOK_TITLE_AND_AUTHOR = Pattern.compile(
            "^《([^》]+)》[\\s\\u3000]*([\\p{IsHan}·]{2,8}?)?[\\s\\u3000]*(著|撰|编著|著编)?$");
    private static final Pattern TITLE_COLUMN = Pattern.compile("^(.+?)[（(]([^（）()]{2,10})[）)]$");
    private static final String CREDIT_WORDS = "版式设计|版面设计|美术编辑|责任编辑|本版责编|责编|编辑|制图|绘图|插图|摄影|图片";
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "^[（(]?\\s*(" + CREDIT_WORDS + ")\\s*[：:].+?[）)]?$");
    private static final Pattern CREDIT = Pattern.compile("(" + CREDIT_WORDS + ")\\s*[：:]\\s*");
    private static final Pattern PHOTO_CREDIT = Pattern.compile("^[（(]?(.{2,20}?)\\s*摄[）)]?$");
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^《\\s*(.+?)\\s*》\\s*[（(]\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(.*?)\\s*[）)]$");

    /**
     * Reads the article; {@code file} names the source in error messages, and the article
     * when its text has no title. Its chapter titles and headings have ids made from their
     * text, as Pandoc makes them.
     */
    public Book read(Path file, String text) {
        return read(file, text, BookLoader.baseName(file), new Identifiers());
    }

    /**
     * As {@link #read(Path, String)}, with {@code untitled} as the title of a text that has
     * none, for one source of a book whose ids so far are {@code identifiers}.
     */
    Book read(Path file, String text, String untitled, Identifiers identifiers) {
        List<Line> lines = Line.split(text);
        int bodyStart = firstBodyLine(lines);
        if (lines.subList(0, bodyStart).stream().allMatch(l -> l.blank() || l.text().startsWith("—"))) {
            // Without a title above it, a line opening with a dash is the text's first line.
            bodyStart = 0;
        }
        int bodyEnd = trailerStart(lines, bodyStart);
        List<Line> body = lines.subList(bodyStart, bodyEnd);
        boolean book = countBookChapters(body) >= 2;

        Metadata.Builder metadata = Metadata.builder();
        readHeadline(lines.subList(0, bodyStart), book, metadata);
        readTrailer(lines.subList(bodyEnd, lines.size()), metadata);
        List<String> paragraphs = paragraphs(body);
        if (metadata.build().creators().isEmpty() && !paragraphs.isEmpty()) {
            metadata.creators(datelineReporters(paragraphs.get(0)));
        }
        if (metadata.title() == null) {
            metadata.title(untitled);
        }
        metadata.language(Script.detect(text));
        List<Chapter> chapters = identifiers.madeFor(book ? bookChapters(paragraphs) : sections(paragraphs));
        return new Book(metadata.build(), chapters, book ? Book.Layout.BOOK : Book.Layout.ARTICLE);
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
                || length(text) > MAX_HEADLINE_LENGTH
                || endsSentence(text)
                || "，、；,;".indexOf(text.charAt(text.length() - 1)) >= 0
                || DATELINE.matcher(text).find()
                || isBookChapter(text);
    }

    private static void readHeadline(List<Line> lines, boolean book, Metadata.Builder metadata) {
        List<String> titles = new ArrayList<>();
        List<Contributor> creators = new ArrayList<>();
        // Dash lines and a plain third line, in order: one subtitle, or several lines of one.
        List<String> subtitles = new ArrayList<>();
        for (Line line : lines) {
            if (line.blank()) {
                continue;
            }
            String text = line.text();
            Matcher byline = BYLINE.matcher(text);
            if (byline.matches() && !titles.isEmpty()) {
                List<String> names = Names.split(byline.group(2));
                // 本报评论员 signs without a name: the desk is the author.
                for (String name : names.isEmpty() ? List.of(byline.group(1)) : names) {
                    creators.add(new Contributor(name, Role.AUTHOR));
                }
            } else if (text.startsWith("—")) {
                subtitles.add(text.replaceFirst("^—+\\s*", ""));
            } else if (titles.size() >= 2) {
                subtitles.add(text);
            } else {
                titles.add(text);
            }
        }
        subtitles.removeIf(String::isEmpty);
        String subtitle = subtitles.isEmpty() ? null : String.join(" ", subtitles);
        if (titles.isEmpty()) {
            metadata.creators(creators);
            return;
        }
        // One line is the title; two are kicker and title; a third is a plain subtitle.
        String title;
        if (titles.size() == 1) {
            title = titles.get(0);
        } else {
            metadata.kicker(titles.get(0).replaceAll("[—：:\\s\\u3000]+$", ""));
            title = titles.get(1);
        }
        Matcher bookTitle = BOOK_TITLE_AND_AUTHOR.matcher(title);
        Matcher column = TITLE_COLUMN.matcher(title);
        if (book && bookTitle.matches()) {
            // A book's file often opens with 《书名》作者: the marks are not part of the title.
            title = bookTitle.group(1);
            if (bookTitle.group(2) != null
                    && creators.stream().noneMatch(c -> c.name().equals(bookTitle.group(2)))) {
                creators.add(new Contributor(bookTitle.group(2), Role.AUTHOR));
            }
        } else if (column.matches()) {
            title = CharClasses.strip(column.group(1));
            metadata.column(column.group(2));
        }
        metadata.title(title).subtitle(subtitle).creators(creators);
    }

    /** Reporters named in a dateline: 本报北京1月30日电（记者王君平、李四）. */
    private static List<Contributor> datelineReporters(String firstParagraph) {
        Matcher dateline = DATELINE_REPORTERS.matcher(firstParagraph);
        if (!dateline.find()) {
            return List.of();
        }
        return Names.split(dateline.group(1)).stream().map(n -> new Contributor(n, Role.AUTHOR)).toList();
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
        return CREDIT_LINE.matcher(text).matches()
                || SOURCE_LINE.matcher(text).matches()
                || (PHOTO_CREDIT.matcher(text).matches() && !endsSentence(text));
    }

    private static void readTrailer(List<Line> lines, Metadata.Builder metadata) {
        List<Contributor> contributors = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Line line : lines) {
            String text = line.text();
            Matcher source = SOURCE_LINE.matcher(text);
            if (line.blank()) {
                continue;
            } else if (CREDIT_LINE.matcher(text).matches()) {
                credits(text, contributors);
            } else if (source.matches()) {
                String edition = source.group(5).isEmpty() ? "" : " " + source.group(5);
                sources.add(source.group(1) + " " + source.group(2) + "年" + source.group(3) + "月"
                        + source.group(4) + "日" + edition);
                String date = String.format("%s-%02d-%02d", source.group(2),
                        Integer.parseInt(source.group(3)), Integer.parseInt(source.group(4)));
                if (metadata.build().date() == null && Settings.isDate(date)) {
                    metadata.date(date);
                }
            } else {
                Matcher photo = PHOTO_CREDIT.matcher(text);
                if (photo.matches()) {
                    String names = photo.group(1).replaceFirst("^(本报记者|记者|新华社记者|通讯员)", "");
                    for (String name : Names.split(names)) {
                        contributors.add(new Contributor(name, Role.PHOTOGRAPHER));
                    }
                }
            }
        }
        metadata.contributors(contributors);
        if (!sources.isEmpty()) {
            // A piece printed twice names both places; the first gives the date.
            metadata.source(String.join("；", sources));
        }
    }

    /** One line may credit several roles: 本版责编：王三  版式设计：张芳曼. */
    private static void credits(String text, List<Contributor> contributors) {
        String line = text.replaceAll("^[（(]\\s*|\\s*[）)]$", "");
        Matcher credit = CREDIT.matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (credit.find()) {
            spans.add(new int[] {credit.start(1), credit.end(1), credit.end()});
        }
        for (int i = 0; i < spans.size(); i++) {
            Role role = creditRole(line.substring(spans.get(i)[0], spans.get(i)[1]));
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : line.length();
            for (String name : Names.split(line.substring(spans.get(i)[2], end))) {
                contributors.add(new Contributor(name, role));
            }
        }
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

    private static long countBookChapters(List<Line> lines) {
        return lines.stream().filter(l -> !l.blank() && isBookChapter(l.text())).count();
    }

    /**
     * A book's chapters start at its chapter headings. A heading that repeats the number of
     * the chapter it stands in (some files repeat the title inside the chapter) is text.
     */
    private static List<Chapter> bookChapters(List<String> paragraphs) {
        List<Chapter> chapters = new ArrayList<>();
        ChapterBuilder current = new ChapterBuilder(List.of(), null);
        for (String text : paragraphs) {
            Matcher heading = BOOK_CHAPTER.matcher(text);
            boolean isHeading = isBookChapter(text) && heading.matches()
                    && !heading.group(1).equals(current.number);
            if (isHeading) {
                current.addTo(chapters);
                String title = heading.group(2).isEmpty()
                        ? heading.group(1) : heading.group(1) + "\u3000" + CharClasses.strip(heading.group(2));
                current = new ChapterBuilder(List.of(new Inline.Text(title)), heading.group(1));
            } else {
                current.blocks.add(block(text));
            }
        }
        current.addTo(chapters);
        return chapters;
    }

    /**
     * An article's sections start at its headings. Numbered headings nest by their style
     * (一、 over （一） over 1. over ■): the outermost style present, and unnumbered
     * headings, start sections; inner ones become headings inside them.
     */
    private static List<Chapter> sections(List<String> paragraphs) {
        List<Integer> stylesPresent = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            int style = headingStyle(paragraphs, i);
            if (style > 0 && !stylesPresent.contains(style)) {
                stylesPresent.add(style);
            }
        }
        stylesPresent.sort(null);
        List<Chapter> chapters = new ArrayList<>();
        ChapterBuilder current = new ChapterBuilder(List.of(), null);
        for (int i = 0; i < paragraphs.size(); i++) {
            String text = paragraphs.get(i);
            int style = headingStyle(paragraphs, i);
            int depth = style > 0 ? stylesPresent.indexOf(style) : 0;
            if (style == NOT_A_HEADING) {
                current.blocks.add(block(text));
            } else if (depth == 0) {
                current.addTo(chapters);
                current = new ChapterBuilder(List.of(new Inline.Text(text)), null);
            } else {
                current.blocks.add(new Block.Heading(Math.min(6, depth + 1), List.of(new Inline.Text(text))));
            }
        }
        current.addTo(chapters);
        return chapters;
    }

    private static final int NOT_A_HEADING = -1;
    private static final int UNNUMBERED = 0;

    /** The heading style of a paragraph: its numbering style from 1, UNNUMBERED, or NOT_A_HEADING. */
    private static int headingStyle(List<String> paragraphs, int index) {
        String text = paragraphs.get(index);
        if (index + 1 >= paragraphs.size() || endsSentence(text)) {
            return NOT_A_HEADING;
        }
        for (int style = 0; style < NUMBERED_HEADINGS.size(); style++) {
            if (NUMBERED_HEADINGS.get(style).matcher(text).matches()) {
                return length(text) <= MAX_HEADING_LENGTH + 10 && !endsClause(text) ? style + 1 : NOT_A_HEADING;
            }
        }
        return isSectionHeading(text) ? UNNUMBERED : NOT_A_HEADING;
    }

    /** A paragraph, or a poem: its lines apart by line feeds, its stanzas by an empty line. */
    private static Block block(String text) {
        if (text.indexOf('\n') < 0) {
            return new Block.Paragraph(List.of(new Inline.Text(text)));
        }
        List<List<Inline>> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.isEmpty() ? List.of() : List.of(new Inline.Text(line)));
        }
        return new Block.Verse(lines);
    }

    /** A chapter being gathered: its title, its number (for books) and its blocks so far. */
    private static final class ChapterBuilder {
        private final List<Inline> title;
        private final String number;
        private final List<Block> blocks = new ArrayList<>();

        ChapterBuilder(List<Inline> title, String number) {
            this.title = title;
            this.number = number;
        }

        void addTo(List<Chapter> chapters) {
            if (!title.isEmpty() || !blocks.isEmpty()) {
                chapters.add(new Chapter("chapter-" + (chapters.size() + 1), title, blocks));
            }
        }
    }

    /**
     * Groups lines into paragraphs. Where blank lines separate paragraphs, the lines between
     * them are one paragraph wrapped at the line ends, except that an indent starts a new
     * one; text without blank lines has a paragraph per line. A poem is a paragraph whose
     * lines are kept, one per line feed (see {@link #poems}).
     */
    private static List<String> paragraphs(List<Line> lines) {
        boolean wrapped = hasWrappedGroups(lines);
        List<List<String>> groups = new ArrayList<>();
        List<String> current = null;
        for (Line line : lines) {
            if (line.blank()) {
                current = null;
                continue;
            }
            boolean continues = wrapped && current != null && !line.indented() && !isBookChapter(line.text());
            if (!continues) {
                current = new ArrayList<>();
                groups.add(current);
            }
            current.add(line.text());
        }
        return poems(groups);
    }

    /**
     * Paragraphs from groups of source lines, the lines of a paragraph each. A group whose
     * lines make a poem ({@link VerseLines}) keeps them apart, and so does a run of one-line
     * paragraphs that does; poems of several lines that follow one another are the stanzas
     * of one, separated by an empty line. Any other group is joined into one paragraph.
     */
    private static List<String> poems(List<List<String>> groups) {
        List<String> paragraphs = new ArrayList<>();
        boolean stanza = false;
        for (int i = 0; i < groups.size(); ) {
            List<String> group = groups.get(i);
            if (group.size() > 1) {
                boolean poem = VerseLines.isPoem(group);
                String text = poem ? String.join("\n", group) : joined(group);
                if (poem && stanza) {
                    int last = paragraphs.size() - 1;
                    paragraphs.set(last, paragraphs.get(last) + "\n\n" + text);
                } else {
                    paragraphs.add(text);
                }
                stanza = poem;
                i++;
                continue;
            }
            stanza = false;
            int end = i;
            while (end < groups.size() && groups.get(end).size() == 1
                    && VerseLines.alike(group.get(0), groups.get(end).get(0))) {
                end++;
            }
            List<String> run = groups.subList(i, end).stream().map(g -> g.get(0)).toList();
            if (VerseLines.isPoem(run)) {
                paragraphs.add(String.join("\n", run));
                i = end;
            } else {
                paragraphs.add(group.get(0));
                i++;
            }
        }
        return paragraphs;
    }

    /** The lines of a paragraph wrapped at the line ends, joined as East Asian text joins them. */
    private static String joined(List<String> lines) {
        StringBuilder joined = new StringBuilder(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            // Joined at the end only: copying the whole paragraph per line is quadratic.
            String tail = joined.substring(joined.offsetByCodePoints(joined.length(), -1));
            String both = EastAsianLineBreaks.join(tail, line);
            joined.append(both, tail.length(), both.length());
        }
        return joined.toString();
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

    private static boolean isBookChapter(String text) {
        return BOOK_CHAPTER.matcher(text).matches()
                && length(text) <= MAX_HEADLINE_LENGTH
                && !endsSentence(text);
    }

    private static boolean isSectionHeading(String text) {
        int length = length(text);
        return length >= 2 && length <= MAX_HEADING_LENGTH && !endsSentence(text) && !endsClause(text);
    }

    /** A line ending in a comma, colon or dash goes on: it is not a heading. */
    private static boolean endsClause(String text) {
        return "，、；：,;:—".indexOf(text.codePointBefore(text.length())) >= 0;
    }

    /** True when the text ends a sentence, looking through closing quotes and brackets. */
    private static boolean endsSentence(String text) {
        int end = text.length();
        while (end > 0 && "”’」』）)》】".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && CharClasses.SENTENCE_END.indexOf(text.charAt(end - 1)) >= 0;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
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
