package org.cjkbook.font;

/**
 * The four typographic roles a book's text plays, each served by one font file.
 *
 * <p>Stylesheets name a face by {@link #family()} and {@link #weight()}, so the two serif
 * faces share a family and differ by weight: a reader that falls back to synthetic bold
 * still picks the right design. The families are the book's own names, not the fonts':
 * a book that names other fonts in its settings keeps its stylesheets.
 */
public enum Face {
    /** Body text: Noto Serif SC Regular (宋体/明体 style). */
    BODY("Book Serif", 400, "NotoSerifSC-Regular.ttf"),
    /** Strong text and titles: Noto Serif SC Bold. */
    BOLD("Book Serif", 700, "NotoSerifSC-Bold.ttf"),
    /** Headings: Noto Sans SC Bold (黑体 style). */
    HEADING("Book Sans", 700, "NotoSansSC-Bold.ttf"),
    /**
     * Code: Noto Sans Mono Regular, whose columns keep a program's alignment. It has no Han,
     * which falls back to the body face; being last, it draws another face's text only where
     * no other face can.
     */
    MONO("Book Mono", 400, "NotoSansMono-Regular.ttf");

    private final String family;
    private final int weight;
    private final String defaultFileName;

    Face(String family, int weight, String defaultFileName) {
        this.family = family;
        this.weight = weight;
        this.defaultFileName = defaultFileName;
    }

    /** The CSS {@code font-family} name. */
    public String family() { return family; }

    /** The CSS {@code font-weight}. */
    public int weight() { return weight; }

    /** The file name of this face in the project's {@code fonts/} folder. */
    public String defaultFileName() { return defaultFileName; }
}
