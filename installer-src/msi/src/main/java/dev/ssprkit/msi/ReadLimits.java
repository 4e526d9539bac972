package dev.ssprkit.msi;

/**
 * Bounds for reading untrusted files: a stream, table or pool larger than these is refused before anything is
 * allocated for it.
 *
 * @param maxTableStream   bytes of one table stream
 * @param maxStringData    bytes of {@code _StringData}
 * @param maxTables        rows of {@code _Tables}
 * @param maxSummaryStream bytes of the summary information stream
 * @param maxRows          rows of one table (each row costs far more in memory than its bytes on disk)
 * @param maxStrings       string ids in {@code _StringPool} (4 bytes each on disk)
 */
public record ReadLimits(long maxTableStream, long maxStringData, int maxTables, long maxSummaryStream, int maxRows, int maxStrings) {
    public static final int DEFAULT_MAX_ROWS = 1 << 20;
    public static final int DEFAULT_MAX_STRINGS = 1 << 22;

    public ReadLimits {
        if (maxTableStream < 0 || maxStringData < 0 || maxTables < 0 || maxSummaryStream < 0 || maxRows < 0 || maxStrings < 0) {
            throw new IllegalArgumentException("read limits cannot be negative");
        }
    }

    /** The first four limits, with the default row and string counts. */
    public ReadLimits(long maxTableStream, long maxStringData, int maxTables, long maxSummaryStream) {
        this(maxTableStream, maxStringData, maxTables, maxSummaryStream, DEFAULT_MAX_ROWS, DEFAULT_MAX_STRINGS);
    }

    public static ReadLimits defaults() {
        return new ReadLimits(256L << 20, 256L << 20, 4096, 1L << 20);
    }

    /** Bytes of {@code _StringPool} that {@link #maxStrings} allows (header, plus up to two slots per string). */
    public long maxStringPool() {
        return 4L + 8L * maxStrings;
    }
}
