package org.cjkbook.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little that a book needs from raw HTML in Markdown: its text, its images, and where
 * block-level elements separate one paragraph from the next. Markup itself is dropped,
 * since the editions write their own.
 */
final class HtmlMarkup {

    /** One piece of an HTML fragment, in source order. */
    sealed interface Part {
    }

    /** Text with entities decoded and whitespace as in the source. */
    record Run(String text) implements Part {
    }

    /** An {@code <img>} tag; {@code line} counts from 0 within the fragment. */
    /** An image; {@code alt} is null when the tag has no alt attribute at all. */
    record Img(String src, String alt, String title, int line) implements Part {
    }

    /** A tag that separates paragraphs or lines, such as {@code <p>} or {@code <br>}. */
    record Gap(String tag) implements Part {
    }

    /** Last of the parts when the fragment ends inside an element whose content is hidden. */
    record Hidden(String tag) implements Part {
    }

    private static final Pattern MARKUP = Pattern.compile(
            "<!--.*?-->|<\\?.*?\\?>|<!\\[CDATA\\[.*?]]>|<![A-Za-z][^>]*>"
            + "|</?([A-Za-z][A-Za-z0-9-]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*)\\s*/?>",
            Pattern.DOTALL);

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("ensp", "\u2002"),
            Map.entry("emsp", "\u2003"), Map.entry("thinsp", "\u2009"), Map.entry("mdash", "—"),
            Map.entry("ndash", "–"), Map.entry("hellip", "…"), Map.entry("middot", "·"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("times", "×"), Map.entry("deg", "°"));

    private static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
            "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
            "td", "th", "tr", "ul");

    // Their content is program or style, not words for a reader.
    private static final Set<String> HIDDEN_CONTENT = Set.of("script", "style", "template", "noscript");

    private HtmlMarkup() {
    }

    static List<Part> parts(String html) {
        return parts(html, null);
    }

    /**
     * The parts of a fragment that starts inside the hidden element {@code hiddenAtStart}
     * (or null): inline HTML comes in pieces, {@code <script>} in one and {@code </script>}
     * in another, with Markdown text between them.
     */
    static List<Part> parts(String html, String hiddenAtStart) {
        List<Part> parts = new ArrayList<>();
        Matcher m = MARKUP.matcher(html);
        int position = 0;
        String hiddenUntil = hiddenAtStart;
        while (m.find()) {
            if (hiddenUntil == null && m.start() > position) {
                parts.add(new Run(decode(html.substring(position, m.start()))));
            }
            position = m.end();
            if (m.group(1) == null) {
                continue; // a comment, declaration or processing instruction
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            boolean closing = m.group().startsWith("</");
            if (hiddenUntil != null) {
                if (closing && name.equals(hiddenUntil)) {
                    hiddenUntil = null;
                }
            } else if (!closing && HIDDEN_CONTENT.contains(name) && !m.group().endsWith("/>")) {
                hiddenUntil = name;
            } else if (!closing && name.equals("img")) {
                parts.add(image(attributes(m.group(2)), lineAt(html, m.start())));
            } else if (BLOCK_TAGS.contains(name)) {
                parts.add(new Gap(name));
            }
        }
        if (hiddenUntil == null && position < html.length()) {
            parts.add(new Run(decode(html.substring(position))));
        }
        if (hiddenUntil != null) {
            parts.add(new Hidden(hiddenUntil));
        }
        return parts;
    }

    private static Part image(Map<String, String> attributes, int line) {
        String alt = attributes.containsKey("alt") ? collapse(attributes.get("alt")).strip() : null;
        String src = attributes.get("src");
        if (src == null || src.isBlank()) {
            // Nothing to show, but the alternative text is still text.
            return new Run(alt == null ? "" : alt);
        }
        String title = attributes.get("title");
        title = title == null ? null : collapse(title).strip();
        return new Img(src.strip(), alt, title == null || title.isEmpty() ? null : title, line);
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text == null ? "" : text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : decode(value));
        }
        return attributes;
    }

    private static int lineAt(String text, int index) {
        int line = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }

    /** Decodes character references; a name it does not know stays as written. */
    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = m.group();
            if (name.startsWith("#")) {
                boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                replacement = Character.isValidCodePoint(codePoint) && codePoint != 0
                        ? Character.toString(codePoint) : "\ufffd";
            } else if (NAMED.containsKey(name)) {
                replacement = NAMED.get(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Collapses each run of whitespace as a browser would, but East Asian style across lines. */
    static String collapse(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isSpace(text.charAt(end))) {
                end++;
            }
            int before = out.length() == 0 ? -1 : out.codePointBefore(out.length());
            int after = end < text.length() ? text.codePointAt(end) : -1;
            out.append(EastAsianLineBreaks.whitespace(text.substring(i, end), before, after));
            i = end;
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
