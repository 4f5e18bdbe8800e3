package org.cjkbook.read;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cjkbook.BookException;

/**
 * The keys a book's settings may have: cjkbook's own, Pandoc's names for the same fields,
 * and the keys of Pandoc's other writers, which a Pandoc user's front matter often holds
 * and cjkbook has no use for.
 */
final class SettingNames {

    /** Keys that say what the book is: they override what the readers find in the text. */
    static final Set<String> METADATA = Set.of("title", "kicker", "subtitle", "column", "language", "identifier",
            "date", "publisher", "rights", "description", "source", "subjects", "creators", "contributors");
    /** Keys for choices the text cannot make. */
    static final Set<String> BOOK = Set.of("sources", "page-size", "formats", "fonts", "cover", "layout",
            "figure-numbers", "punctuation", "script", "writing-mode", "pdfa");
    /** Pandoc's name for a field, and cjkbook's; a name the two share (title, date, …) is not here. */
    static final Map<String, String> PANDOC = Map.of(
            "author", "creators",
            "creator", "creators",
            "contributor", "contributors",
            "lang", "language",
            "keywords", "subjects",
            "subject", "subjects",
            "abstract", "description",
            "cover-image", "cover");
    /**
     * Pandoc's keys for page layout, fonts, contents, styles and citations in its LaTeX,
     * HTML and EPUB writers: cjkbook sets its own pages and reads no bibliography, so it
     * reads past them, with a warning, rather than make a Pandoc user edit the file.
     */
    static final Set<String> PANDOC_IGNORED = Set.of(
            "documentclass", "classoption", "geometry", "papersize", "margin-left", "margin-right", "margin-top",
            "margin-bottom", "fontsize", "linestretch", "fontfamily", "fontenc", "mainfont", "sansfont", "monofont",
            "mathfont", "CJKmainfont", "CJKsansfont", "CJKmonofont", "CJKoptions", "mainfontoptions", "pagestyle",
            "indent", "header-includes", "include-before", "include-after", "numbersections", "secnumdepth",
            "toc", "toc-depth", "toc-title", "lof", "lot", "colorlinks", "linkcolor", "urlcolor", "citecolor",
            "links-as-notes", "css", "stylesheet", "document-css", "pagetitle", "bibliography", "csl",
            "link-citations", "nocite", "reference-section-title", "output");

    private SettingNames() {
    }

    /**
     * cjkbook's name for {@code key}, or null for a Pandoc key that is ignored (a warning is
     * added, naming {@code file}); any other key is an error that suggests the nearest name.
     */
    static String of(String key, Path file, java.util.List<String> warnings) {
        if (PANDOC_IGNORED.contains(key)) {
            warnings.add(file + ": '" + key + "' is a Pandoc setting that cjkbook has no use for; ignored");
            return null;
        }
        String name = PANDOC.getOrDefault(key, key);
        if (!METADATA.contains(name) && !BOOK.contains(name)) {
            throw unknown(key, known(), file);
        }
        return name;
    }

    /** Every key a book's settings may have but those ignored, sorted. */
    static Set<String> known() {
        Set<String> known = new TreeSet<>(METADATA);
        known.addAll(BOOK);
        known.addAll(PANDOC.keySet());
        return known;
    }

    /** An unknown key: the message suggests the known one nearest it, or else lists them. */
    static BookException unknown(String key, Collection<String> known, Path file) {
        String near = nearest(key, known);
        String field = key.substring(key.lastIndexOf('.') + 1);
        return BookException.in(file, "unknown key '" + key + "'" + (near != null
                ? "; did you mean '" + key.substring(0, key.length() - field.length()) + near + "'?"
                : " (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
    }

    /**
     * The known name a mistyped {@code key} most likely meant: the nearest by edit distance
     * (a swap of two letters counting as one edit) when that is at most 2, or 1 for a name
     * of four letters or fewer; else null. Case is not counted.
     */
    static String nearest(String key, Collection<String> known) {
        String field = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : new TreeSet<>(known)) {
            int distance = distance(field, name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return bestDistance <= (field.length() <= 4 ? 1 : 2) ? best : null;
    }

    /** Edit distance with adjacent transpositions (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
