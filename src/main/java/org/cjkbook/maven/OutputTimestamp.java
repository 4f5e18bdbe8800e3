package org.cjkbook.maven;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.apache.maven.plugin.MojoFailureException;

/**
 * Maven's {@code project.build.outputTimestamp}, read as Maven's own plugins read it: an
 * ISO 8601 date and time with its offset, or seconds since 1970; empty or a single
 * character (Maven's way to turn it off) is none.
 */
final class OutputTimestamp {

    private OutputTimestamp() {
    }

    /** The instant, or null when the project sets none. */
    static Instant parse(String value) throws MojoFailureException {
        if (value == null || value.length() < 2) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new MojoFailureException("project.build.outputTimestamp '" + value
                    + "' is not a date and time such as 2025-01-01T00:00:00Z, nor seconds since 1970");
        }
    }
}
