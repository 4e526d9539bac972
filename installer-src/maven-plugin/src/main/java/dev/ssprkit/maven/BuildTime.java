package dev.ssprkit.maven;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.msi.WriteOptions;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The time stamped into a package built by the plugin, so that {@code mvn package} twice gives the same bytes: the
 * explicit {@code <buildTime>} ({@code -Dssprkit.buildTime}), else {@code project.build.outputTimestamp} (Maven's
 * convention for reproducible builds, read as the jar plugin reads it: ISO-8601 with an offset, or seconds since
 * 1970; one character, e.g. {@code 0}, means "not set"), else {@code SOURCE_DATE_EPOCH}, else the clock.
 */
final class BuildTime {
    /** The range Maven accepts for outputTimestamp (zip entries cannot go below 1980). */
    static final Instant EARLIEST = Instant.parse("1980-01-01T00:00:02Z"), LATEST = Instant.parse("2099-12-31T23:59:59Z");

    private BuildTime() {}

    static Instant of(Long explicitSeconds, String outputTimestamp, String sourceDateEpoch, Clock clock) {
        if (explicitSeconds != null) return Instant.ofEpochSecond(explicitSeconds);
        Instant fromProject = outputTimestamp(outputTimestamp);
        if (fromProject != null) return fromProject;
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) return WriteOptions.buildTimeFromEnvironment(sourceDateEpoch);
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The instant {@code project.build.outputTimestamp} names, or null when it is not set. */
    static Instant outputTimestamp(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (v.length() < 2 || v.startsWith("${")) return null;
        Instant t;
        try {
            t = v.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(v)) : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidValueException("project.build.outputTimestamp '" + value + "' is neither an ISO-8601 time with an offset "
                    + "(2026-01-01T00:00:00Z) nor seconds since 1970");
        }
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new InvalidValueException("project.build.outputTimestamp '" + value + "' is outside " + EARLIEST + " .. " + LATEST);
        }
        return t.truncatedTo(ChronoUnit.SECONDS);
    }
}
