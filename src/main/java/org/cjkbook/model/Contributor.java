package org.cjkbook.model;

/** A person credited for the book, in the role the source names. */
public record Contributor(String name, Role role) {
    public Contributor {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(role, "role");
    }
}
