package dev.ssprkit.cab;

import java.util.Locale;
import java.util.Optional;

/**
 * WiX's {@code CompressionLevel} attribute ({@code Media}, {@code MediaTemplate}, {@code Package}) and what it means
 * for the cabinet. The mapping is WiX's own (dutil's {@code cabcutil.cpp}, which WiX v3 and v4+ share):
 * {@code none} stores, {@code low} is LZX with the smallest window ({@code tcompLZX_WINDOW_LO}, 2^15), {@code medium}
 * LZX:18, {@code high} LZX with the largest window ({@code tcompLZX_WINDOW_HI}, 2^21), {@code mszip} MSZIP. When a
 * source names none, WiX v3 compiles MSZIP and WiX v4 and later "medium" ({@link #defaultFor}).
 *
 * <pre>
 * CabOptions opts = WixCompressionLevel.parse("high").orElseThrow().applyTo(CabOptions.builder()).build();
 * </pre>
 */
public enum WixCompressionLevel {
    NONE("none"),
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    MSZIP("mszip");

    private final String wixName;

    WixCompressionLevel(String wixName) {
        this.wixName = wixName;
    }

    /** The attribute value as WiX spells it. */
    public String wixName() {
        return wixName;
    }

    /** The value named by a source or command line (as WiX does, case-sensitive lower case); empty when unknown. */
    public static Optional<WixCompressionLevel> parse(String value) {
        for (WixCompressionLevel l : values()) {
            if (l.wixName.equals(value)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #parse} but accepts any case (for command-line options). */
    public static Optional<WixCompressionLevel> parseIgnoringCase(String value) {
        return value == null ? Optional.empty() : parse(value.toLowerCase(Locale.ROOT));
    }

    /** The level a source gets when it names none: MSZIP for WiX v3 sources, "medium" for v4 and later. */
    public static WixCompressionLevel defaultFor(int wixMajorVersion) {
        return wixMajorVersion <= 3 ? MSZIP : MEDIUM;
    }

    /** The words the attribute accepts, for messages: "none, low, medium, high, mszip". */
    public static String accepted() {
        return String.join(", ", java.util.Arrays.stream(values()).map(WixCompressionLevel::wixName).toList());
    }

    /** The LZX window in bits, or 0 when this level is not LZX. */
    public int lzxWindowBits() {
        return switch (this) {
            case LOW -> 15;
            case MEDIUM -> 18;
            case HIGH -> 21;
            default -> 0;
        };
    }

    /**
     * Sets the compression method (and LZX window) on {@code builder}; the effort follows the level too (LZX: low
     * fast, medium normal, high best), other settings are kept.
     */
    public CabOptions.Builder applyTo(CabOptions.Builder builder) {
        return switch (this) {
            case NONE -> builder.compression(Compression.NONE);
            case MSZIP -> builder.compression(Compression.MSZIP);
            case LOW -> builder.lzx(15).level(CompressionLevel.LOW);
            case MEDIUM -> builder.lzx(18).level(CompressionLevel.MEDIUM);
            case HIGH -> builder.lzx(21).level(CompressionLevel.HIGH);
        };
    }
}
