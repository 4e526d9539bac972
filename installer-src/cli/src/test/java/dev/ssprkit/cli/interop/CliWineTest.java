package dev.ssprkit.cli.interop;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.Platform;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.cli.Sspr;
import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under Wine: every .reg file {@code sspr kit} writes imports with {@code regedit /S} and {@code reg query} shows
 * exactly its values; the kit's transform applies with {@code msiexec /i X.msi TRANSFORMS=X.mst} and no property on
 * the command line; {@code sspr install/repair/uninstall --msiexec "... wine msiexec"} drive Wine's msiexec.
 */
@Tag("interop")
class CliWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;
    static final RegistryKey TLS12_KEY = RegistryKey.hklm("SOFTWARE\\ssprkit\\Kit Sample");



    record Run(int code, String out, String err) {}

    static Run sspr(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Sspr.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** msiexec through env, so the in-process CLI reaches this test's prefix without touching the JVM's environment. */
    static String wineMsiexec() {
        StringBuilder cmd = new StringBuilder("env");
        new java.util.TreeMap<>(wine.environment()).forEach((k, v) -> cmd.append(' ').append(k).append('=').append(v));
        return cmd.append(' ').append(String.join(" ", Wine.LOADER)).append(" msiexec").toString(); // setarch -R wine msiexec
    }

    static Path ssprPackage(String name) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Path payload = Files.writeString(d.resolve("readme.txt"), "ssprkit kit\r\n");
        // one upgrade code (so one ProductCode) per package: a test that fails half-way leaves nothing in the others' way
        String upgradeCode = "{5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B" + String.format("%04X", name.hashCode() & 0xFFFF) + "}";
        PackageBuilder pkg = PackageBuilder.product("Kit Sample " + name, "ssprkit tests", "1.0.0", upgradeCode).platform(Platform.X64);
        pkg.property("ENABLELOGGING", "0");
        pkg.property("TLS12", "0");
        ComponentSpec c = pkg.component("Main", pkg.programFiles().subdirectory("INSTALLDIR", "Kit Sample " + name));
        c.file(payload);
        c.registry(RegistryRoot.HKLM, SsprKeys.CREDENTIAL_PROVIDER.path(), "EnableLogging", RegistryData.integerFormatted("[ENABLELOGGING]"));
        c.registry(RegistryRoot.HKLM, TLS12_KEY.path(), "TLS12", RegistryData.integerFormatted("[TLS12]"));
        pkg.feature("Complete", "Complete").add(c);
        Path msi = d.resolve("SsprWindowsLogon.PROD.msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        return msi;
    }

    static String type(RegistryValue v) {
        return v.type().name();
    }

    @Test
    void everyKitRegFileImportsAndRegQueryShowsExactlyItsValues() throws Exception {
        Path kit = dir.resolve("reg-kit");
        Run r = sspr("kit", "--msi", ssprPackage("reg").toString(), "--out", kit.toString());
        assertEquals(0, r.code(), r.err());
        for (String name : List.of("logging-on.reg", "logging-off.reg", "tls12-enable.reg", "win10-policy.reg")) {
            Path file = kit.resolve("reg").resolve(name);
            wine.wine("regedit", "/S", file.toString()).assertOk();
            RegFile reg = RegFile.read(file);
            int checked = 0;
            for (RegistryKey key : reg.keys()) {
                Map<String, RegistryValue> values = reg.values(key);
                for (Map.Entry<String, RegistryValue> e : values.entrySet()) {
                    assertEquals(e.getValue().display(), wine.regValue(key.toString(), e.getKey()), name + ": " + key + "\\" + e.getKey());
                    assertEquals(type(e.getValue()), wine.regType(key.toString(), e.getKey()), name + ": " + key + "\\" + e.getKey());
                    checked++;
                }
                if (!values.isEmpty()) {
                    // exactly: reg query lists no other value under the key
                    String listing = wine.regKeyListing(key.toString());
                    assertTrue(listing != null, name + ": " + key + " missing");
                    long listed = listing.lines().filter(l -> l.strip().split("    ").length >= 2 && l.strip().split("    ")[1].startsWith("REG_")).count();
                    assertEquals(values.size(), listed, name + ": " + key + "\n" + listing);
                }
            }
            assertTrue(checked > 0, name);
        }
        // the last import of the logging pair wins: logging-off after logging-on
        assertEquals("0x0", wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
        assertEquals("0x1", wine.regValue(SsprKeys.AZURE_AD_ACCOUNT_POLICY.toString(), "AllowPasswordReset"));
        assertEquals("0xa00", wine.regValue("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp", "DefaultSecureProtocols"));
        assertEquals("0x0", wine.regValue("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server", "DisabledByDefault"));
        wine.wine("reg", "delete", SsprKeys.CREDENTIAL_PROVIDER.toString(), "/f").assertOk();
    }

    @Test
    void kitTransformSetsThePropertiesWithoutAnyOnTheCommandLine() throws Exception {
        Path msi = ssprPackage("gpo");
        Path kit = dir.resolve("gpo-kit");
        Run r = sspr("kit", "--msi", msi.toString(), "--out", kit.toString(), "--enable-logging", "--tls12");
        assertEquals(0, r.code(), r.err());
        Path mst = kit.resolve("SsprWindowsLogon.PROD.mst");
        Tool.Result info = Tool.run("msiinfo", "suminfo", mst.toString()).assertOk();
        assertTrue(info.stdout().contains("Template: x64;1033"), info.stdout());
        Tool.run("msiinfo", "streams", mst.toString()).assertOk();

        String windowsMst = "Z:" + mst.toAbsolutePath().toString().replace('/', '\\');
        Tool.Result install = wine.msiexec("/i", kit.resolve("SsprWindowsLogon.PROD.msi").toString(), "TRANSFORMS=" + windowsMst, "/qn");
        assertEquals(0, install.exitCode(), install.stdout() + install.stderr());
        assertEquals("0x1", wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
        assertEquals("REG_DWORD", wine.regType(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
        assertEquals("0x1", wine.regValue(TLS12_KEY.toString(), "TLS12"));
        assertEquals(0, wine.msiexec("/x", kit.resolve("SsprWindowsLogon.PROD.msi").toString(), "/qn").exitCode());
        assertNull(wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
    }

    @Test
    void ssprInstallRepairUninstallDriveWineMsiexec() throws Exception {
        Path msi = ssprPackage("cli");
        Path logs = dir.resolve("cli-logs");
        String m = wineMsiexec();
        Run install = sspr("install", msi.toString(), "--msiexec", m, "-p", "ENABLELOGGING=1", "--log", logs.resolve("install.log").toString());
        assertEquals(0, install.code(), () -> install.out() + install.err() + "\n" + wine.serverState());
        assertEquals("0x1", wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
        assertEquals("0x0", wine.regValue(TLS12_KEY.toString(), "TLS12"));
        assertTrue(Files.size(logs.resolve("install.log")) > 0, "the verbose log is written into the created folder");

        Path readme = wine.cDrive("C:\\Program Files\\Kit Sample cli\\readme.txt");
        assertTrue(Files.exists(readme));
        // Wine's msiexec cannot repair: /fa with a package path calls MsiReinstallProduct with the path (1605), with a
        // ProductCode it is unimplemented (exit 1). So this checks the command line and the mapping, not a repair.
        Run repair = sspr("repair", msi.toString(), "--msiexec", m, "--log", logs.resolve("repair.log").toString(), "--json");
        assertTrue(repair.out().contains("\"/fa\""), repair.out());
        assertEquals(14, repair.code(), repair.out() + repair.err());
        assertTrue(repair.out().contains("\"exitCode\" : 1605"), repair.out());

        Run uninstall = sspr("uninstall", msi.toString(), "--msiexec", m, "--log", logs.resolve("uninstall.log").toString(), "--json");
        assertEquals(0, uninstall.code(), () -> uninstall.out() + uninstall.err() + "\n" + wine.serverState());
        assertTrue(uninstall.out().contains("\"result\" : \"SUCCESS\""), uninstall.out());
        assertNull(wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
        assertFalse(Files.exists(readme));

        // by ProductCode (Wine answers 0 for a package path that is not installed; Windows and Wine both give 1605 here)
        String productCode = dev.ssprkit.kit.ProductFacts.read(msi).productCode();
        Run again = sspr("uninstall", productCode, "--msiexec", m, "--log", logs.resolve("again.log").toString());
        assertEquals(14, again.code(), () -> "1605 (arriving as 1605 & 0xFF) maps to 'nothing to do': " + again.err() + "\n" + wine.serverState());
        assertTrue(again.err().contains("1605"), again.err());
    }

    @Test
    void ssprInstallAppliesAKitTransformThroughWine() throws Exception {
        Path msi = ssprPackage("mst");
        Path kit = dir.resolve("mst-kit");
        assertEquals(0, sspr("kit", "--msi", msi.toString(), "--out", kit.toString(), "--enable-logging").code());
        Path logs = dir.resolve("mst-logs");
        Run install = sspr("install", msi.toString(), "--msiexec", wineMsiexec(), "-t", kit.resolve("SsprWindowsLogon.PROD.mst").toString(),
                "--log", logs.resolve("install.log").toString());
        assertEquals(0, install.code(), install.out() + install.err());
        assertEquals("0x1", wine.regValue(SsprKeys.CREDENTIAL_PROVIDER.toString(), "EnableLogging"));
        assertEquals("0x1", wine.regValue(TLS12_KEY.toString(), "TLS12"));
        assertEquals(0, sspr("uninstall", msi.toString(), "--msiexec", wineMsiexec(), "--log", logs.resolve("u.log").toString()).code());
    }
}
