package dev.ssprkit.kit.transform;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.Platform;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.transform.TransformOptions;
import dev.ssprkit.msi.transform.TransformReader;
import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The rows a settings transform adds, by the MSI SDK's rules (Component, Registry, RemoveRegistry,
 * FeatureComponents and InstallExecuteSequence table references), and the refusals for what the Registry table
 * cannot say. Installing is judged in {@link SettingsTransformWineTest}.
 */
class RegistryInjectionTest {
    static final String UPGRADE = "{7E8F9A0B-1C2D-4E3F-8A4B-5C6D7E8F9A0B}";
    @TempDir Path dir;

    Path builderPackage(Platform platform, boolean writesEnableLogging) throws Exception {
        return VendorPackages.builderPackage(dir, platform, writesEnableLogging);
    }

    static RegistrySettings settings(String name, boolean permanent, String regText) throws Exception {
        return new RegistrySettings(name, name + ".reg", permanent, RegFile.parse(regText));
    }

    static final String REG = """
            Windows Registry Editor Version 5.00

            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme]
            "A"=dword:00000001
            "B"="text"

            [HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Acme]
            "A"=dword:00000001

            [HKEY_CURRENT_USER\\Software\\Acme]
            "U"="user"
            "Gone"=-
            """;

    @Test
    void aPackageWithoutARegistryTableGetsTheTableTheComponentsAndTheActions() throws Exception {
        Path msi = builderPackage(Platform.X64, false);
        try (Database db = MsiReader.read(msi)) {
            assertNull(db.tableOrNull("Registry"), "precondition: the base has no Registry table");
            assertNull(db.table("InstallExecuteSequence").find("WriteRegistryValues"));
        }
        Path mst = dir.resolve("x.mst");
        RegistryInjection.Result r = SettingsTransform.write(msi, Map.of(), List.of(settings("Acme", true, REG)), mst, TransformOptions.defaults());

        try (Database db = MsiReader.read(msi)) {
            TransformReader.Result applied = TransformReader.apply(db, mst);
            assertTrue(applied.tablesAdded().containsAll(List.of("Registry", "RemoveRegistry")), applied.tablesAdded().toString());
            // one component per hive and view: HKLM 64-bit, HKLM 32-bit (from Wow6432Node), HKCU 64-bit
            Map<String, Integer> attributes = new java.util.TreeMap<>();
            for (RegistryInjection.AddedComponent c : r.components()) attributes.put(c.component(), c.attributes());
            // MSI SDK Component table: 0x4 registry key path, 0x10 permanent, 0x100 64-bit
            assertEquals(Map.of("ssprkitAcmeHKCU", 0x4 | 0x10 | 0x100, "ssprkitAcmeHKLM", 0x4 | 0x10 | 0x100, "ssprkitAcmeHKLM32", 0x4 | 0x10), attributes);
            for (RegistryInjection.AddedComponent c : r.components()) {
                Row comp = db.table("Component").find(c.component());
                assertEquals("TARGETDIR", comp.string("Directory_"));
                Row keyPath = db.table("Registry").find(comp.string("KeyPath"));
                assertEquals(c.component(), keyPath.string("Component_"), "the key path is one of the component's own values");
                assertNotNull(db.table("FeatureComponents").find("Top", c.component()));
            }
            Row wow = rowFor(db, "ssprkitAcmeHKLM32", "A");
            assertEquals("SOFTWARE\\Acme", wow.string("Key"), "Windows Installer redirects a 32-bit component's SOFTWARE\\ to Wow6432Node");
            assertEquals(2, wow.integer("Root"));
            assertEquals("#1", wow.string("Value"));
            assertEquals(1, rowFor(db, "ssprkitAcmeHKCU", "U").integer("Root"));
            Row gone = db.table("RemoveRegistry").rows().get(0);
            assertEquals(List.of(1, "Software\\Acme", "Gone", "ssprkitAcmeHKCU"), List.of(gone.get(1), gone.get(2), gone.get(3), gone.get(4)));
            // standard sequence numbers from the MSI SDK's suggested InstallExecuteSequence
            assertEquals(2600, db.table("InstallExecuteSequence").find("RemoveRegistryValues").integer("Sequence"));
            assertEquals(5000, db.table("InstallExecuteSequence").find("WriteRegistryValues").integer("Sequence"));
        }
        assertEquals(List.of("RemoveRegistryValues", "WriteRegistryValues"), r.actionsAdded());
    }

