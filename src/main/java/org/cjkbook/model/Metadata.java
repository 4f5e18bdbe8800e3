package org.cjkbook.model;

import java.util.List;

/**
 * What a book says about itself. Optional text fields are null when the source and the
 * settings are silent; {@code language} is a BCP 47 tag and always present.
 */
public record Metadata(
        String title,
        String kicker,
        String subtitle,
        String column,
        String language,
        String identifier,
        String date,
        String publisher,
        String rights,
        String description,
        String source,
        List<String> subjects,
        List<Contributor> creators,
        List<Contributor> contributors) {

    public Metadata {
        java.util.Objects.requireNonNull(title, "title");
        java.util.Objects.requireNonNull(language, "language");
        subjects = List.copyOf(subjects);
        creators = List.copyOf(creators);
        contributors = List.copyOf(contributors);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().title(title).kicker(kicker).subtitle(subtitle).column(column)
                .language(language).identifier(identifier).date(date).publisher(publisher)
                .rights(rights).description(description).source(source).subjects(subjects)
                .creators(creators).contributors(contributors);
    }

    /** Collects fields one at a time, since readers find them in no fixed order. */
    public static final class Builder {
        private String title;
        private String kicker;
        private String subtitle;
        private String column;
        private String language = "zh-Hans";
        private String identifier;
        private String date;
        private String publisher;
        private String rights;
        private String description;
        private String source;
        private List<String> subjects = List.of();
        private List<Contributor> creators = List.of();
        private List<Contributor> contributors = List.of();

        public Builder title(String value) { title = value; return this; }
        public Builder kicker(String value) { kicker = value; return this; }
        public Builder subtitle(String value) { subtitle = value; return this; }
        public Builder column(String value) { column = value; return this; }
        public Builder language(String value) { language = value; return this; }
        public Builder identifier(String value) { identifier = value; return this; }
        public Builder date(String value) { date = value; return this; }
        public Builder publisher(String value) { publisher = value; return this; }
        public Builder rights(String value) { rights = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder source(String value) { source = value; return this; }
        public Builder subjects(List<String> value) { subjects = value; return this; }
        public Builder creators(List<Contributor> value) { creators = value; return this; }
        public Builder contributors(List<Contributor> value) { contributors = value; return this; }

        public String title() { return title; }

        public Metadata build() {
            return new Metadata(title == null ? "" : title, kicker, subtitle, column, language,
                    identifier, date, publisher, rights, description, source, subjects, creators, contributors);
        }
    }
}
