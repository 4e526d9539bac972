package dev.ssprkit.msi;

/**
 * Bounds for reading untrusted files: a stream, table or pool larger than these is refused before anything is
 * allocated for it.
 */
public record ReadLimits(long maxTableStream, long maxStringData, int maxTables, long maxSummaryStream) {
    public static ReadLimits defaults() {
        return new ReadLimits(256L << 20, 256L << 20, 4096, 1L << 20);
    }
}
