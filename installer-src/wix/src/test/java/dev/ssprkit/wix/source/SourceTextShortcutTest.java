package dev.ssprkit.wix.source;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SourceText's shortcuts give what its general paths give: ASCII bytes copied instead of decoded are the same text
 * as the UTF-8 decoder's (and a non-ASCII file still goes through the decoder), and lines found by searching for
 * {@code \n} start where the character-by-character rule (XML's: \r\n, \r and \n each break a line) says.
 */
class SourceTextShortcutTest {
    @Property(tries = 1000)
    void decodedTextIsTheWrittenText(@ForAll @Chars({'a', '<', '>', '"', '\n', '\r', '\u00e9', '\u20ac', '\t'}) @StringLength(max = 40) String written,
                                     @ForAll boolean byteOrderMark) throws Exception {
        byte[] utf8 = written.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = byteOrderMark ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8) : utf8;
        SourceText t = SourceText.decode(bytes);
        assertEquals(written, t.text());
        assertArrayEquals(SourceText.lineStartsByChar(written), lineStarts(t), written);
    }

    @Property(tries = 1000)
    void searchedLinesStartWhereTheRuleSays(@ForAll @Chars({'a', '\n', '\u00e9'}) @StringLength(max = 60) String text) {
        assertArrayEquals(SourceText.lineStartsByChar(text), SourceText.newlineStarts(text), text);
    }

    @Property(tries = 200)
    void aDeclaredLatin1FileWithHighBytesIsStillDecoded(@ForAll @Chars({'a', '\u00e9', '\u00fc'}) @StringLength(min = 1, max = 20) String body)
            throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Wix>" + body + "</Wix>";
        assertEquals(xml, SourceText.decode(xml.getBytes(StandardCharsets.ISO_8859_1)).text());
    }

    /** Each line's start offset as the text's own line lookup reports it. */
    private static int[] lineStarts(SourceText t) {
        int[] starts = new int[t.text().length() + 1];
        int count = 0;
        for (int offset = 0; offset <= t.text().length(); offset++) {
            if (t.column(offset) == 1) starts[count++] = offset;
        }
        return Arrays.copyOf(starts, count);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
