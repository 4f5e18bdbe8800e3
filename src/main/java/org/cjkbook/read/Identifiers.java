package org.cjkbook.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cjkbook.BookException;
import org.cjkbook.model.Block;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;

/**
 * The ids by which links lead to the headings, chapter titles and figures of one book: those the
 * sources give, and those made from a heading's text where they give none, as Pandoc makes
 * them, so that a book written for Pandoc links alike. The sources are read in order
 * into one instance; the links are checked once all of them are read, since a link may
 * lead forward into a later source.
 */
final class Identifiers {

    /** What is named when an id would be taken twice: the heading that holds it. */
    private final Map<String, String> holders = new HashMap<>();
    private final List<Link> links = new ArrayList<>();

    private record Link(String id, Path file, int line) {
    }

    /**
     * Takes an id the source gives the element at {@code file:line}, {@code what} it is (a
     * heading, a figure); an id given twice is an error.
     */
    String given(String id, String what, Path file, int line) {
        String holder = holders.putIfAbsent(id, "the " + what + " at " + file + ":" + line);
        if (holder != null) {
            throw BookException.at(file, line, "#" + id + " is already the id of " + holder);
        }
        return id;
    }

    /**
     * The id of a heading the source gives none, made from its text by Pandoc's rules
     * ({@link #fromText}), with {@code -1}, {@code -2}, … after it when an earlier heading
     * holds it.
     */
    String made(List<Inline> text) {
        String base = fromText(Inline.plainText(text));
        String id = base;
        for (int n = 1; holders.containsKey(id); n++) {
            id = base + "-" + n;
        }
        holders.put(id, "the heading " + Inline.plainText(text).strip() + ", made from its text");
        return id;
    }

    /**
     * Pandoc's automatic identifier: the text in lower case, without its marks but for
     * {@code _ - .}, its words joined by hyphens, from its first letter on (Han characters
     * are letters); {@code section} when nothing is left. {@code 第二章 所有权} gives
     * {@code 第二章-所有权}.
     */
    static String fromText(String text) {
        StringBuilder kept = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> isSpace(c) || isLetterOrNumber(c) || c == '_' || c == '-' || c == '.')
                .forEach(c -> kept.appendCodePoint(isSpace(c) ? ' ' : c));
        String id = String.join("-", kept.toString().strip().split(" +"));
        int first = 0;
        while (first < id.length() && !Character.isLetter(id.codePointAt(first))) {
            first += Character.charCount(id.codePointAt(first));
        }
        return first == id.length() ? "section" : id.substring(first);
    }

    // As Haskell's Data.Char, which Pandoc's rules are written in: an ideographic space is a space.
    private static boolean isSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == 0xa0
                || c > 0x377 && Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isLetterOrNumber(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * Ids made for the titles and headings of chapters read from plain text, whose headings
     * stand among their chapter's blocks, in reading order.
     */
    List<Chapter> madeFor(List<Chapter> chapters) {
        List<Chapter> named = new ArrayList<>();
        for (Chapter chapter : chapters) {
            String titleId = chapter.hasTitle() ? made(chapter.title()) : null;
            List<Block> blocks = new ArrayList<>();
            for (Block block : chapter.blocks()) {
                blocks.add(block instanceof Block.Heading h ? new Block.Heading(h.level(), h.content(), made(h.content()))
                        : block);
            }
            named.add(new Chapter(chapter.id(), chapter.title(), blocks, titleId));
        }
        return named;
    }

    /** Notes a link written at {@code file:line} to the heading of {@code id}, for {@link #check}. */
    void link(String id, Path file, int line) {
        links.add(new Link(id, file, line));
    }

    /** Fails at the first link to an id that no heading of the book holds. */
    void check() {
        for (Link link : links) {
            if (!holders.containsKey(link.id())) {
                throw BookException.at(link.file(), link.line(), "link to #" + link.id()
                        + ": no heading has that id; give one with {#" + link.id() + "} after its text");
            }
        }
    }
}
