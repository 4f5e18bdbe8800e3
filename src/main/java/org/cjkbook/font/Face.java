package org.cjkbook.font;

/**
 * The typographic roles a book's text plays, each served by one font file, and a last
 * resort for characters none of those fonts has.
 *
 * <p>Stylesheets name a face by {@link #family()} and {@link #weight()}, so the two serif
 * faces share a family and differ by weight: a reader that falls back to synthetic bold
 * still picks the right design. The families are the book's own names, not the fonts':
 * a book that names other fonts in its settings keeps its stylesheets.
 *
 * <p>Each face has a file for Simplified and one for Traditional Chinese: the Noto CJK
 * families differ in glyph forms (骨, 戶, 說 are drawn as each region teaches them) and in
 * where punctuation sits (Taiwan and Hong Kong centre ，。 in the em).
 */
public enum Face {
    /** Body text: Noto Serif SC or TC Regular (宋体/明体 style). */
    BODY("Book Serif", 400, "NotoSerifSC-Regular.ttf", "NotoSerifTC-Regular.ttf"),
    /** Strong text and titles: Noto Serif SC or TC Bold. */
    BOLD("Book Serif", 700, "NotoSerifSC-Bold.ttf", "NotoSerifTC-Bold.ttf"),
    /** Headings: Noto Sans SC or TC Bold (黑体 style). */
    HEADING("Book Sans", 700, "NotoSansSC-Bold.ttf", "NotoSansTC-Bold.ttf"),
    /**
     * Code: Noto Sans Mono Regular, whose columns keep a program's alignment. It has no Han,
     * which falls back to the body face; being among the last, it draws another face's text
     * only where no face before it can.
     */
    MONO("Book Mono", 400, "NotoSansMono-Regular.ttf", "NotoSansMono-Regular.ttf"),
    /**
     * The other script's serif, Noto Serif TC for a Simplified book and SC for a Traditional
     * one: each lacks a few rare characters the other has (礰, 祶 are not in TC). Being last,
     * it draws only characters that none of the book's own faces has, so a book that needs
     * none does not embed it.
     */
    OTHER("Book Serif Other", 400, "NotoSerifTC-Regular.ttf", "NotoSerifSC-Regular.ttf");

    private final String family;
    private final int weight;
    private final String defaultFileName;
    private final String traditionalFileName;

    Face(String family, int weight, String defaultFileName, String traditionalFileName) {
        this.family = family;
        this.weight = weight;
        this.defaultFileName = defaultFileName;
        this.traditionalFileName = traditionalFileName;
    }

    /** The CSS {@code font-family} name. */
    public String family() { return family; }

    /** The CSS {@code font-weight}. */
    public int weight() { return weight; }

    /** The file name of this face in the project's {@code fonts/} folder, for Simplified Chinese. */
    public String defaultFileName() { return defaultFileName; }

    /** The file name of this face in the project's {@code fonts/} folder, for Traditional or Simplified Chinese. */
    public String fileName(boolean traditional) { return traditional ? traditionalFileName : defaultFileName; }
}
