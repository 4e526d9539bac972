package dev.ssprkit.uipreview.layout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Installer units to pixels. Expected values: the MSI SDK ("Installer Units": 1/12 of the height of 10-point MS
 * Sans Serif, 16 pixels at 96 DPI), WiX's documented WixUI bitmap size (493 x 312 pixels for the 370 x 234-unit
 * Bitmap control of its dialogs), Wine 8's msiexec showing a 370 x 270 dialog as a 493 x 360 window (measured with
 * xdotool on a virtual display, see the side-by-side test in the wix module), and the Win32 MulDiv documentation's
 * rounding (to nearest, a positive half up, a negative half down).
 */
class InstallerUnitsTest {
    @Test
    void theWixUiGridIs493PixelsWide() {
        assertEquals(493, InstallerUnits.toPixels(370));
        assertEquals(312, InstallerUnits.toPixels(234));
        assertEquals(360, InstallerUnits.toPixels(270));
    }

    @Test
    void twelveUnitsAreTheSansSerifHeight() {
        assertEquals(16, InstallerUnits.toPixels(12));
        assertEquals(0, InstallerUnits.toPixels(0));
        assertEquals(1, InstallerUnits.toPixels(1)); // 1.33 rounds to 1
        assertEquals(3, InstallerUnits.toPixels(2)); // 2.67 rounds to 3
    }

    @Test
    void mulDivRoundsHalvesAwayFromZero() {
        assertEquals(8, InstallerUnits.mulDiv(5, 3, 2));   // 7.5
        assertEquals(-8, InstallerUnits.mulDiv(-5, 3, 2)); // -7.5
        assertEquals(-1, InstallerUnits.mulDiv(1, 1, 0));  // MulDiv's overflow/zero result
        assertEquals(Integer.MAX_VALUE, InstallerUnits.mulDiv(Integer.MAX_VALUE, 4, 2)); // clamped, no wrap-around
    }

    @Test
    void fontPointsBecomeCharacterHeightsAt96Dpi() {
        // lfHeight = -MulDiv(points, LOGPIXELSY, 72) for the TextStyle sizes WiX's dialogs use
        assertEquals(11, InstallerUnits.fontPixels(8));
        assertEquals(12, InstallerUnits.fontPixels(9));
        assertEquals(16, InstallerUnits.fontPixels(12));
    }
}
