package dev.ssprkit.uipreview.text;

import java.awt.Color;
import java.awt.Font;

/**
 * A text style turned into a Java2D font of the right pixel size.
 *
 * @param styleName   the TextStyle row, or null for the installer's fallback (no DefaultUIFont)
 * @param requested   the face the package asks for
 * @param family      the family actually used
 * @param substituted true when {@code family} stands in for a face that is not installed here
 * @param color       the style's colour, or null for the default text colour
 */
public record ResolvedFont(String styleName, String requested, String family, boolean substituted, Font font, Color color) {
    /** Character height in pixels (the LOGFONT height Windows Installer asks for). */
    public int pixelSize() {
        return font.getSize();
    }
}
