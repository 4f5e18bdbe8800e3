package org.cjkbook.xhtml;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.text.PunctuationSqueeze;

/**
 * Well-formed XML text, written element by element. It also records which characters are
 * set in which face, so that each face's font can be subset to exactly what it draws.
 */
public final class Markup {

    /** The class, in the vertical stylesheet, of a number set upright in one cell. */
    public static final String UPRIGHT_CLASS = "upright";
    /** Two digits that are a number of their own: not part of a longer number, a decimal or a Latin word. */
    private static final Pattern TWO_DIGITS =
            Pattern.compile("(?<![\\p{IsLatin}0-9.,:])[0-9]{2}(?![\\p{IsLatin}0-9]|[.,:][0-9])");

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<Face> faces = new ArrayDeque<>();
    private final Map<Face, BitSet> characters;
    /** The fonts, to set a character the current face lacks in one that has it; null for none. */
    private final FontSet fonts;
    /** Characters set in a face other than their own, with the face that draws them. */
    private final Map<Integer, Face> fallbacks;
    /** Where the fonts leave their marks blank. */
    private final PunctuationSqueeze squeeze;
    /**
     * For a renderer that paints an element's own text before the elements inside it: text
     * that a fallback span interrupts is written in spans throughout, so it paints in order.
     */
    private boolean spansAroundFallbacks;
    /** Whether numbers of two digits are set upright, for vertical text. */
    private boolean uprightDigits;
    /** Page starts still to be marked in the open text block, by offset; null outside one. */
    private java.util.Deque<PageStart> pageStarts;
    private int blockOffset;

    /** Markup for machines only (package documents, navigation for old readers): no faces. */
    public Markup() {
        this(newCharacterMap(), null, new java.util.TreeMap<>());
    }

    Markup(Map<Face, BitSet> characters, FontSet fonts, Map<Integer, Face> fallbacks) {
        this.characters = characters;
        this.fonts = fonts;
        this.fallbacks = fallbacks;
        this.squeeze = squeeze(fonts);
        faces.push(Face.BODY);
    }

    /** How the marks of text set in {@code fonts} are compressed: as the body font places its stops. */
    public static PunctuationSqueeze squeeze(FontSet fonts) {
        return fonts != null && fonts.centresStops(Face.BODY) ? PunctuationSqueeze.CENTRED_STOPS
                : PunctuationSqueeze.MAINLAND;
    }

    /** Markup for Flying Saucer; see {@link #spansAroundFallbacks}. */
    public Markup forFlyingSaucer() {
        spansAroundFallbacks = true;
        return this;
    }

    /** The characters each face draws, as marks by code point: every character of a book is counted. */
    static Map<Face, BitSet> newCharacterMap() {
        Map<Face, BitSet> map = new EnumMap<>(Face.class);
        for (Face face : Face.values()) {
            map.put(face, new BitSet());
        }
        return map;
    }

    public Markup raw(String xml) {
        out.append(xml);
        return this;
    }

    /** Opens an element; attributes come as name, value pairs, and a null value is left out. */
    public Markup open(String tag, String... attributes) {
        return tag(tag, attributes, ">");
    }

    /** Opens an element whose text is set in {@code face}; close it with {@link #closeFaced}. */
    public Markup openFaced(Face face, String tag, String... attributes) {
        faces.push(face);
        return open(tag, attributes);
    }

    public Markup close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    public Markup closeFaced(String tag) {
        faces.pop();
        return close(tag);
    }

    public Markup empty(String tag, String... attributes) {
        return tag(tag, attributes, "/>");
    }

