package dev.ssprkit.cab;

import java.time.Instant;
import java.util.Objects;

/**
 * Settings of {@link CabinetWriter}. Output depends only on compression, level and timestamp: the thread count changes
 * speed, never bytes.
 *
 * @param compression MSZIP or NONE
 * @param level       MSZIP effort
 * @param threads     workers compressing blocks in parallel (1 = on the calling thread)
 * @param timestamp   written as every CFFILE's DOS date and time (UTC), so builds are reproducible
 */
public record CabOptions(Compression compression, CompressionLevel level, int threads, Instant timestamp) {
    /** 1980-01-01T00:00:00Z, the earliest DOS date. */
    public static final Instant DOS_EPOCH = Instant.parse("1980-01-01T00:00:00Z");
    static final int MAX_THREADS = 256;

    public CabOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(timestamp, "timestamp");
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
        DosDateTime.of(timestamp); // rejects instants outside 1980..2107
    }

    /**
     * MSZIP, MEDIUM, one thread per processor, timestamp 1980-01-01T00:00:00Z. MEDIUM rather than HIGH: with the
     * history carried across blocks, zlib level 9 rarely saves more than a fraction of a percent and can take much
     * longer.
     */
    public static CabOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().compression(compression).level(level).threads(threads).timestamp(timestamp);
    }

    public static final class Builder {
        private Compression compression = Compression.MSZIP;
        private CompressionLevel level = CompressionLevel.MEDIUM;
        private int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
        private Instant timestamp = DOS_EPOCH;

        private Builder() {}

        public Builder compression(Compression compression) {
            this.compression = compression;
            return this;
        }

        public Builder level(CompressionLevel level) {
            this.level = level;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public CabOptions build() {
            return new CabOptions(compression, level, threads, timestamp);
        }
    }
}
