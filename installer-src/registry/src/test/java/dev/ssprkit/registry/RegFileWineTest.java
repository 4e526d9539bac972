package dev.ssprkit.registry;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every .reg file we write imports with {@code wine regedit /S}; files {@code wine regedit /E} exports read back. */
@Tag("interop")
class RegFileWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;



    private static void importFile(RegFile reg, String name) throws Exception {
        Path file = dir.resolve(name);
        reg.write(file);
        wine.wine("regedit", "/S", file.toString()).assertOk();
    }

    @Test
    void importedValuesAreExactlyTheIntendedOnes() throws Exception {
        importFile(RegFileTest.sample(), "sample.reg");
        String k = RegFileTest.KEY.toString();
        assertEquals("default value", wine.regValue(k, null));
        // reg query prints in the console codepage, so non-ASCII characters are checked through the export below
        assertTrue(wine.regValue(k, "Plain").startsWith("C:\\Program Files\\\"quoted\" "), wine.regValue(k, "Plain"));
        assertEquals("REG_SZ", wine.regType(k, "Plain"));
        assertEquals("REG_SZ", wine.regType(k, "Name \"with\" quotes\\"));
        assertEquals("%SystemRoot%\\System32\\a-rather-long-path-so-that-the-hex-wraps-over-lines.dll", wine.regValue(k, "Path"));
        assertEquals("REG_EXPAND_SZ", wine.regType(k, "Path"));
        assertTrue(wine.regValue(k, "List").startsWith("alpha\\0beta gamma\\0"), wine.regValue(k, "List"));
        assertEquals("REG_MULTI_SZ", wine.regType(k, "List"));
        assertEquals("0xa00", wine.regValue(k, "Count"));
        assertEquals("REG_DWORD", wine.regType(k, "Count"));
        assertEquals("0xffffffff", wine.regValue(k, "Negative"));
        // Wine 8's reg query prints "(null)" for REG_QWORD data; the value is checked through the export below
        assertEquals("REG_QWORD", wine.regType(k, "Big"));
        assertEquals(RegistryValue.binary(RegFileTest.sample().get(RegFileTest.KEY, "Blob").orElseThrow().asBytes()).display(), wine.regValue(k, "Blob"));
        assertEquals("REG_BINARY", wine.regType(k, "Blob"));
        assertEquals("0x1", wine.regValue(k + "\\Sub", "x"));

        // the export of that key reads back into the same model
        Path exported = dir.resolve("export.reg");
        wine.wine("regedit", "/E", exported.toString(), RegFileTest.KEY.longName()).assertOk();
        RegFile back = RegFile.read(exported);
        RegFile sample = RegFileTest.sample();
        for (RegistryKey key : List.of(RegFileTest.KEY, RegFileTest.KEY.child("Sub"))) {
            assertEquals(sample.values(key), back.values(key), key.toString());
        }
    }

    @Test
    void deletionsApply() throws Exception {
        RegistryKey key = RegistryKey.parse("HKLM\\SOFTWARE\\ssprkit\\Deletions");
        RegFile first = new RegFile();
        first.set(key, "Keep", RegistryValue.dword(1));
        first.set(key, "Drop", RegistryValue.string("x"));
        first.set(key.child("Child"), "c", RegistryValue.dword(3));
        importFile(first, "first.reg");
        assertEquals("x", wine.regValue(key.toString(), "Drop"));

        RegFile second = new RegFile();
        second.delete(key, "Drop");
        second.deleteKey(key.child("Child"));
        importFile(second, "second.reg");
        assertNull(wine.regValue(key.toString(), "Drop"));
        assertEquals("0x1", wine.regValue(key.toString(), "Keep"));
        assertFalse(wine.regKeyExists(key.child("Child").toString()));
    }

    @Test
    void exportOfAWineCreatedKeyReadsBack() throws Exception {
        String k = "HKLM\\SOFTWARE\\ssprkit\\FromReg";
        wine.wine("reg", "add", k, "/v", "S", "/t", "REG_SZ", "/d", "hello world", "/f").assertOk();
        wine.wine("reg", "add", k, "/v", "E", "/t", "REG_EXPAND_SZ", "/d", "%TEMP%\\x", "/f").assertOk();
        wine.wine("reg", "add", k, "/v", "M", "/t", "REG_MULTI_SZ", "/d", "one\\0two", "/f").assertOk();
        wine.wine("reg", "add", k, "/v", "D", "/t", "REG_DWORD", "/d", "42", "/f").assertOk();
        wine.wine("reg", "add", k, "/v", "Q", "/t", "REG_QWORD", "/d", "0x100000000", "/f").assertOk();
        wine.wine("reg", "add", k, "/v", "B", "/t", "REG_BINARY", "/d", "00ff10", "/f").assertOk();
        Path exported = dir.resolve("fromreg.reg");
        Tool.Result r = wine.wine("regedit", "/E", exported.toString(), "HKEY_LOCAL_MACHINE\\SOFTWARE\\ssprkit\\FromReg");
        r.assertOk();
        Map<String, RegistryValue> values = RegFile.read(exported).values(RegistryKey.parse(k));
        assertEquals(RegistryValue.string("hello world"), values.get("S"));
        assertEquals(RegistryValue.expandString("%TEMP%\\x"), values.get("E"));
        assertEquals(RegistryValue.multiString(List.of("one", "two")), values.get("M"));
        assertEquals(RegistryValue.dword(42), values.get("D"));
        assertEquals(RegistryValue.qword(0x100000000L), values.get("Q"));
        assertEquals(RegistryValue.binary(new byte[] {0, (byte) 0xFF, 0x10}), values.get("B"));
        assertTrue(values.size() == 6, values.toString());
    }
}
