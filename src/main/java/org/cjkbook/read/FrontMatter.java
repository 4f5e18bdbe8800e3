package org.cjkbook.read;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown text cut into its YAML front matter and its body.
 *
 * <p>Front matter is present when the first line is {@code ---}, the second line is not
 * blank, and a later line is {@code ---} or {@code ...}; otherwise the whole text is body.
 * The blank-line rule is pandoc's: it keeps a document that opens with a thematic break
 * ({@code ---} and a blank line) from losing its first section to YAML.
 *
 * @param yaml the YAML text, or null when there is no front matter
 * @param bodyLineOffset how many lines of the file come before the body, so that the
 *     body's line n (from 1) is line {@code n + bodyLineOffset} of the file; the YAML's
 *     first line is line 2 of the file
 */
record FrontMatter(String yaml, String body, int bodyLineOffset) {

    static final int YAML_FIRST_LINE = 2;

    static FrontMatter split(String text) {
        if (!text.startsWith("---")) {
            return new FrontMatter(null, text, 0);
        }
        List<String> lines = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            lines.add(text.substring(start, end));
            if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
                    && text.charAt(end + 1) == '\n') {
                end++;
            }
            ends.add(Math.min(end + 1, text.length()));
            start = end + 1;
        }
        if (!lines.get(0).stripTrailing().equals("---") || lines.size() < 2 || lines.get(1).isBlank()) {
            return new FrontMatter(null, text, 0);
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                String yaml = String.join("\n", lines.subList(1, i));
                return new FrontMatter(yaml, text.substring(ends.get(i)), i + 1);
            }
        }
        return new FrontMatter(null, text, 0);
    }
}
