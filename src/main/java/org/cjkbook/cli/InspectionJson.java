package org.cjkbook.cli;

import java.util.List;

import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Metadata;
import org.cjkbook.text.Script;

/** The detected structure of a book and the files it was read from, as {@code inspect} prints it. */
final class InspectionJson {

    private InspectionJson() {
    }

    /**
     * {@code sources} are the source files in the order read, as the person would name them;
     * {@code vertical} when the EPUB is set in vertical lines.
     */
    static String of(Book book, List<String> sources, boolean vertical) {
        Metadata m = book.metadata();
        StringBuilder out = new StringBuilder("{\n");
        field(out, "title", m.title());
        field(out, "kicker", m.kicker());
        field(out, "subtitle", m.subtitle());
        field(out, "column", m.column());
        field(out, "language", m.language());
        field(out, "script", script(m.language()));
        field(out, "direction", vertical ? "vertical" : "horizontal");
        field(out, "date", m.date());
        field(out, "source", m.source());
        contributors(out, "creators", m.creators());
        contributors(out, "contributors", m.contributors());
        out.append("  \"sources\": [").append(String.join(", ", sources.stream().map(InspectionJson::string).toList()))
                .append("],\n");
        out.append("  \"chapters\": [");
        List<Chapter> chapters = book.chapters();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            long paragraphs = chapter.blocks().stream().filter(Block.Paragraph.class::isInstance).count();
            out.append(i == 0 ? "\n" : ",\n").append("    {\"title\": ").append(string(chapter.titleText()))
                    .append(", \"paragraphs\": ").append(paragraphs).append('}');
        }
        return out.append(chapters.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /** The script as the {@code script} setting names it: hans, hant, or hant with its region. */
    private static String script(String language) {
        if (!Script.isTraditional(language)) {
            return "hans";
        }
        java.util.regex.Matcher region = java.util.regex.Pattern.compile("(?i)zh-(?:Hant-)?(TW|HK|MO)\\b.*").matcher(language);
        return region.matches() ? "hant-" + region.group(1).toLowerCase(java.util.Locale.ROOT) : "hant";
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  \"").append(name).append("\": ").append(string(value)).append(",\n");
    }

    private static void contributors(StringBuilder out, String name, List<Contributor> people) {
        out.append("  \"").append(name).append("\": [");
        for (int i = 0; i < people.size(); i++) {
            Contributor c = people.get(i);
            out.append(i == 0 ? "" : ", ").append("{\"name\": ").append(string(c.name()))
                    .append(", \"role\": ").append(string(c.role().key())).append('}');
        }
        out.append("],\n");
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                int named = "\b\f\n\r\t".indexOf(c);
                out.append(named >= 0 ? "\\" + "bfnrt".charAt(named) : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
