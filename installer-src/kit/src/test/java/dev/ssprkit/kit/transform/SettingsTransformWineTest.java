package dev.ssprkit.kit.transform;

import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.endpoint.SwitchRegFiles;
import dev.ssprkit.kit.KitGenerator;
import dev.ssprkit.kit.KitOptions;
import dev.ssprkit.kit.TransformPart;
import dev.ssprkit.msi.transform.TransformOptions;
import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ssprkit.kit.transform.VendorPackages.values;
import static dev.ssprkit.kit.transform.VendorPackages.winPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transforms for a package we did not build (a wixl-built stand-in with no registry values, no WriteRegistryValues
 * action and no ENABLELOGGING/TLS12 properties), judged by Wine's msiexec and {@code reg query}: the kit's transform
 * turns logging on and writes every TLS 1.2 value; uninstall removes EnableLogging and keeps TLS (permanent
 * component); a transform built from a .reg with values of every type installs exactly what {@code regedit /S}
 * imports from the same file.
 */
@Tag("interop")
class SettingsTransformWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    @Test
    void theKitTransformDeliversLoggingAndTlsToAVendorPackage() throws Exception {
        Path msi = VendorPackages.wixlVendorMsi(dir);
        Path kit = dir.resolve("kit");
        TransformPart part = new TransformPart();
        new KitGenerator().with(part).generate(msi, KitOptions.of(true, true), kit);
        assertEquals(List.of(), part.lastResult().leftToPackage(), "the stand-in writes none of these values itself");
        Path mst = kit.resolve("SsprWindowsLogon.PROD.mst");

        Tool.Result install = wine.msiexec("/i", winPath(kit.resolve("SsprWindowsLogon.PROD.msi")), "TRANSFORMS=" + winPath(mst), "/qn");
        assertEquals(0, install.exitCode(), install.stdout() + install.stderr());
        assertTrue(Files.exists(wine.cDrive("C:\\Program Files\\Vendor Logon\\readme.txt")), "the vendor's own file is installed");
        assertEquals("0x1", wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
        // the expected TLS values: what the kit's own tls12-enable.reg (the endpoint switch) holds, 64-bit package
        RegFile tls = SwitchRegFiles.all(true).get("tls12-enable.reg");
        int checked = 0;
        for (RegistryKey k : tls.keys()) {
            for (Map.Entry<String, RegistryValue> v : tls.values(k).entrySet()) {
                assertEquals(v.getValue().display(), wine.regValue(k.toString(), v.getKey()), k + "\\" + v.getKey());
                checked++;
            }
        }
        assertEquals(14, checked, "SCHANNEL 4 (one view) + WinHTTP 2 + .NET 8 (two versions × two values × two views)");

        Tool.Result uninstall = uninstall(kit.resolve("SsprWindowsLogon.PROD.msi"), mst);
        assertEquals(0, uninstall.exitCode(), uninstall.stdout() + uninstall.stderr());
        assertFalse(Files.exists(wine.cDrive("C:\\Program Files\\Vendor Logon\\readme.txt")), "the product is gone");
        assertNull(wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"), "EnableLogging is removed with the product");
        for (RegistryKey k : tls.keys()) {
            for (Map.Entry<String, RegistryValue> v : tls.values(k).entrySet()) {
                assertEquals(v.getValue().display(), wine.regValue(k.toString(), v.getKey()), "kept after uninstall: " + k + "\\" + v.getKey());
            }
        }
    }

    @Test
    void aTransformAddsTheRegistryTableToAPackageThatHasNone() throws Exception {
        Path msi = VendorPackages.builderPackage(dir, dev.ssprkit.builder.Platform.X64, false);
        Path kit = dir.resolve("kit");
        new KitGenerator().with(new TransformPart()).generate(msi, KitOptions.of(true, false), kit);
        Path mst = kit.resolve("X64.mst");
        Tool.Result install = wine.msiexec("/i", winPath(kit.resolve("X64.msi")), "TRANSFORMS=" + winPath(mst), "/qn");
        assertEquals(0, install.exitCode(), install.stdout() + install.stderr());
        assertEquals("0x1", wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
        assertEquals(0, uninstall(kit.resolve("X64.msi"), mst).exitCode());
        assertNull(wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
    }

    @Test
    void aFromRegTransformInstallsWhatRegeditImports() throws Exception {
        Path msi = VendorPackages.wixlVendorMsi(dir);
        Path reg = VendorPackages.regFixture("every-type", dir);
        Path mst = dir.resolve("settings.mst");
        RegistryInjection.Result result = SettingsTransform.write(msi, Map.of(),
                List.of(new RegistrySettings("Reg", "every-type.reg", false, RegFile.read(reg))), mst, TransformOptions.defaults());
        assertEquals(3, result.components().size(), "HKLM 64-bit, HKLM 32-bit (Wow6432Node), HKCU: " + result.components());

        String[] roots = {"HKLM\\SOFTWARE\\ssprkit-fromreg", "HKLM\\SOFTWARE\\Wow6432Node\\ssprkit-fromreg", "HKCU\\Software\\ssprkit-fromreg"};
        seedWhatTheFileDeletes();
        Tool.Result install = wine.msiexec("/i", winPath(msi), "TRANSFORMS=" + winPath(mst), "/qn");
        assertEquals(0, install.exitCode(), install.stdout() + install.stderr());
        Map<String, List<String>> installed = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String root : roots) installed.putAll(values(wine.regTreeListing(root)));
        assertNull(wine.regValue(roots[0], "Stale"), "\"Stale\"=- removes the value");
        assertFalse(wine.regKeyExists(roots[0] + "\\Obsolete"), "[-...\\Obsolete] removes the key");

        Tool.Result uninstall = uninstall(msi, mst);
        assertEquals(0, uninstall.exitCode(), uninstall.stdout() + uninstall.stderr());
        for (String root : roots) assertEquals(Map.of(), values(wine.regTreeListing(root)), "removed with the product: " + root);

        // the oracle: regedit's import of the very same file, from the same starting state
        seedWhatTheFileDeletes();
        wine.wine("regedit", "/S", winPath(reg)).assertOk();
        Map<String, List<String>> imported = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String root : roots) imported.putAll(values(wine.regTreeListing(root)));
        assertEquals(imported, installed);
        assertEquals(13, imported.values().stream().mapToInt(List::size).sum(), "the fixture sets 13 values: " + imported);
        for (String root : roots) wine.wine("reg", "delete", root, "/f");
    }

    /**
     * Windows keeps the transforms a product was installed with and applies them again for every maintenance run
     * (which is why an uninstall fails with 1624 when a cached transform went missing); Wine's msiexec does not, so the
     * uninstall names the transform as Windows would apply it.
     */
    private static Tool.Result uninstall(Path msi, Path mst) {
        return wine.msiexec("/x", winPath(msi), "TRANSFORMS=" + winPath(mst), "/qn");
    }

    private static void seedWhatTheFileDeletes() {
        wine.wine("reg", "add", "HKLM\\SOFTWARE\\ssprkit-fromreg", "/v", "Stale", "/d", "old", "/f").assertOk();
        wine.wine("reg", "add", "HKLM\\SOFTWARE\\ssprkit-fromreg\\Obsolete", "/v", "Old", "/d", "old", "/f").assertOk();
    }
}
