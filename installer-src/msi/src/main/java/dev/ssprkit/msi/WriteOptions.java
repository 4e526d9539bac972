package dev.ssprkit.msi;

import dev.ssprkit.common.InvalidValueException;
import java.time.Instant;

/**
 * How a package is written. The build time stamps the summary information when the database does not set its own
 * times; it comes from {@code SOURCE_DATE_EPOCH} when that is set, so that the same inputs give the same bytes.
 */
public record WriteOptions(Instant buildTime) {

    public static WriteOptions defaults() {
        return new WriteOptions(buildTimeFromEnvironment(System.getenv("SOURCE_DATE_EPOCH")));
    }

    public static Instant buildTimeFromEnvironment(String sourceDateEpoch) {
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidValueException("SOURCE_DATE_EPOCH must be seconds since 1970-01-01, not '" + sourceDateEpoch + "'");
            }
        }
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
