package dev.ssprkit.uipreview.text;

import org.junit.jupiter.api.Test;

import javax.swing.text.Document;
import javax.swing.text.rtf.RTFEditorKit;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RTF to plain text. Expected values: the JDK's own RTF reader (javax.swing.text.rtf.RTFEditorKit, written
 * independently of ours) for ordinary documents, and the RTF 1.9.1 specification for what that reader does not
 * handle: {@code \'hh} bytes in the {@code \ansicpg} code page, {@code u} with its {@code uc} fallback
 * characters, and {@code {\*...}} destinations that are skipped.
 */
class RtfTextTest {
    static final String LICENCE = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss Tahoma;}}{\\colortbl;\\red0\\green0\\blue0;}\\f0\\fs16\n"
            + "{\\b Licence terms}\\par\\par\nThis package was built with the default licence text.\\par\\par\n"
            + "Publishers: set the WixUILicenseRtf variable to your licence file.\\par\n}";

    static String jdk(String rtf) throws Exception {
        RTFEditorKit kit = new RTFEditorKit();
        Document doc = kit.createDefaultDocument();
        kit.read(new StringReader(rtf), doc, 0);
        return doc.getText(0, doc.getLength());
    }

    static String words(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    @Test
    void ordinaryDocumentsReadAsTheJdkReadsThem() throws Exception {
        assertEquals(words(jdk(LICENCE)), words(RtfText.plainText(LICENCE, 1 << 20).text()));
        String table = "{\\rtf1\\ansi{\\stylesheet{\\s0 Normal;}}{\\info{\\title Secret}{\\author Nobody}}Para one\\par Para two\\line end\\par}";
        assertEquals(words(jdk(table)), words(RtfText.plainText(table, 1 << 20).text()));
    }

    @Test
    void paragraphsBecomeLines() {
        assertEquals("Licence terms\n\nThis package was built with the default licence text.\n\nPublishers: set the WixUILicenseRtf variable to your licence file.",
                RtfText.plainText(LICENCE, 1 << 20).text());
    }

    @Test
    void codePageBytesUnicodeAndSkippedDestinations() {
        // \'e9 is é in windows-1252; u8364? is the euro sign with '?' as the one fallback character (uc1)
        String rtf = "{\\rtf1\\ansi\\ansicpg1252 caf\\'e9 \\u8364?5 {\\*\\generator Riched20;}{\\*\\unknowndest hidden}x\\tab y}";
        assertEquals("café €5 x\ty", RtfText.plainText(rtf, 1 << 20).text());
        // uc2 means two fallback bytes follow each u; \'hh counts as one
        assertEquals("\u00fc!", RtfText.plainText("{\\rtf1\\uc2\\u252\\'fc\\'fc!}", 1 << 20).text());
        // escaped braces and backslashes are text
        assertEquals("{a} \\ b", RtfText.plainText("{\\rtf1 \\{a\\} \\\\ b}", 1 << 20).text());
        // a Cyrillic code page
        assertEquals("\u0414", RtfText.plainText("{\\rtf1\\ansi\\ansicpg1251 \\'c4}", 1 << 20).text());
    }

    @Test
    void textThatIsNotRtfIsShownAsItIs() {
        assertEquals("just text {with braces}", RtfText.plainText("just text {with braces}", 100).text());
    }

    @Test
    void hostileDocumentsAreBounded() {
        String deep = "{\\rtf1 " + "{".repeat(100_000) + "x" + "}".repeat(100_000) + "}";
        RtfText.Result r = RtfText.plainText(deep, 1 << 20);
        assertEquals("x", r.text());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("nested")), r.problems().toString());

        RtfText.Result cut = RtfText.plainText("{\\rtf1 " + "a".repeat(5000) + "}", 1000);
        assertTrue(cut.text().length() < 1000);
        assertFalse(cut.problems().isEmpty());

        // unclosed groups, a dangling backslash, a truncated \'h and a \bin longer than the document
        assertEquals("ab", RtfText.plainText("{\\rtf1 {{a}b\\'4", 100).text());
        assertEquals("x", RtfText.plainText("{\\rtf1 x\\bin999999 yyy}", 100).text());
        assertEquals("", RtfText.plainText("{\\rtf1\\", 100).text());
    }
}
