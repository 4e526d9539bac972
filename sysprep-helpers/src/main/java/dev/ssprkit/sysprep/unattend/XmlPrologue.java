package dev.ssprkit.sysprep.unattend;

import org.w3c.dom.Document;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a DOM forgets about a file and a rewrite must restore: the byte-order mark, the XML declaration exactly as
 * written, the encoding, whether lines end in CRLF (Windows SIM writes CRLF) and whether the file ends with one.
 */
record XmlPrologue(byte[] bom, String declaration, Charset charset, boolean crlf, boolean finalNewline) {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

    static XmlPrologue of(byte[] bytes, Document dom) {
        byte[] bom = new byte[0];
        Charset charset = StandardCharsets.UTF_8;
        if (startsWith(bytes, UTF8_BOM)) {
            bom = UTF8_BOM;
        } else if (startsWith(bytes, UTF16LE_BOM)) {
            bom = UTF16LE_BOM;
            charset = StandardCharsets.UTF_16LE;
        } else if (startsWith(bytes, UTF16BE_BOM)) {
            bom = UTF16BE_BOM;
            charset = StandardCharsets.UTF_16BE;
        }
        String declared = dom.getXmlEncoding();
        if (bom.length == 0 && declared != null) {
            try {
                charset = Charset.forName(declared);
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        String text = new String(bytes, bom.length, bytes.length - bom.length, charset);
        String declaration = "";
        if (text.startsWith("<?xml")) {
            int end = text.indexOf("?>");
            if (end > 0) declaration = text.substring(0, end + 2);
        }
        return new XmlPrologue(bom, declaration, charset, text.contains("\r\n"), text.endsWith("\n"));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