    private Markup tag(String tag, String[] attributes, String end) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append(end);
        return this;
    }

    public Markup element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public Markup facedElement(Face face, String tag, String text, String... attributes) {
        return openFaced(face, tag, attributes).text(text).closeFaced(tag);
    }

    public Markup newline() {
        out.append('\n');
        return this;
    }

    /**
     * Markup for vertical text: a number of two digits is set upright in one cell (縱中橫),
     * in a span of class {@link #UPRIGHT_CLASS}; longer numbers and Latin words lie on
     * their side, as the engine sets them.
     */
    public Markup forVerticalText() {
        uprightDigits = true;
        return this;
    }

    /**
     * Text content, escaped, and counted for the face it is set in. A character that face
     * cannot draw but another can is set in that other face, in a span the stylesheets know.
     */
    public Markup text(String text) {
        if (!uprightDigits) {
            return faced(text);
        }
        Matcher digits = TWO_DIGITS.matcher(text);
        int start = 0;
        while (digits.find()) {
            faced(text.substring(start, digits.start()));
            out.append("<span class=\"").append(UPRIGHT_CLASS).append("\">");
            faced(digits.group());
            out.append("</span>");
            start = digits.end();
        }
        return faced(text.substring(start));
    }

    /** Text in the face of its element, or in another where that one lacks a character. */
    private Markup faced(String text) {
        Face face = faces.peek();
        int first = 0;
        while (first < text.length() && fallback(face, text.codePointAt(first)) == null) {
            first += Character.charCount(text.codePointAt(first));
        }
        if (first == text.length()) {
            written(text, face);
            return this;
        }
        int start = 0;
        for (int i = first; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            Face fallback = fallback(face, codePoint);
            if (fallback != null) {
                plain(text.substring(start, i), face);
                start = i + Character.charCount(codePoint);
                out.append("<span class=\"").append(fallbackClass(fallback)).append("\">");
                written(text.substring(i, start), fallback);
                out.append("</span>");
            }
        }
        plain(text.substring(start), face);
        return this;
    }

    /** Text beside a fallback span: in a span of its own where the renderer needs one. */
    private void plain(String text, Face face) {
        if (spansAroundFallbacks && !text.isEmpty()) {
            out.append("<span>");
            written(text, face);
            out.append("</span>");
        } else {
            written(text, face);
        }
    }

    /** The class of a span whose text is set in {@code face}, not its own. */
    public static String fallbackClass(Face face) {
        return "fallback-" + face.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The face that draws a character {@code face} lacks, noted for the build's report;
     * null when {@code face} has it or no font does.
     */
    public Face fallback(Face face, int codePoint) {
        if (fonts == null || codePoint < 0x20 || fonts.has(face, codePoint)) {
            return null;
        }
        for (Face other : Face.values()) {
            if (other != face && fonts.has(other, codePoint)) {
                // Code's font has no Han by design: that it falls back is no news to report.
                if (face != Face.MONO) {
                    fallbacks.put(codePoint, other);
                }
                return other;
            }
        }
        return null;
    }

    /** Text of one face, with the page starts that fall in it. */
    private void written(String text, Face face) {
        record(text, face);
        int start = 0;
        while (pageStarts != null && !pageStarts.isEmpty()
                && pageStarts.peek().offset() < blockOffset + text.length()) {
            int cut = Math.max(start, pageStarts.peek().offset() - blockOffset);
            escape(text.substring(start, cut), false);
            pageBreak(pageStarts.pop().label());
            start = cut;
        }
        escape(text.substring(start), false);
        blockOffset += text.length();
    }

    /** Starts a text block whose page starts, ordered by offset, are to be marked in it. */
    public void startBlock(java.util.List<PageStart> starts) {
        pageStarts = new java.util.ArrayDeque<>(starts);
        blockOffset = 0;
    }

    /** Ends a text block; a page start past its text is marked at its end. */
    public void endBlock() {
        while (pageStarts != null && !pageStarts.isEmpty()) {
            pageBreak(pageStarts.pop().label());
        }
        pageStarts = null;
    }

    /** Where a page of the print edition begins, for reading systems that cite by page. */
    private void pageBreak(String label) {
        empty("span", "epub:type", "pagebreak", "role", "doc-pagebreak", "id", "page-" + label, "aria-label", label);
    }

    /**
     * Text whose adjacent punctuation is compressed: the mark that gives up half its em is
     * wrapped in a span the stylesheet pulls in. The text itself does not change.
     */
    public Markup squeezedText(String text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            PunctuationSqueeze.Side side = squeeze.at(text, i);
            if (side != PunctuationSqueeze.Side.NONE) {
                text(text.substring(start, i));
                open("span", "class", side == PunctuationSqueeze.Side.AFTER ? "squeeze-after" : "squeeze-before");
                text(text.substring(i, i + 1));
                close("span");
                start = i + 1;
            }
        }
        return text(text.substring(start));
    }

    /** Text that no font draws (a document's title element, hidden navigation), escaped. */
    public Markup hiddenText(String text) {
        escape(text, false);
        return this;
    }

    /** Counts characters that a face draws, also those a stylesheet generates (folios, leaders). */
    public void record(String text, Face face) {
        BitSet drawn = characters.get(face);
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint >= 0x20) {
                drawn.set(codePoint);
            }
            i += Character.charCount(codePoint);
        }
    }

    /** The face of the text written now. */
    public Face face() {
        return faces.peek();
    }

    public String xml() {
        return out.toString();
    }

    private void attributes(String... attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1], true);
                out.append('"');
            }
        }
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> {
                    // XML 1.0 cannot carry most control characters, even escaped.
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
