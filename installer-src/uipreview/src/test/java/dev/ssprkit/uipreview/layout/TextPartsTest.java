package dev.ssprkit.uipreview.layout;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The pieces of a control's text. Expected values: the SDK's Text control ("prefix the string with {\style} or
 * {&amp;style}"), its Formatted type ([Property] is the property's value, [\x] the character x), and the Windows access-key
 * convention the installer follows (&amp;x underlines x, &amp;&amp; shows one ampersand; Rob Mensching's "How to escape the
 * ampersand in WiX and MSI UI").
 */
class TextPartsTest {
    @Test
    void stylePrefixesAreTakenOffTheText() {
        assertEquals(new StyledText("WixUI_Font_Title", "Welcome"), StyledText.parse("{\\WixUI_Font_Title}Welcome"));
        assertEquals(new StyledText("Bold", "Go"), StyledText.parse("{&Bold}Go"));
        assertEquals(new StyledText(null, "plain"), StyledText.parse("plain"));
        assertEquals(new StyledText(null, "{\\rtf1 x}"), StyledText.parse("{\\rtf1 x}"));
        assertEquals(new StyledText(null, "{not closed"), StyledText.parse("{not closed"));
        assertEquals(new StyledText(null, ""), StyledText.parse(null));
    }

    @Test
    void propertiesAreFilledInAndUnknownOnesStayAsWritten() {
        Map<String, String> p = Map.of("ProductName", "Contoso", "Empty", "");
        assertEquals("Contoso Setup", FormattedText.format("[ProductName] Setup", p::get, 1000));
        assertEquals("[Unknown] and [#file] and [$comp]", FormattedText.format("[Unknown] and [#file] and [$comp]", p::get, 1000));
        assertEquals("a [ b", FormattedText.format("a [\\[] b", p::get, 1000));
        assertEquals("x", FormattedText.format("x[Empty]", p::get, 1000));
        assertEquals("[[ProductName]", FormattedText.format("[[ProductName]", p::get, 1000));
        assertEquals("unclosed [ProductName", FormattedText.format("unclosed [ProductName", p::get, 1000));
        assertEquals("Cont\u2026", FormattedText.format("[ProductName] Setup", p::get, 5));
        assertNull(FormattedText.format(null, p::get, 10));
    }

    @Test
    void ampersandsMarkTheAccessKey() {
        assertEquals(new Mnemonic("Next", 0), Mnemonic.parse("&Next", true));
        assertEquals(new Mnemonic("Back", 0), Mnemonic.parse("&Back", true));
        assertEquals(new Mnemonic("I accept", 2), Mnemonic.parse("I &accept", true));
        assertEquals(new Mnemonic("Stuff & Stuff", -1), Mnemonic.parse("Stuff && Stuff", true));
        assertEquals(new Mnemonic("&Print", -1), Mnemonic.parse("&Print", false));
        assertEquals(new Mnemonic("x", -1), Mnemonic.parse("x&", true));
        assertEquals(new Mnemonic("ab", 0), Mnemonic.parse("&a&b", true)); // the first one is the key
    }
}
