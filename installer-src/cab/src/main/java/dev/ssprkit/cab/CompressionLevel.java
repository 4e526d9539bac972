package dev.ssprkit.cab;

/**
 * The effort spent compressing. Ignored for {@link Compression#NONE}. For LZX it sets the match finder's effort
 * ({@link #lzxEffort()}); WiX's {@code CompressionLevel} attribute is a different thing (it picks the method and
 * the LZX window) and is parsed by {@link WixCompressionLevel}.
 *
 * <p>NONE still writes valid MSZIP, as stored deflate blocks (useful when the payload is already compressed and the
 * consumer insists on MSZIP). The others map to {@link java.util.zip.Deflater} levels 1, 4 and 9. MEDIUM is 4, not
 * zlib's default 6: on the bench payload (bench/run.sh) 4 takes about 10% less CPU for a cabinet 0.6% larger (5 and
 * 6 gave the same bytes there), while 3 and below (fast matching) are 3-4% larger.
 */
public enum CompressionLevel {
    NONE(0),
    LOW(1),
    MEDIUM(4),
    HIGH(9);

    private final int deflaterLevel;

    CompressionLevel(int deflaterLevel) {
        this.deflaterLevel = deflaterLevel;
    }

    /** The LZX match finder's effort for this setting (NONE and LOW: fast, MEDIUM: normal, HIGH: best). */
    public dev.ssprkit.cab.lzx.LzxEffort lzxEffort() {
        return switch (this) {
            case NONE, LOW -> dev.ssprkit.cab.lzx.LzxEffort.FAST;
            case MEDIUM -> dev.ssprkit.cab.lzx.LzxEffort.NORMAL;
            case HIGH -> dev.ssprkit.cab.lzx.LzxEffort.BEST;
        };
    }

    /** The {@link java.util.zip.Deflater} level used for this setting (0 means: store). */
    public int deflaterLevel() {
        return deflaterLevel;
    }
}