    private static Row rowFor(Database db, String component, String name) {
        return db.table("Registry").rows().stream().filter(x -> component.equals(x.get("Component_")) && name.equals(x.get("Name")))
                .findFirst().orElseThrow(() -> new AssertionError(component + " has no value " + name));
    }

    @Test
    void componentGuidsFollowTheirRule() throws Exception {
        Path msi = builderPackage(Platform.X64, false);
        RegistryInjection.Result a = SettingsTransform.write(msi, Map.of(), List.of(settings("Acme", false, REG)), dir.resolve("a.mst"), TransformOptions.defaults());
        RegistryInjection.Result b = SettingsTransform.write(msi, Map.of(), List.of(settings("Acme", false, REG)), dir.resolve("b.mst"), TransformOptions.defaults());
        assertEquals(a.components(), b.components(), "the same package and settings give the same components and GUIDs");
        Set<String> guids = new TreeSet<>();
        for (RegistryInjection.AddedComponent c : a.components()) {
            // name-based, SHA-1 (version 5 layout: version nibble 5, RFC 4122 variant), upper case and braced as MSI wants
            assertTrue(c.guid().matches("\\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}}"), c.guid());
            guids.add(c.guid());
        }
        assertEquals(3, guids.size(), "one GUID per component");
        RegistryInjection.Result permanent = SettingsTransform.write(msi, Map.of(), List.of(settings("Acme", true, REG)),
                dir.resolve("p.mst"), TransformOptions.defaults());
        RegistryInjection.Result changed = SettingsTransform.write(msi, Map.of(),
                List.of(settings("Acme", false, REG.replace("\"B\"=\"text\"", "\"C\"=\"text\""))), dir.resolve("c.mst"), TransformOptions.defaults());
        assertNotEquals(guid(a, "ssprkitAcmeHKLM"), guid(permanent, "ssprkitAcmeHKLM"), "permanence is part of the identity");
        assertNotEquals(guid(a, "ssprkitAcmeHKLM"), guid(changed, "ssprkitAcmeHKLM"), "a different set of values is a different component");
        assertEquals(guid(a, "ssprkitAcmeHKCU"), guid(changed, "ssprkitAcmeHKCU"), "the untouched HKCU component keeps its GUID");
        assertNotEquals(guid(a, "ssprkitAcmeHKCU"),
                RegistryInjection.componentGuid("{00000000-0000-0000-0000-000000000001}", "ssprkitAcmeHKCU", false, List.of("x")));
    }

    private static String guid(RegistryInjection.Result r, String component) {
        return r.components().stream().filter(c -> c.component().equals(component)).findFirst().orElseThrow().guid();
    }

    @Test
    void aValueThePackageAlreadyWritesIsLeftToIt() throws Exception {
        Path msi = builderPackage(Platform.X64, true);
        RegFile on = new RegFile();
        on.set(SsprKeys.CREDENTIAL_PROVIDER, "EnableLogging", RegistryValue.dword(1));
        RegistryInjection.Result r = SettingsTransform.write(msi, Map.of("ENABLELOGGING", "1"),
                List.of(new RegistrySettings("Logging", "logging-on.reg", false, on)), dir.resolve("l.mst"), TransformOptions.defaults());
        assertEquals(List.of(), r.components());
        assertEquals(1, r.leftToPackage().size());
        assertTrue(r.leftToPackage().get(0).contains("already written by the package's component Main"), r.leftToPackage().toString());
        try (Database db = MsiReader.read(msi)) {
            TransformReader.apply(db, dir.resolve("l.mst"));
            assertEquals("1", db.table("Property").find("ENABLELOGGING").string("Value"), "the property still reaches the package");
        }
    }

