package dev.ssprkit.cab;

/**
 * The effort spent on MSZIP blocks. Ignored for {@link Compression#NONE}.
 *
 * <p>NONE still writes valid MSZIP, as stored deflate blocks (useful when the payload is already compressed and the
 * consumer insists on MSZIP). The others map to {@link java.util.zip.Deflater} levels 1, 6 and 9.
 */
public enum CompressionLevel {
    NONE(0),
    LOW(1),
    MEDIUM(6),
    HIGH(9);

    private final int deflaterLevel;

    CompressionLevel(int deflaterLevel) {
        this.deflaterLevel = deflaterLevel;
    }

    /** The {@link java.util.zip.Deflater} level used for this setting (0 means: store). */
    public int deflaterLevel() {
        return deflaterLevel;
    }
}
