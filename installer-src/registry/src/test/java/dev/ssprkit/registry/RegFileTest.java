package dev.ssprkit.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegFileTest {
    static final RegistryKey KEY = RegistryKey.parse("HKLM\\SOFTWARE\\ssprkit\\RegFile");
    @TempDir Path dir;

    /** One value of every type, including awkward strings. */
    static RegFile sample() {
        RegFile reg = new RegFile();
        reg.set(KEY, null, RegistryValue.string("default value"));
        reg.set(KEY, "Plain", RegistryValue.string("C:\\Program Files\\\"quoted\" ü"));
        reg.set(KEY, "Name \"with\" quotes\\", RegistryValue.string(""));
        reg.set(KEY, "Lines", RegistryValue.string("line1\r\nline2"));
        reg.set(KEY, "Path", RegistryValue.expandString("%SystemRoot%\\System32\\a-rather-long-path-so-that-the-hex-wraps-over-lines.dll"));
        reg.set(KEY, "List", RegistryValue.multiString(List.of("alpha", "beta gamma", "δ")));
        reg.set(KEY, "Count", RegistryValue.dword(0xA00));
        reg.set(KEY, "Negative", RegistryValue.dword(-1));
        reg.set(KEY, "Big", RegistryValue.qword(0x0102030405060708L));
        byte[] blob = new byte[100];
        for (int i = 0; i < blob.length; i++) blob[i] = (byte) (i * 7);
        reg.set(KEY, "Blob", RegistryValue.binary(blob));
        reg.set(KEY, "Empty", RegistryValue.binary(new byte[0]));
        reg.set(KEY.child("Sub"), "x", RegistryValue.dword(1));
        return reg;
    }

    @Test
    void roundTripThroughBytes() throws Exception {
        RegFile reg = sample();
        reg.delete(KEY, "Gone");
        reg.deleteKey(RegistryKey.parse("HKLM\\SOFTWARE\\ssprkit\\Old"));
        Path file = dir.resolve("a.reg");
        reg.write(file);
        RegFile back = RegFile.read(file);
        for (RegistryKey k : List.of(KEY, KEY.child("Sub"))) assertEquals(reg.values(k), back.values(k), k.toString());
        assertEquals(Set.of(RegistryKey.parse("HKLM\\SOFTWARE\\ssprkit\\Old")), back.deletedKeys());
        assertEquals(Map.of(KEY, Set.of("Gone")), back.deletedValues());
    }

    @Test
    void writesWhatRegeditWrites() {
        RegFile reg = sample();
        byte[] bytes = reg.toBytes();
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xFE, bytes[1]);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.startsWith("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\ssprkit\\RegFile]\r\n"), text);
        assertTrue(text.contains("\r\n@=\"default value\"\r\n"));
        assertTrue(text.contains("\"Plain\"=\"C:\\\\Program Files\\\\\\\"quoted\\\" ü\"\r\n"));
        assertTrue(text.contains("\"Name \\\"with\\\" quotes\\\\\"=\"\"\r\n"));
        assertTrue(text.contains("\"Count\"=dword:00000a00\r\n"));
        assertTrue(text.contains("\"Negative\"=dword:ffffffff\r\n"));
        assertTrue(text.contains("\"Big\"=hex(b):08,07,06,05,04,03,02,01\r\n"));
        assertTrue(text.contains("\"Lines\"=hex(1):6c,00,69,00"), "CR/LF strings as hex(1)");
        assertTrue(text.contains("\"Empty\"=hex:\r\n"));
        assertTrue(text.contains("\"Path\"=hex(2):25,00,53,00"), text);
        for (String line : text.split("\r\n")) {
            assertTrue(line.length() <= 80, "line longer than 80: " + line);
            if (line.startsWith("  ")) assertTrue(line.matches("  ([0-9a-f]{2},)*[0-9a-f]{2},?\\\\?"), line);
        }
        assertTrue(text.contains(",\\\r\n  "), "continuation lines");
        assertTrue(text.endsWith("\r\n\r\n"));
    }

    @Test
    void readsRegedit4Ansi() throws Exception {
        String text = "REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software\\Test]\r\n\"Name\"=\"caf\u00e9\"\r\n"
                + "\"Exp\"=hex(2):25,53,79,73,74,65,6d,52,6f,6f,74,25,00\r\n"
                + "\"Multi\"=hex(7):61,00,62,\\\r\n  63,00,00\r\n\"D\"=dword:00000001\r\n; comment\r\n";
        RegFile reg = RegFile.parse(text.getBytes(Charset.forName("windows-1252")));
        RegistryKey k = RegistryKey.parse("HKCU\\Software\\Test");
        assertEquals(RegistryValue.string("café"), reg.get(k, "name").orElseThrow());
        assertEquals(RegistryValue.expandString("%SystemRoot%"), reg.get(k, "Exp").orElseThrow());
        assertEquals(RegistryValue.multiString(List.of("a", "bc")), reg.get(k, "Multi").orElseThrow());
        assertEquals(RegistryValue.dword(1), reg.get(k, "D").orElseThrow());
    }

    @Test
    void badFilesNameTheLine() {
        RegFileException e = assertThrows(RegFileException.class,
                () -> RegFile.parse("Windows Registry Editor Version 5.00\r\n\r\n[HKLM\\A]\r\n\"x\"=dword:xyz\r\n"));
        assertEquals(4, e.line());
        assertEquals(1, assertThrows(RegFileException.class, () -> RegFile.parse("hello\r\n")).line());
        assertEquals(3, assertThrows(RegFileException.class,
                () -> RegFile.parse("REGEDIT4\r\n\r\n\"x\"=\"no key\"\r\n")).line());
        assertEquals(3, assertThrows(RegFileException.class,
                () -> RegFile.parse("REGEDIT4\r\n\r\n[HKXX\\A]\r\n")).line());
        assertEquals(4, assertThrows(RegFileException.class,
                () -> RegFile.parse("REGEDIT4\r\n\r\n[HKLM\\A]\r\n\"x\"=hex(5):00,00,00,01\r\n")).line());
    }

    @Test
    void aKeyCanBeResetByDeletingAndSettingIt() throws Exception {
        RegFile reg = new RegFile();
        reg.deleteKey(KEY);
        reg.set(KEY, "v", RegistryValue.dword(2));
        String text = reg.format();
        assertTrue(text.indexOf("[-HKEY_LOCAL_MACHINE") < text.indexOf("[HKEY_LOCAL_MACHINE"), text);
        RegFile back = RegFile.parse(reg.toBytes());
        assertEquals(RegistryValue.dword(2), back.get(KEY, "v").orElseThrow());
        assertArrayEquals(reg.toBytes(), back.toBytes());
    }
}