    @Test
    void aThirtyTwoBitPackageWritesTheThirtyTwoBitViewOnly() throws Exception {
        Path msi = builderPackage(Platform.X86, false);
        MsiException e = assertThrows(MsiException.class, () -> SettingsTransform.write(msi, Map.of(), List.of(settings("Acme", false, REG)),
                dir.resolve("x.mst"), TransformOptions.defaults()));
        assertTrue(e.getMessage().contains("Acme.reg:8") && e.getMessage().contains("first at Acme.reg:4"), e.getMessage());
        RegistryInjection.Result r = SettingsTransform.write(msi, Map.of(), List.of(settings("Acme", false, """
                Windows Registry Editor Version 5.00

                [HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Acme]
                "A"=dword:00000001
                """)), dir.resolve("y.mst"), TransformOptions.defaults());
        assertEquals("ssprkitAcmeHKLM", r.components().get(0).component());
        assertEquals(0x4, r.components().get(0).attributes(), "no 64-bit bit on a 32-bit package");
        assertFalse(dir.resolve("x.mst").toFile().exists(), "no partial output after a refusal");
    }

    @Test
    void whatTheRegistryTableCannotSayIsRefusedWithItsLine() throws Exception {
        Path msi = builderPackage(Platform.X64, false);
        record Case(String reg, String expected) {}
        for (Case c : List.of(
                new Case("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme]\n\"Q\"=hex(b):01,00,00,00,00,00,00,00\n", "x.reg:4: HKLM\\SOFTWARE\\Acme\\Q: REG_QWORD has no encoding"),
                new Case("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme]\n\"E\"=\"\"\n", "x.reg:4: HKLM\\SOFTWARE\\Acme\\E: an empty REG_SZ"),
                new Case("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme]\n\"M\"=hex(7):00,00\n", "x.reg:4: HKLM\\SOFTWARE\\Acme\\M: an empty REG_MULTI_SZ"),
                new Case("[HKEY_CURRENT_CONFIG\\Software\\Acme]\n\"C\"=\"x\"\n", "x.reg:4: HKCC\\Software\\Acme: HKEY_CURRENT_CONFIG"),
                new Case("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme]\n\"+\"=\"x\"\n", "x.reg:4: value name '+' is reserved"),
                new Case("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme]\n@=-\n", "x.reg:4: deletes the default value"))) {
            RegFile reg = RegFile.parse("Windows Registry Editor Version 5.00\n\n" + c.reg());
            MsiException e = assertThrows(MsiException.class, () -> SettingsTransform.write(msi, Map.of(),
                    List.of(new RegistrySettings("X", "x.reg", false, reg)), dir.resolve("e.mst"), TransformOptions.defaults()), c.reg());
            assertTrue(e.getMessage().contains(c.expected()), e.getMessage());
        }
        assertFalse(dir.resolve("e.mst").toFile().exists());
    }

    @Test
    void literalTextIsEscapedForFormattedColumns() throws Exception {
        // MSI SDK "Formatted": [\[] and [\]] are a literal bracket; a leading # of a REG_SZ is doubled
        assertEquals("a[\\[]PROP[\\]]b", RegistryValueEncoding.literal("a[PROP]b"));
        assertEquals("##x", RegistryValueEncoding.encode(RegistryValue.string("#x")));
        assertEquals("#%[\\[]~[\\]]%x%", RegistryValueEncoding.encode(RegistryValue.expandString("[~]%x%")));
        assertEquals("[~]a[~]b c[~]", RegistryValueEncoding.encode(RegistryValue.multiString(List.of("a", "b c"))));
        assertEquals("#-1", RegistryValueEncoding.encode(RegistryValue.dword(0xFFFFFFFF)));
        assertEquals("#x00FF", RegistryValueEncoding.encode(RegistryValue.binary(new byte[] {0, (byte) 0xFF})));
    }

    @Test
    void applyingTheSameSettingsTwiceIsRefused() throws Exception {
        Path msi = builderPackage(Platform.X64, false);
        try (Database db = MsiReader.read(msi)) {
            RegistryInjection.inject(db, List.of(settings("Acme", false, REG)), "p.msi");
            MsiException e = assertThrows(MsiException.class, () -> RegistryInjection.inject(db, List.of(settings("Acme", false, REG)), "p.msi"));
            assertTrue(e.getMessage().contains("already has component ssprkitAcmeHK"), e.getMessage());
        }
    }
}
