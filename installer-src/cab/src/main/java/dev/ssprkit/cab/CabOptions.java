package dev.ssprkit.cab;

import java.time.Instant;
import java.util.Objects;

/**
 * Settings of {@link CabinetWriter}. Output depends only on compression, level and timestamp: the thread count changes
 * speed, never bytes.
 *
 * @param compression   MSZIP, LZX or NONE
 * @param level         effort: zlib level for MSZIP, match-finder effort for LZX
 * @param threads       workers compressing blocks (MSZIP) or folders (LZX) in parallel (1 = on the calling thread)
 * @param timestamp     written as every CFFILE's DOS date and time (UTC), so builds are reproducible
 * @param lzxWindowBits the LZX window, 2^15..2^21 bytes (used with {@link Compression#LZX} only)
 */
public record CabOptions(Compression compression, CompressionLevel level, int threads, Instant timestamp,
                         int lzxWindowBits) {
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
        dev.ssprkit.cab.lzx.LzxFormat.checkWindowBits(lzxWindowBits);
    }

    /** The CFFOLDER.typeCompress these options write. */
    public int typeCompress() {
        return compression == Compression.LZX ? compression.typeCompress() | lzxWindowBits << 8 : compression.typeCompress();
    }

    /**
     * Everything that decides the cabinet's bytes besides its entries, as text (for fingerprints of the output):
     * the thread count is left out because it never changes the bytes.
     */
    public String outputKey() {
        return compression + (compression == Compression.LZX ? ":" + lzxWindowBits : "") + "\0" + level + "\0"
                + level.deflaterLevel() + "\0" + timestamp + "\0";
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
        return new Builder().compression(compression).level(level).threads(threads).timestamp(timestamp)
                .lzxWindowBits(lzxWindowBits);
    }

    public static final class Builder {
        private Compression compression = Compression.MSZIP;
        private CompressionLevel level = CompressionLevel.MEDIUM;
        private int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
        private Instant timestamp = DOS_EPOCH;
        private int lzxWindowBits = 18;

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

        /** LZX window 2^15..2^21 bytes (default 2^18, WiX's "medium"); only used with {@link Compression#LZX}. */
        public Builder lzxWindowBits(int lzxWindowBits) {
            this.lzxWindowBits = lzxWindowBits;
            return this;
        }

        /** LZX with a window of 2^windowBits bytes (WiX writes "LZX:18" for this). */
        public Builder lzx(int windowBits) {
            return compression(Compression.LZX).lzxWindowBits(windowBits);
        }

        public CabOptions build() {
            return new CabOptions(compression, level, threads, timestamp, lzxWindowBits);
        }
    }
}
