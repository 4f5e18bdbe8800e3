package org.cjkbook.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.model.Inline;

/**
 * Pandoc's attributes after a heading's text: {@code ## 第二节 {#sec2}}. They are taken
 * off the text; an id ({@code #sec2}) is what links into the book lead to. Classes and
 * {@code key=value} pairs are accepted and have no effect: cjkbook does not number
 * headings, so {@code .unnumbered} and its short form {@code -} change nothing. Braces
 * that do not hold attributes stay text.
 */
record HeadingAttributes(List<Inline> content, String id) {

    private static final String ATTRIBUTE =
            "#[^\\s{}]+|\\.[^\\s{}]+|-|[\\w:.-]+=(?:\"[^\"]*\"|'[^']*'|[^\\s{}\"']*)";
    private static final Pattern BLOCK =
            Pattern.compile("\\{\\s*((?:" + ATTRIBUTE + ")(?:\\s+(?:" + ATTRIBUTE + "))*)\\s*}\\s*$");
    /** One attribute after the one before it: a quoted value may hold what looks like another. */
    private static final Pattern NEXT = Pattern.compile("\\G\\s*(?:" + ATTRIBUTE + ")");

    /** A heading's content without the attributes at its end, and the id they give (the last, if several), or null. */
    static HeadingAttributes of(List<Inline> content) {
        if (content.isEmpty() || !(content.get(content.size() - 1) instanceof Inline.Text last)) {
            return new HeadingAttributes(content, null);
        }
        Matcher block = BLOCK.matcher(last.text());
        if (!block.find()) {
            return new HeadingAttributes(content, null);
        }
        String id = null;
        for (Matcher attribute = NEXT.matcher(block.group(1)); attribute.find(); ) {
            String written = attribute.group().strip();
            if (written.startsWith("#")) {
                id = written.substring(1);
            }
        }
        List<Inline> rest = new ArrayList<>(content.subList(0, content.size() - 1));
        String before = last.text().substring(0, block.start()).stripTrailing();
        if (!before.isEmpty()) {
            rest.add(new Inline.Text(before));
        }
        return new HeadingAttributes(rest, id);
    }
}
