package dev.ssprkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.DirectorySpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.msi.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** The sspr command driven in-process: success and failure paths of each subcommand. */
class CliTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run sspr(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Sspr.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path build(String name, String greeting) throws Exception {
        Path payload = dir.resolve("payload");
        Files.createDirectories(payload.resolve("sub"));
        Files.writeString(payload.resolve("app.txt"), "application bytes\n".repeat(1000));
        Files.writeString(payload.resolve("sub").resolve("deep.cfg"), "deep=1");
        PackageBuilder pkg = PackageBuilder.product("Cli Sample", "ssprkit tests", "1.0.0", "{22222222-3333-4444-5555-666666666666}");
        pkg.property("GREETING", greeting);
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "Cli Sample");
        ComponentSpec c = pkg.component("Main", app);
        c.file(payload.resolve("app.txt"));
        c.registry(RegistryRoot.HKLM, "Software\\Cli Sample", "Greeting", RegistryData.string("[GREETING]"));
        ComponentSpec d = pkg.component("Deep", app.subdirectory("CONF", "conf"));
        d.file(payload.resolve("sub").resolve("deep.cfg"));
        pkg.feature("Complete", "Complete").add(c, d);
        Path msi = dir.resolve(name);
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        return msi;
    }

    /**
     * Sspr lists each subcommand's names to build only the one a command line names; they are the names picocli
     * reads from the command's own {@code @Command} (or its group's spec), and each one runs its own command.
     */
    @Test
    void theListedSubcommandNamesAreTheCommandsOwn() {
        java.util.Map<java.util.List<String>, java.util.List<String>> names = Sspr.subcommandNames(Cli.linux().context());
        assertEquals(20, names.size(), names.toString());
        names.forEach((listed, read) -> assertEquals(read, listed));
        for (java.util.List<String> listed : names.keySet()) {
            for (String name : listed) {
                Run help = sspr(name, "--help");
                assertEquals(0, help.code(), name + ": " + help.err());
                assertTrue(help.out().startsWith("Usage: sspr " + listed.get(0)), name + ": " + help.out());
            }
        }
    }

    @Test
    void buildNamesAModuleSourceOutputMsm() throws Exception {
        Path wxs = Files.writeString(dir.resolve("tiny-module.wxs"), """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Module Id="TinyModule" Language="1033" Version="1.0" Guid="5D6E7F8A-9B0C-4D1E-8F3A-4B5C6D7E8F9A">
                    <Directory Id="TinyDir" Name="tiny"><Component Id="Tiny" Guid="6E7F8A9B-0C1D-4E2F-9A4B-5C6D7E8F9A0B"><CreateFolder/></Component></Directory>
                  </Module>
                </Wix>
                """);
        Run r = sspr("build", wxs.toString());
        assertEquals(0, r.code(), r.err());
        // a <Module> builds a merge module: .msm by default (as wix build names it), never .msi
        assertTrue(Files.isRegularFile(dir.resolve("tiny-module.msm")), r.out());
        assertFalse(Files.exists(dir.resolve("tiny-module.msi")));
        try (var db = dev.ssprkit.msi.MsiReader.read(dir.resolve("tiny-module.msm"))) {
            assertEquals("TinyModule.5D6E7F8A_9B0C_4D1E_8F3A_4B5C6D7E8F9A", db.table("ModuleSignature").rows().get(0).get("ModuleID"));
        }
    }

    @Test
    void versionAndHelp() {
        Run v = sspr("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("sspr "), v.out());
        Run h = sspr("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("inspect") && h.out().contains("Exit codes"), h.out());
    }

    @Test
    void completionScriptIsGeneratedAndHiddenFromHelp() {
        Run c = sspr("generate-completion");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("complete -F") && c.out().contains("preflight") && c.out().contains("logging"), c.out());
        assertFalse(java.util.regex.Pattern.compile("(?m)^  generate-completion").matcher(sspr("--help").out()).find(), "hidden from the command list");
    }

    @Test
    void aGroupWithoutItsSubcommandIsAUsageError() {
        Run r = sspr("tls");
        assertEquals(Sspr.USAGE, r.code());
        assertTrue(r.err().contains("Missing required subcommand"), r.err());
        assertEquals(0, sspr("win10", "--help").code());
    }

    @Test
    void everySubcommandIsListedAndReachableWhicheverIsBuiltAlone() {
        Run h = sspr("--help");
        for (String name : java.util.List.of("build", "inspect", "extract", "diff", "kit", "install", "uninstall", "repair",
                "logging", "tls", "win10", "preflight", "sign", "verify", "validate", "ui", "sysprep")) {
            assertTrue(h.out().contains("  " + name), name + " missing from --help:\n" + h.out());
            Run one = sspr(name, "--help");
            assertEquals(0, one.code(), name + ": " + one.err());
            assertTrue(one.out().startsWith("Usage: sspr " + name.replace("tls12", "tls")), one.out());
        }
        Run helpFor = sspr("help", "extract");
        assertEquals(0, helpFor.code());
        assertTrue(helpFor.out().startsWith("Usage: sspr extract"), helpFor.out());
        Run unknown = sspr("frobnicate");
        assertEquals(Sspr.USAGE, unknown.code());
        assertTrue(unknown.err().contains("frobnicate"), unknown.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = sspr("inspect", "--bogus", "x.msi");
        assertEquals(Sspr.USAGE, r.code());
        assertTrue(r.err().contains("--bogus"), r.err());
    }

    @Test
    void inspectPrintsSummaryTablesAndRowsAsText() throws Exception {
        Path msi = build("a.msi", "hi");
        Run r = sspr("inspect", msi.toString(), "--table", "Property", "--files");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("x64;1033"), r.out());
        assertTrue(r.out().contains("GREETING\thi"), r.out());
        // an x64 package: ProgramFiles64Folder is Windows' "Program Files" (MSI SDK, ProgramFiles64Folder property)
        assertTrue(r.out().contains("Program Files/Cli Sample/conf/deep.cfg"), r.out());
        assertTrue(r.out().contains("(installation database)"), r.out());
        Run ids = sspr("inspect", msi.toString(), "--files", "--layout", "ids");
        assertTrue(ids.out().contains("ProgramFiles64Folder/Cli Sample/conf/deep.cfg"), ids.out());
    }

    @Test
    void inspectJsonIsMachineReadable() throws Exception {
        Path msi = build("a.msi", "hi");
        Run r = sspr("inspect", msi.toString(), "--json", "--table", "File");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("Cli Sample", json.path("summary").path("subject").asText());
        assertEquals(2, json.path("tables").path("File").asInt());
        assertEquals(2, json.path("rows").path("File").size());
        assertTrue(json.path("streams").has("product.cab"));
    }

    @Test
    void inspectOfANonMsiSaysSoAndExits3() throws Exception {
        Path bogus = dir.resolve("bogus.msi");
        Files.writeString(bogus, "this is not a compound file");
        Run r = sspr("inspect", bogus.toString());
        assertEquals(Sspr.BAD_INPUT, r.code());
        assertTrue(r.err().contains("bogus.msi"), r.err());
    }

    @Test
    void inspectOfAMissingFileExits4() {
        Run r = sspr("inspect", dir.resolve("missing.msi").toString());
        assertEquals(Sspr.IO_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("missing.msi"), r.err());
    }

    @Test
    void extractLaysOutFilesByteIdentical() throws Exception {
        Path msi = build("a.msi", "hi");
        Path out = dir.resolve("x");
        Run r = sspr("extract", msi.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(dir.resolve("payload/app.txt")), Files.readString(out.resolve("Program Files/Cli Sample/app.txt")));
        assertEquals("deep=1", Files.readString(out.resolve("Program Files/Cli Sample/conf/deep.cfg")));
        Path ids = dir.resolve("ids");
        assertEquals(0, sspr("extract", msi.toString(), "-o", ids.toString(), "--layout", "ids").code());
        assertEquals("deep=1", Files.readString(ids.resolve("ProgramFiles64Folder/Cli Sample/conf/deep.cfg")));
    }

    Path ssprPackage(String template) throws Exception {
        Path payload = Files.writeString(dir.resolve("readme.txt"), "kit");
        PackageBuilder pkg = PackageBuilder.product("Kit Sample", "ssprkit tests", "1.2.3", "{33333333-4444-5555-6666-777777777777}");
        if (template.startsWith("Intel")) pkg.platform(dev.ssprkit.builder.Platform.X86);
        pkg.property("ENABLELOGGING", "0");
        pkg.property("TLS12", "0");
        ComponentSpec c = pkg.component("Main", pkg.programFiles().subdirectory("INSTALLDIR", "Kit Sample"));
        c.file(payload);
        String key = dev.ssprkit.endpoint.SsprKeys.CREDENTIAL_PROVIDER.path();
        c.registry(RegistryRoot.HKLM, key, "EnableLogging", RegistryData.integerFormatted("[ENABLELOGGING]"));
        c.registry(RegistryRoot.HKLM, "SOFTWARE\\ssprkit\\Kit Sample", "TLS12", RegistryData.integerFormatted("[TLS12]"));
        pkg.feature("Complete", "Complete").add(c);
        Path msi = dir.resolve("SsprWindowsLogon.PROD.msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        return msi;
    }

    @Test
    void kitWritesATransformSettingTheChosenPropertiesAndTheRegFiles() throws Exception {
        Path msi = ssprPackage("x64");
        Path kit = dir.resolve("kit");
        Run r = sspr("kit", "--msi", msi.toString(), "--out", kit.toString(), "--enable-logging");
        assertEquals(0, r.code(), r.err());
        for (String f : java.util.List.of("SsprWindowsLogon.PROD.mst", "reg/logging-on.reg", "reg/logging-off.reg", "reg/tls12-enable.reg", "reg/win10-policy.reg")) {
            assertTrue(r.out().contains("  " + f), f + " in " + r.out());
            assertTrue(Files.isRegularFile(kit.resolve(f)), f);
        }
        try (var db = dev.ssprkit.msi.MsiReader.read(msi)) {
            var result = dev.ssprkit.msi.transform.TransformReader.apply(db, kit.resolve("SsprWindowsLogon.PROD.mst"));
            assertEquals(2, result.rowsUpdated());
            assertEquals("1", db.table("Property").find("ENABLELOGGING").string("Value"));
            assertEquals("1", db.table("Property").find("TLS12").string("Value"));
        }
        var reg = dev.ssprkit.registry.RegFile.read(kit.resolve("reg/tls12-enable.reg"));
        assertEquals(0xA00, reg.dword(dev.ssprkit.registry.RegistryKey.hklm("SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp"),
                "DefaultSecureProtocols").orElseThrow(), "x64 package: the Wow6432Node twins too");
        assertTrue(Files.readString(kit.resolve("gpo/README.txt")).contains("SsprWindowsLogon.PROD.mst sets ENABLELOGGING=1 TLS12=1"));

        Run again = sspr("kit", "--msi", msi.toString(), "--out", kit.toString());
        assertEquals(Sspr.IO_ERROR, again.code(), "a non-empty kit folder is refused");
        Path notMsi = Files.writeString(dir.resolve("x.msi"), "no");
        assertEquals(Sspr.BAD_INPUT, sspr("kit", "--msi", notMsi.toString(), "--out", dir.resolve("k2").toString()).code());
    }

    @Test
    void kitForAn86PackageLeavesOutWow6432Node() throws Exception {
        Path msi = ssprPackage("Intel");
        Path kit = dir.resolve("kit");
        assertEquals(0, sspr("kit", "--msi", msi.toString(), "--out", kit.toString(), "--no-tls12").code());
        var reg = dev.ssprkit.registry.RegFile.read(kit.resolve("reg/tls12-enable.reg"));
        assertFalse(reg.keyExists(dev.ssprkit.registry.RegistryKey.hklm("SOFTWARE\\Wow6432Node")));
        try (var db = dev.ssprkit.msi.MsiReader.read(msi)) {
            var result = dev.ssprkit.msi.transform.TransformReader.apply(db, kit.resolve("SsprWindowsLogon.PROD.mst"));
            assertEquals(0, result.rowsUpdated() + result.rowsAdded(), "ENABLELOGGING=0 TLS12=0 are the package's own values");
        }
    }

    @Test
    void diffReportsChangedCellsAndExits1() throws Exception {
        Path a = build("a.msi", "hello");
        Path b = build("b.msi", "goodbye");
        Run same = sspr("diff", a.toString(), a.toString());
        assertEquals(0, same.code(), same.out());
        Run r = sspr("diff", a.toString(), b.toString());
        assertEquals(Sspr.FAILED, r.code());
        assertTrue(r.out().contains("~ Property [GREETING]"), r.out());
        assertTrue(r.out().contains("Value: 'hello' -> 'goodbye'"), r.out());
    }

    @Test
    void diffAsJsonIsOneArrayOfChanges() throws Exception {
        Path a = build("a.msi", "hello");
        Path b = build("b.msi", "goodbye");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Run same = sspr("diff", "--json", a.toString(), a.toString());
        assertEquals(0, same.code(), same.err());
        assertEquals(0, json.readTree(same.out()).size(), same.out());
        Run r = sspr("diff", "--json", a.toString(), b.toString());
        assertEquals(Sspr.FAILED, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode changes = json.readTree(r.out()); // the whole output is one document
        assertTrue(changes.isArray(), r.out());
        com.fasterxml.jackson.databind.JsonNode greeting = null;
        for (com.fasterxml.jackson.databind.JsonNode c : changes) {
            if (c.path("table").asText().equals("Property") && c.path("key").path(0).asText().equals("GREETING")) greeting = c;
        }
        assertTrue(greeting != null, r.out());
        assertEquals("ROW_CHANGED", greeting.path("kind").asText());
        assertEquals("hello", greeting.path("cells").path("Value").path(0).asText());
        assertEquals("goodbye", greeting.path("cells").path("Value").path(1).asText());
    }

    @Test
    void buildRefusesAnUnknownCompressionLevel() throws Exception {
        // WiX's CompressionLevel values (none, low, medium, high, mszip); anything else is a usage error, no output
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sspr-compression");
        java.nio.file.Path wxs = java.nio.file.Files.writeString(dir.resolve("p.wxs"), "<Wix/>");
        Run r = sspr("build", "--compression", "ultra", wxs.toString());
        assertEquals(Sspr.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--compression must be one of none, low, medium, high, mszip, not 'ultra'"), r.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("p.msi")));
    }
}
