package dev.ssprkit.uipreview.layout;

/**
 * Installer units to pixels. The MSI SDK ("Installer Units") defines a unit as one twelfth of the height of the
 * 10-point MS Sans Serif font; at 96 dots per inch that font's cell is 16 pixels high, so a unit is 16/12 = 4/3 of a
 * pixel, whatever the package's DefaultUIFont (the dialog font sizes text, not the grid). Windows and Wine scale
 * each coordinate separately with {@code MulDiv(value, 16, 12)}: a 370 x 270 dialog is 493 x 360 pixels, which is
 * also the size of the WixUI dialog bitmap (493 x 312 for 234 units) that WiX documents.
 *
 * <p>Font sizes are points: {@code MulDiv(points, 96, 72)} pixels of character height (the negative LOGFONT
 * height Windows Installer creates its fonts with).
 */
public final class InstallerUnits {
    public static final int DPI = 96;
    /** Cell height of 10-point MS Sans Serif at {@link #DPI}. */
    public static final int SANS_SERIF_HEIGHT = 16;

    private InstallerUnits() {}

    /** Pixels for a length or position in installer units. */
    public static int toPixels(int units) {
        return mulDiv(units, SANS_SERIF_HEIGHT, 12);
    }

    /** Character height in pixels of a font of {@code points}. */
    public static int fontPixels(int points) {
        return mulDiv(points, DPI, 72);
    }

    /** Windows' MulDiv: {@code a * b / c} with a 64-bit product, rounded to the nearest integer (halves away from zero). */
    public static int mulDiv(int a, int b, int c) {
        if (c == 0) return -1;
        long p = (long) a * b;
        long half = Math.abs((long) c) / 2;
        long q = ((p < 0) == (c < 0)) ? (Math.abs(p) + half) / Math.abs((long) c) : -((Math.abs(p) + half) / Math.abs((long) c));
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q));
    }
}
