package dev.ssprkit.uipreview.text;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wrapping as DrawText's DT_WORDBREAK does it (the SDK's Text control is drawn with it): Latin text breaks at spaces
 * only, and a word wider than the line stays whole; text of double-byte characters (Japanese has no spaces between
 * words) breaks between any two of them. Font linking: a string the face cannot show is measured in a face that can.
 */
class TextMeasureTest {
    static final Font SANS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    @Test
    void japaneseTextWithoutSpacesBreaksBetweenCharacters() {
        String text = "選んだ機能が各ドライブで必要とする領域です。強調表示されたドライブは空きが足りません。";
        TextBlock block = TextMeasure.layout(SANS, text, 120, true);
        assertTrue(block.lines().size() > 2, () -> "not wrapped: " + block.lines());
        assertEquals(text, String.join("", block.lines()), "characters lost or added");
        for (String line : block.lines()) assertTrue(TextMeasure.width(SANS, line) <= 120, line);
        assertFalse(block.tooWide());
    }

    @Test
    void latinTextBreaksAtSpacesOnlyAndALongWordStaysWhole() {
        TextBlock block = TextMeasure.layout(SANS, "Choose the parts Antidisestablishmentarianism", 80, true);
        assertTrue(block.lines().contains("Antidisestablishmentarianism"), () -> block.lines().toString());
        assertTrue(block.tooWide(), "a word wider than the line does not fit");
        assertEquals(List.of("ab", "cd"), TextMeasure.layout(SANS, "ab cd", TextMeasure.width(SANS, "ab c"), true).lines());
    }

    @Test
    void aFaceWithoutJapaneseIsLinkedToOneWithIt() {
        boolean japanese = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()).anyMatch(f -> f.canDisplay('機'));
        Tool.requireThat(japanese, "a font with Japanese glyphs (Debian: fonts-sawarabi-gothic)");
        Font latinOnly = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
                .filter(f -> f.canDisplay('A') && !f.canDisplay('機')).findFirst().orElseThrow().deriveFont(11f);
        Font linked = FontLinks.forText(latinOnly, "機能の選択");
        assertEquals(-1, linked.canDisplayUpTo("機能の選択"), linked.getFamily());
        assertEquals(latinOnly.getSize2D(), linked.getSize2D());
        assertEquals(latinOnly, FontLinks.forText(latinOnly, "Choose parts"), "a string the face shows keeps the face");
    }
}
