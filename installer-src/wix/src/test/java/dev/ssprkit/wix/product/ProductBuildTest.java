package dev.ssprkit.wix.product;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.kit.KitGenerator;
import dev.ssprkit.kit.KitOptions;
import dev.ssprkit.kit.TransformPart;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import dev.ssprkit.wix.diag.Diagnostic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The product in wix/ (SsprWindowsLogon.wxs) built by our compiler, as {@code mvn package} builds it: table contents,
 * ICE validation, reproducibility, and the whole Wine lifecycle (wix/test/wine-lifecycle.sh).
 */
class ProductBuildTest {
    static final Path WIX = Path.of("../../wix").toAbsolutePath().normalize();
    static final Instant TIME = Instant.parse("2026-03-01T00:00:00Z");
    static final String PROVIDER = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\Credential Providers\\{86D2F0AC-2171-46CF-9998-4E33B3D7FD4F}";
    @TempDir Path dir;

    static BuildResult build(String arch, String version, Path out) {
        Map<String, String> defines = version == null ? Map.of() : Map.of("ProductVersion", version);
        return WixBuild.build(new BuildRequest(List.of(WIX.resolve("SsprWindowsLogon.wxs")), out, arch, defines,
                List.of(WIX.resolve("include")), Map.of(), TIME));
    }

