package dev.ssprkit.registry;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryRegistryTest {
    static final RegistryKey KEY = RegistryKey.parse("HKLM\\SOFTWARE\\Vendor\\Product");

    @Test
    void setGetDeleteIgnoreCase() {
        InMemoryRegistry reg = new InMemoryRegistry();
        reg.set(KEY, "EnableLogging", RegistryValue.dword(1));
        assertEquals(Optional.of(RegistryValue.dword(1)), reg.get(RegistryKey.parse("hkey_local_machine\\software\\VENDOR\\product"), "enablelogging"));
        reg.set(KEY, "ENABLELOGGING", RegistryValue.dword(0));
        assertEquals(Map.of("EnableLogging", RegistryValue.dword(0)), reg.values(KEY), "first spelling kept");
        assertTrue(reg.delete(KEY, "enableLogging"));
        assertFalse(reg.delete(KEY, "enableLogging"));
        assertTrue(reg.keyExists(KEY), "the key stays");
    }

    @Test
    void parentsAreCreatedAndDeleteKeyIsRecursive() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        reg.set(KEY.child("Sub"), null, RegistryValue.string("default"));
        assertTrue(reg.keyExists(RegistryKey.parse("HKLM\\SOFTWARE\\Vendor")));
        assertEquals(List.of("Product"), reg.subKeys(RegistryKey.parse("HKLM\\SOFTWARE\\Vendor")));
        assertEquals(Optional.of("default"), reg.string(KEY.child("Sub"), ""));
        assertTrue(reg.deleteKey(KEY));
        assertFalse(reg.keyExists(KEY.child("Sub")));
        assertTrue(reg.keyExists(RegistryKey.parse("HKLM\\SOFTWARE\\Vendor")));
    }

    @Test
    void everyTypeKeepsItsData() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        reg.set(KEY, "sz", RegistryValue.string("text"));
        reg.set(KEY, "expand", RegistryValue.expandString("%SystemRoot%"));
        reg.set(KEY, "multi", RegistryValue.multiString(List.of("a", "b")));
        reg.set(KEY, "dword", RegistryValue.dword(0xFFFFFFFF));
        reg.set(KEY, "qword", RegistryValue.qword(0x1122334455667788L));
        reg.set(KEY, "bin", RegistryValue.binary(new byte[] {1, (byte) 0xAB}));
        assertEquals(4294967295L, reg.get(KEY, "dword").orElseThrow().asLong());
        assertEquals("0x1122334455667788", reg.get(KEY, "qword").orElseThrow().display());
        assertEquals("01AB", reg.get(KEY, "bin").orElseThrow().display());
        assertEquals("a\\0b", reg.get(KEY, "multi").orElseThrow().display());
        assertEquals(Optional.empty(), reg.dword(KEY, "sz"), "typed accessors filter by type");
        assertThrows(IllegalArgumentException.class, () -> RegistryValue.multiString(List.of("a", "")));
    }

    @Test
    void the32BitViewIsRedirectedToWow6432Node() throws Exception {
        InMemoryRegistry reg = new InMemoryRegistry();
        reg.view(RegistryView.BITS_32).set(RegistryKey.parse("HKLM\\SOFTWARE\\Microsoft\\X"), "v", RegistryValue.dword(1));
        assertEquals(Optional.of(1), reg.dword(RegistryKey.parse("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\X"), "v"));
        assertFalse(reg.keyExists(RegistryKey.parse("HKLM\\SOFTWARE\\Microsoft\\X")));
        assertEquals(Optional.of(1), reg.view(RegistryView.BITS_32).dword(RegistryKey.parse("HKLM\\SOFTWARE\\Microsoft\\X"), "v"));
        assertEquals(RegistryKey.parse("HKLM\\SYSTEM\\X"), InMemoryRegistry.wow64(RegistryKey.parse("HKLM\\SYSTEM\\X")), "only SOFTWARE is redirected");
    }

    @Test
    void keysParseShortAndLongHiveNames() {
        assertEquals(RegistryKey.parse("HKEY_CURRENT_USER\\A\\B"), RegistryKey.parse("hkcu\\a\\b\\"));
        assertEquals("HKEY_LOCAL_MACHINE\\SOFTWARE", RegistryKey.parse("HKLM\\SOFTWARE").longName());
        assertThrows(IllegalArgumentException.class, () -> RegistryKey.parse("HKXX\\A"));
    }
}
