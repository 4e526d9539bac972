package dev.ssprkit.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class KitGeneratorTest {
    @TempDir Path dir;

    Path msi() throws Exception {
        Path payload = dir.resolve("payload.txt");
        Files.writeString(payload, "payload");
        PackageBuilder pkg = PackageBuilder.product("Kit Sample", "ssprkit tests", "1.2.3", "{33333333-4444-5555-6666-777777777777}");
        pkg.property("ENABLELOGGING", "0");
        ComponentSpec c = pkg.component("Main", pkg.programFiles().subdirectory("INSTALLDIR", "Kit Sample"));
        c.file(payload);
        c.registry(RegistryRoot.HKLM, "Software\\Kit Sample", "EnableLogging", RegistryData.integerFormatted("[ENABLELOGGING]"));
        pkg.feature("Complete", "Complete").add(c);
        Path msi = dir.resolve("SsprWindowsLogon.PROD.msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        return msi;
    }

    @Test
    void scriptsCarryTheMsisOwnProductCodeAndOptions() throws Exception {
        Path msi = msi();
        ProductFacts facts = ProductFacts.read(msi);
        assertTrue(facts.productCode().matches("\\{[0-9A-F-]{36}}"), facts.productCode());
        List<String> files = new KitGenerator().generate(msi, KitOptions.of(true, true), dir.resolve("kit"));
        assertTrue(files.containsAll(List.of("install.cmd", "uninstall.cmd", "configmgr/New-SsprApplication.ps1", "gpo/README.txt",
                "intune/win10-policy.json", "SsprWindowsLogon.PROD.msi")), files.toString());
        String install = Files.readString(dir.resolve("kit/install.cmd"));
        assertTrue(install.contains("msiexec.exe /i \"%MSI%\" /qn /norestart ENABLELOGGING=1 TLS12=1 /l*vx"), install);
        assertTrue(install.contains("\r\n"), "cmd scripts use CRLF");
        String uninstall = Files.readString(dir.resolve("kit/uninstall.cmd"));
        assertTrue(uninstall.contains("msiexec.exe /x " + facts.productCode() + " /qn"), uninstall);
        String cm = Files.readString(dir.resolve("kit/configmgr/New-SsprApplication.ps1"));
        assertTrue(cm.contains("-ProductCode '" + facts.productCode() + "'"), cm);
        for (String s : List.of("New-CMApplication", "Add-CMMsiDeploymentType", "-InstallationBehaviorType InstallForSystem",
                "-UserInteractionMode Hidden", "-RebootBehavior BasedOnExitCode", "-SoftwareVersion '1.2.3'")) {
            assertTrue(cm.contains(s), s);
        }
        assertFalse(cm.contains("${"), "every template variable is filled");
    }

    @Test
    void intuneJsonHasTheGraphShapeAndTheIntunewinsOwnFigures() throws Exception {
        Path msi = msi();
        IntunePart intune = new IntunePart();
        List<String> files = new KitGenerator().with(new TransformPart()).with(intune).generate(msi, KitOptions.of(false, true), dir.resolve("kit"));
        assertTrue(files.containsAll(List.of("intune/SsprWindowsLogon.PROD.intunewin", "intune/win32-app.json", "intune/content-file.json",
                "intune/commit.json")), files.toString());
        JsonNode policy = new ObjectMapper().readTree(dir.resolve("kit/intune/win10-policy.json").toFile());
        assertEquals("#microsoft.graph.windows10CustomConfiguration", policy.path("@odata.type").asText());
        assertFalse(policy.path("displayName").asText().isEmpty());
        JsonNode oma = policy.path("omaSettings").get(0);
        assertEquals("#microsoft.graph.omaSettingInteger", oma.path("@odata.type").asText());
        assertEquals("./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset", oma.path("omaUri").asText());
        assertEquals(1, oma.path("value").asInt());

        // property names from Graph v1.0's win32LobApp / win32LobAppProductCodeRule / mobileAppContentFile / fileEncryptionInfo pages
        JsonNode app = new ObjectMapper().readTree(dir.resolve("kit/intune/win32-app.json").toFile());
        ProductFacts facts = ProductFacts.read(msi);
        assertEquals("#microsoft.graph.win32LobApp", app.path("@odata.type").asText());
        JsonNode rule = app.path("rules").get(0);
        assertEquals("#microsoft.graph.win32LobAppProductCodeRule", rule.path("@odata.type").asText());
        assertEquals("detection", rule.path("ruleType").asText());
        assertEquals(facts.productCode(), rule.path("productCode").asText());
        assertEquals("greaterThanOrEqual", rule.path("productVersionOperator").asText());
        assertEquals("1.2.3", rule.path("productVersion").asText());
        Map<Integer, String> codes = new java.util.HashMap<>();
        app.path("returnCodes").forEach(n -> codes.put(n.path("returnCode").asInt(), n.path("type").asText()));
        // domain notes, Intune Win32: 0/1707 success, 3010 soft reboot, 1641 hard reboot, 1618 retry
        assertEquals(Map.of(0, "success", 1707, "success", 3010, "softReboot", 1641, "hardReboot", 1618, "retry"), codes);
        assertEquals("x64", app.path("applicableArchitectures").asText());
        assertEquals("1607", app.path("minimumSupportedWindowsRelease").asText());
        assertEquals("msiexec /i \"SsprWindowsLogon.PROD.msi\" TRANSFORMS=\"SsprWindowsLogon.PROD.mst\" /qn /norestart", app.path("installCommandLine").asText());
        assertEquals("SsprWindowsLogon.PROD.msi", app.path("setupFilePath").asText());
        assertEquals(facts.upgradeCode(), app.path("msiInformation").path("upgradeCode").asText());

        // the figures come from the package we wrote: read it back with our reader
        try (var reader = dev.ssprkit.intune.IntuneWinReader.open(dir.resolve("kit/intune/SsprWindowsLogon.PROD.intunewin"))) {
            var info = reader.info();
            JsonNode file = new ObjectMapper().readTree(dir.resolve("kit/intune/content-file.json").toFile());
            assertEquals("IntunePackage.intunewin", file.path("name").asText());
            assertEquals(info.unencryptedContentSize(), file.path("size").asLong());
            assertEquals(reader.encryptedSize(), file.path("sizeEncrypted").asLong());
            assertEquals(info.unencryptedContentSize(), app.path("size").asLong());
            JsonNode enc = new ObjectMapper().readTree(dir.resolve("kit/intune/commit.json").toFile()).path("fileEncryptionInfo");
            assertEquals(java.util.Base64.getEncoder().encodeToString(info.encryptionInfo().mac()), enc.path("mac").asText());
            assertEquals(java.util.Base64.getEncoder().encodeToString(info.encryptionInfo().encryptionKey()), enc.path("encryptionKey").asText());
            assertEquals("ProfileVersion1", enc.path("profileIdentifier").asText());
            assertEquals(List.of("SsprWindowsLogon.PROD.msi", "SsprWindowsLogon.PROD.mst"), reader.unpackTo(dir.resolve("unpacked")),
                    "the package carries the transform its install command names");
        }
    }

    @Test
    void transformPartSetsThePropertiesAndAddsTheValuesAsComponents() throws Exception {
        Path msi = msi();
        TransformPart part = new TransformPart();
        List<String> files = new KitGenerator().with(part).generate(msi, KitOptions.of(true, true), dir.resolve("kit"));
        assertTrue(files.contains("SsprWindowsLogon.PROD.mst"), files.toString());
        // this package writes its own EnableLogging elsewhere (Software\Kit Sample), not under the provider key
        assertEquals(List.of(), part.lastResult().leftToPackage());
        assertEquals(List.of("ssprkitLoggingHKLM", "ssprkitTls12HKLM32", "ssprkitTls12HKLM"), part.lastResult().components().stream().map(c -> c.component()).toList());
        try (var db = dev.ssprkit.msi.MsiReader.read(msi)) {
            dev.ssprkit.msi.transform.TransformReader.apply(db, dir.resolve("kit/SsprWindowsLogon.PROD.mst"));
            assertEquals("1", db.table("Property").find("ENABLELOGGING").string("Value"), "ENABLELOGGING 0 -> 1");
            assertEquals("1", db.table("Property").find("TLS12").string("Value"), "TLS12 added");
            var tls = db.table("Component").find("ssprkitTls12HKLM");
            assertEquals(0x10, tls.integer("Attributes") & 0x10, "TLS values are a permanent component (MSI SDK: msidbComponentAttributesPermanent)");
            // a 64-bit package (the builder's default): both views, as the kit's own tls12-enable.reg for x64
            long values = db.table("Registry").rows().stream().filter(r -> r.string("Component_").startsWith("ssprkitTls12HKLM")).count();
            var expected = dev.ssprkit.endpoint.SwitchRegFiles.all(true).get("tls12-enable.reg");
            assertEquals(expected.keys().stream().mapToLong(k -> expected.values(k).size()).sum(), values);
        }
    }

    @Test
    void aNonEmptyTargetIsRefusedAndNothingIsWritten() throws Exception {
        Path msi = msi();
        Path out = dir.resolve("kit");
        Files.createDirectories(out);
        Files.writeString(out.resolve("mine.txt"), "keep me");
        assertThrows(java.io.IOException.class, () -> new KitGenerator().generate(msi, KitOptions.of(true, false), out));
        assertEquals(List.of(out.resolve("mine.txt")), Files.list(out).toList());
    }

    @Test
    void propertyValuesCannotInjectArguments() {
        assertThrows(IllegalArgumentException.class, () -> new KitOptions(Map.of("TLS12", "1\" /x evil"), null));
        assertThrows(IllegalArgumentException.class, () -> new KitOptions(Map.of("lowercase", "1"), null));
    }

    @Test
    @Tag("interop")
    void installAndUninstallScriptsRunUnderWineCmdAndPassMsiexecsExitCodeThrough() throws Exception {
        Path msi = msi();
        Path kit = dir.resolve("kit");
        new KitGenerator().generate(msi, new KitOptions(Map.of("ENABLELOGGING", "1"), "C:\\SsprLogs"), kit);
        try (Wine wine = Wine.start(dir.resolve("prefix"))) {
            Tool.Result install = wine.wine("cmd", "/c", winPath(kit.resolve("install.cmd")));
            assertEquals(0, install.exitCode(), install.stdout() + install.stderr());
            assertEquals("0x1", wine.regValue("HKLM\\Software\\Kit Sample", "EnableLogging"));
            assertTrue(Files.exists(wine.cDrive("C:\\SsprLogs\\install.log")), "install log written");
            Tool.Result uninstall = wine.wine("cmd", "/c", winPath(kit.resolve("uninstall.cmd")));
            assertEquals(0, uninstall.exitCode(), uninstall.stdout() + uninstall.stderr());
            assertNull(wine.regValue("HKLM\\Software\\Kit Sample", "EnableLogging"));
            // A Linux process status has 8 bits, so Wine hands us 1605 & 0xFF; cmd's own ERRORLEVEL keeps all of it.
            Tool.Result again = wine.wine("cmd", "/v:on", "/c", winPath(kit.resolve("uninstall.cmd")) + " & echo EXIT=!ERRORLEVEL!");
            assertTrue(again.stdout().contains("EXIT=1605"), "uninstalling what is not installed passes msiexec's 1605 through: " + again.stdout());
            assertEquals(1605 & 0xFF, again.exitCode());
            Files.delete(kit.resolve("SsprWindowsLogon.PROD.msi"));
            Tool.Result missing = wine.wine("cmd", "/c", winPath(kit.resolve("install.cmd")));
            assertNotEquals(0, missing.exitCode(), "a missing package fails the install script");
        }
    }

    /** Wine maps the Unix root to Z:. */
    static String winPath(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }
}