    static Path built(String arch, String version, Path out) {
        BuildResult r = build(arch, version, out);
        assertTrue(r.success(), () -> "build failed: " + r.diagnostics());
        for (Diagnostic d : r.diagnostics()) assertFalse(d.isError(), d.toString());
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"x64", "x86"})
    void buildsValidatedStructurallySoundAndReproducible(String arch) throws Exception {
        Path a = built(arch, null, dir.resolve("a/SsprWindowsLogon.PROD.msi"));
        Path b = built(arch, null, dir.resolve("b/SsprWindowsLogon.PROD.msi"));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "the same .wxs builds byte-identical MSIs");
        assertEquals(List.of(), StructuralCheck.check(a));
        try (Database db = MsiReader.read(a)) {
            assertEquals(arch.equals("x64") ? "x64;1033" : "Intel;1033", db.summary().template);
            Map<String, String> props = new java.util.HashMap<>();
            for (Row r : db.table("Property").rows()) props.put(r.string("Property"), r.string("Value"));
            // no ENABLELOGGING row: when not given, a type-51 action sets 0, or keeps the machine's value on repair/upgrade
            assertNull(props.get("ENABLELOGGING"));
            Row dflt = db.table("CustomAction").find("SsprEnableLoggingDefault");
            assertEquals("ENABLELOGGING", dflt.string("Source"));
            assertEquals("0", dflt.string("Target"));
            assertEquals("1", props.get("ALLUSERS"));
            assertTrue(props.get("SecureCustomProperties").contains("ENABLELOGGING") && props.get("SecureCustomProperties").contains("TLS12"),
                    props.get("SecureCustomProperties"));
            Row logging = db.table("Registry").rows().stream()
                    .filter(r -> PROVIDER.equals(r.string("Key")) && "EnableLogging".equals(r.string("Name"))).findFirst().orElseThrow();
            assertEquals("#[ENABLELOGGING]", logging.string("Value"));
            assertEquals(2, logging.integer("Root"));
            long schannel = db.table("Registry").rows().stream().filter(r -> r.string("Key").contains("TLS 1.2\\")).count();
            assertEquals(4, schannel, "Enabled and DisabledByDefault for Client and Server");
            assertTrue(db.table("LaunchCondition").rows().stream().anyMatch(r -> r.string("Description").contains("AllowPasswordReset")));
            assertEquals(1, db.table("Upgrade").rows().stream().filter(r -> "WIX_UPGRADE_DETECTED".equals(r.string("ActionProperty"))).count());
        }
    }

    @Test
    void aPackageThatFailsValidationIsNotWritten() throws Exception {
        Path wxs = dir.resolve("bad.wxs");
        Files.writeString(wxs, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Bad" Language="1033" Version="1.0.0" Manufacturer="t" UpgradeCode="{6E6A3C55-3C6B-4F3A-9B8A-0C3E8E2B1A11}">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <Media Id="1" Cabinet="c.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFiles64Folder"><Directory Id="APP" Name="Bad">
                        <Component Id="C32" Guid="{6E6A3C55-3C6B-4F3A-9B8A-0C3E8E2B1A12}" Win64="no"><CreateFolder/></Component>
                      </Directory></Directory>
                    </Directory>
                    <Feature Id="F" Level="1"><ComponentRef Id="C32"/></Feature>
                  </Product>
                </Wix>
                """);
        Path out = dir.resolve("out/bad.msi");
        BuildResult r = WixBuild.build(new BuildRequest(List.of(wxs), out, "x64", Map.of(), List.of(), Map.of(), TIME));
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0190") && d.text().contains("ICE80")), r.diagnostics().toString());
        assertFalse(Files.exists(out), "no output file when validation fails");
        assertFalse(Files.exists(out.getParent()), "nor its folder");
        // the package is written beside its target while validation runs: into an existing folder, nothing stays
        Files.createDirectories(out.getParent());
        assertFalse(WixBuild.build(new BuildRequest(List.of(wxs), out, "x64", Map.of(), List.of(), Map.of(), TIME)).success());
        try (var left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList(), "no staged file left beside the target");
        }
        BuildResult unchecked = WixBuild.build(new BuildRequest(List.of(wxs), out, "x64", Map.of(), List.of(), Map.of(), TIME).withoutValidation());
        assertTrue(unchecked.success(), unchecked.diagnostics().toString());
    }

    /**
     * Group Policy cannot pass properties: the kit's transform must turn logging and TLS 1.2 on by itself, for the
     * product exactly as built.
     */
    @Test
    @Tag("interop")
    void theKitsTransformSetsLoggingAndTlsWithoutCommandLineProperties() throws Exception {
        Path msi = built("x64", null, dir.resolve("p/SsprWindowsLogon.PROD.msi"));
        Path kit = dir.resolve("kit");
        new KitGenerator().with(new TransformPart()).generate(msi, KitOptions.of(true, true), kit);
        Path mst = kit.resolve("SsprWindowsLogon.PROD.mst");
        assertTrue(Files.isRegularFile(mst));
        try (Wine wine = Wine.start(dir.resolve("prefix"))) {
            Tool.Result r = wine.msiexec("/i", winPath(kit.resolve("SsprWindowsLogon.PROD.msi")), "TRANSFORMS=" + winPath(mst), "/qn");
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            assertEquals("0x1", wine.regValue("HKLM\\" + PROVIDER, "EnableLogging"));
            String client = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client";
            assertEquals("0x1", wine.regValue(client, "Enabled"));
            assertEquals("0x0", wine.regValue(client, "DisabledByDefault"));
        }
    }

    /** The FAIL lines and, under each, what Wine said last (the script indents it with "      |"). */
    private static String failures(Tool.Result r) {
        return Stream.of(r.stdout().split("\n")).filter(l -> l.startsWith("FAIL") || l.startsWith("      |"))
                .reduce("", (x, y) -> x + y + "\n");
    }

    /** Wine maps the Unix root to Z:. */
    static String winPath(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }

    /** Every "Done when" point of the product under Wine: launch condition per Windows version, options, upgrade, repair. */
    @ParameterizedTest
    @ValueSource(strings = {"x64", "x86"})
    @Tag("interop")
    void wineLifecycle(String arch) throws Exception {
        Tool.require("wine", "wineserver", "msiinfo", "bash", "Xvfb");
        Path v1 = built(arch, "1.0.0", dir.resolve("1.0.0/SsprWindowsLogon.PROD.msi"));
        Path v2 = built(arch, "1.1.0", dir.resolve("1.1.0/SsprWindowsLogon.PROD.msi"));
        List<String> command = List.of("bash", WIX.resolve("test/wine-lifecycle.sh").toString(), "--upgrade-to", v2.toString(), v1.toString());
        // One run, no retry: the script starts every Wine program by its path (no start.exe in between, whose failed
        // launches on a loaded machine once looked like failed installs) and prints Wine's stderr under each FAIL.
        Tool.Result r = Tool.run(command, null, Map.of("TMPDIR", dir.toString()), 900);
        assertEquals(0, r.exitCode(), () -> "lifecycle failures:\n" + failures(r) + "\n" + r.stderr());
        assertTrue(r.stdout().contains(" passed, 0 failed"), r.stdout());
    }
}
