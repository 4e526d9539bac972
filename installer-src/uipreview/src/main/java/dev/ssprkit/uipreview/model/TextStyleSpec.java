package dev.ssprkit.uipreview.model;

/**
 * A TextStyle row (SDK "TextStyle Table").
 *
 * @param size  in points
 * @param color 0x00BBGGRR, or null for the default colour; only Text controls use it
 * @param bits  bold 1, italic 2, underline 4, strike-out 8
 */
public record TextStyleSpec(String name, String faceName, int size, Integer color, int bits) {
    public boolean bold() {
        return (bits & 1) != 0;
    }

    public boolean italic() {
        return (bits & 2) != 0;
    }

    public boolean underline() {
        return (bits & 4) != 0;
    }

    public boolean strikeOut() {
        return (bits & 8) != 0;
    }
}
