package org.cjkbook.xhtml;

import java.util.regex.Pattern;

/**
 * The ids of a book's sources as ids of its XHTML. Most are written as they are: Han
 * characters are letters to XML. One that XML does not take as a name (it starts with a
 * digit, or holds a space or a colon), or that could be taken for an id an edition gives
 * its own elements ({@code chapter-2}, {@code page-12}, {@code toc}), is written after an
 * underscore instead, with each character outside a name, and the underscore itself, as
 * its code in hexadecimal between underscores: {@code 1.2:节} as {@code _1.2_3a_节}. No
 * two source ids are written alike, and none like an edition's own.
 */
final class XmlIds {

    /** The ids the editions give elements of their own. */
    private static final Pattern OWN = Pattern.compile("toc|toc-title|colophon|(chapter|page)-.*");

    private XmlIds() {
    }

    static String of(String id) {
        if (!id.isEmpty() && isNameStart(id.codePointAt(0)) && id.codePoints().allMatch(XmlIds::isNameCharacter)
                && !id.startsWith("_") && !OWN.matcher(id).matches()) {
            return id;
        }
        StringBuilder escaped = new StringBuilder("_");
        id.codePoints().forEach(c -> {
            if (c != '_' && isNameCharacter(c)) {
                escaped.appendCodePoint(c);
            } else {
                escaped.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return escaped.toString();
    }

    /** The characters that may start a name in XML 1.0 (fifth edition), but for the colon: pairs of first and last. */
    private static final int[] NAME_START = {'A', 'Z', '_', '_', 'a', 'z', 0xc0, 0xd6, 0xd8, 0xf6, 0xf8, 0x2ff,
        0x370, 0x37d, 0x37f, 0x1fff, 0x200c, 0x200d, 0x2070, 0x218f, 0x2c00, 0x2fef, 0x3001, 0xd7ff,
        0xf900, 0xfdcf, 0xfdf0, 0xfffd, 0x10000, 0xeffff};
    /** The characters that may follow in a name, besides those. */
    private static final int[] NAME_MORE = {'-', '.', '0', '9', 0xb7, 0xb7, 0x300, 0x36f, 0x203f, 0x2040};

    private static boolean isNameStart(int c) {
        return within(NAME_START, c);
    }

    private static boolean isNameCharacter(int c) {
        return within(NAME_START, c) || within(NAME_MORE, c);
    }

    private static boolean within(int[] ranges, int c) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (c >= ranges[i] && c <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
