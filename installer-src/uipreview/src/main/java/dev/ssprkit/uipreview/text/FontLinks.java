package dev.ssprkit.uipreview.text;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.TextAttribute;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Font linking, the way Windows draws text its face has no glyphs for: Tahoma has no Japanese, so Windows takes the
 * characters from the faces linked to it (FontLink\SystemLink: MS UI Gothic and others). Here a string the font
 * cannot show is drawn and measured with an installed family that can (the first in the system's family list that
 * shows the first missing character, and the whole string when one does), at the same size and style. Without
 * such a family the font is kept (and the missing glyphs show as boxes, as on a machine without the fonts).
 */
public final class FontLinks {
    private static final Map<Integer, String> FAMILY_FOR_CHAR = new ConcurrentHashMap<>();
    private static final String NONE = "";
    private static volatile String[] families;

    private FontLinks() {}

    /** {@code font} when it shows every character of {@code s}, else the same font in a family that does. */
    public static Font forText(Font font, String s) {
        int missing = font.canDisplayUpTo(s);
        if (missing < 0) return font;
        int cp = s.codePointAt(missing);
        String family = FAMILY_FOR_CHAR.computeIfAbsent(cp, FontLinks::familyShowing);
        if (family.isEmpty()) return font;
        Map<TextAttribute, Object> attributes = new HashMap<>(font.getAttributes());
        attributes.put(TextAttribute.FAMILY, family);
        return Font.getFont(attributes);
    }

    private static String familyShowing(int codePoint) {
        String[] all = families;
        if (all == null) all = families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        for (String f : all) {
            if (new Font(f, Font.PLAIN, 12).canDisplay(codePoint)) return f;
        }
        return NONE;
    }
}
