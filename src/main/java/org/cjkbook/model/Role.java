package org.cjkbook.model;

import java.util.Locale;

/** Contributor roles, with their MARC relator codes and the words Chinese credits use. */
public enum Role {
    AUTHOR("aut", "作者"),
    EDITOR("edt", "责任编辑"),
    BOOK_DESIGNER("bkd", "版式设计"),
    ILLUSTRATOR("ill", "制图"),
    PHOTOGRAPHER("pht", "摄影"),
    TRANSLATOR("trl", "翻译");

    private final String marc;
    private final String label;

    Role(String marc, String label) {
        this.marc = marc;
        this.label = label;
    }

    /** The MARC relator code, as EPUB's {@code role} refinement wants it. */
    public String marc() {
        return marc;
    }

    /** How a Chinese colophon names the role. */
    public String label() {
        return label;
    }

    /** The name used in settings and in {@code inspect}'s output, e.g. {@code book-designer}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Finds a role by its key or MARC code. */
    public static Role fromKey(String key) {
        for (Role role : values()) {
            if (role.key().equals(key) || role.marc.equals(key)) {
                return role;
            }
        }
        return null;
    }
}
