package dev.ssprkit.endpoint.interop;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.DirectorySpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.Platform;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.endpoint.msiexec.MsiexecExit;
import dev.ssprkit.endpoint.msiexec.MsiexecResult;
import dev.ssprkit.endpoint.msiexec.MsiexecRunner;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.transform.TransformOptions;
import dev.ssprkit.msi.transform.TransformReader;
import dev.ssprkit.msi.transform.TransformWriter;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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
 * Under Wine: the msiexec runner installs and removes a PackageBuilder package (with a quoted property value), and a
 * transform written by TransformWriter changes, adds and deletes Property rows of a package at install time
 * ({@code TRANSFORMS=x.mst}), as Group Policy deploys it.
 */
@Tag("interop")
class WineDeploymentTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;



    static MsiexecRunner runner() {
        return MsiexecRunner.builder().command(Wine.command("msiexec"))
                .environment(wine.environment())
                .retryOnBusy(3, java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5)).timeout(java.time.Duration.ofMinutes(5)).build();
    }

    /** A package whose credential provider key gets EnableLogging = #[ENABLELOGGING], plus values showing other properties. */
    static Path sspLikePackage(String name, String upgradeCode) throws Exception {
        Path payload = Files.createDirectories(dir.resolve(name + "-payload")).resolve("readme.txt");
        Files.writeString(payload, "ssprkit " + name + "\r\n", StandardCharsets.US_ASCII);
        PackageBuilder pkg = PackageBuilder.product("ssprkit " + name, "ssprkit tests", "1.0.0", upgradeCode).platform(Platform.X64);
        pkg.property("ENABLELOGGING", "0");
        pkg.property("GREETING", "default");
        pkg.property("DELETEME", "present");
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "ssprkit " + name);
        ComponentSpec c = pkg.component("Main", app);
        c.file(payload);
        String key = SsprKeys.CREDENTIAL_PROVIDER.path();
        c.registry(RegistryRoot.HKLM, key, "EnableLogging", RegistryData.integerFormatted("[ENABLELOGGING]"));
        c.registry(RegistryRoot.HKLM, key, "Greeting", RegistryData.string("[GREETING]"));
        c.registry(RegistryRoot.HKLM, key, "Deleted", RegistryData.string("x[DELETEME]y"));
        c.registry(RegistryRoot.HKLM, key, "Added", RegistryData.string("<[ADDED]>"));
        pkg.feature("Complete", "Everything").add(c);
        Path msi = dir.resolve(name + ".msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        return msi;
    }

    @Test
    void runnerInstallsWithAQuotedPropertyAndUninstalls() throws Exception {
        Path msi = sspLikePackage("runner", "{0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}");
        String key = SsprKeys.CREDENTIAL_PROVIDER.toString();
        MsiexecResult install = runner().install(msi, Map.of("GREETING", "hello from the runner", "ENABLELOGGING", "1"), dir.resolve("logs/runner-install.log"));
        assertEquals(MsiexecExit.SUCCESS, install.exit(), install.describe());
        assertEquals("hello from the runner", wine.regValue(key, "Greeting"));
        assertEquals("0x1", wine.regValue(key, "EnableLogging"));
        assertTrue(Files.exists(wine.cDrive("C:\\Program Files\\ssprkit runner\\readme.txt")));

        MsiexecResult uninstall = runner().uninstall(msi.toString(), Map.of(), dir.resolve("logs/runner-uninstall.log"));
        assertEquals(MsiexecExit.SUCCESS, uninstall.exit(), uninstall.describe());
        assertNull(wine.regValue(key, "EnableLogging"));
        assertFalse(Files.exists(wine.cDrive("C:\\Program Files\\ssprkit runner")));

        MsiexecResult missing = runner().install(dir.resolve("no-such-package.msi"), Map.of(), dir.resolve("logs/missing.log"));
        // Windows returns 1619 here; Wine's msiexec returns 2 (file not found): an unknown code, reported as a failure
        assertFalse(missing.exit().succeeded(), missing.describe());
    }

    @Test
    void transformSetsEnableLoggingAddsAndDeletesProperties() throws Exception {
        Path msi = sspLikePackage("gpo", "{1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F0}");
        Path mst = dir.resolve("enable-logging.mst");
        try (Database base = MsiReader.read(msi)) {
            Database target = MsiReader.read(msi);
            Table p = target.table("Property");
            p.remove(p.find("ENABLELOGGING"));
            p.add("ENABLELOGGING", "1");
            p.remove(p.find("DELETEME"));
            p.add("ADDED", "added by transform");
            Table registry = target.table("Registry");
            registry.remove(registry.rows().stream().filter(r -> "Deleted".equals(r.get("Name"))).findFirst().orElseThrow());
            TransformWriter.write(base, target, mst, TransformOptions.defaults());
            target.close();
        }

        // our reader applies it
        try (Database applied = MsiReader.read(msi)) {
            TransformReader.Result r = TransformReader.apply(applied, mst);
            assertEquals(1, r.rowsUpdated());
            assertEquals(1, r.rowsAdded());
            assertEquals(2, r.rowsDeleted());
            assertEquals("1", applied.table("Property").find("ENABLELOGGING").get(1));
            assertEquals("added by transform", applied.table("Property").find("ADDED").get(1));
            assertNull(applied.table("Property").find("DELETEME"));
        }

        // msitools opens it: summary information (PID 16 is msiinfo's "Restrict")
        if (Tool.onPath("msiinfo") || Tool.interopRequired()) {
            Tool.Result sum = Tool.run("msiinfo", "suminfo", mst.toString()).assertOk();
            assertTrue(sum.stdout().contains("Template: x64;1033"), sum.stdout());
            assertTrue(sum.stdout().contains("Restrict: 134348800 (8020000)"), sum.stdout());
            Tool.run("msiinfo", "streams", mst.toString()).assertOk();
        }

        // Wine's msiexec applies it at install time
        String key = SsprKeys.CREDENTIAL_PROVIDER.toString();
        Path log = dir.resolve("logs/gpo-install.log");
        // Wine resolves a relative TRANSFORMS against a Windows-style package path only, so give the transform as Z:\...
        String windowsMst = "Z:" + mst.toAbsolutePath().toString().replace('/', '\\');
        MsiexecResult install = runner().run(MsiexecRunner.Operation.INSTALL, msi.toString(), Map.of("TRANSFORMS", windowsMst), log);
        assertEquals(MsiexecExit.SUCCESS, install.exit(), install.describe());
        assertEquals("0x1", wine.regValue(key, "EnableLogging"));
        assertEquals("REG_DWORD", wine.regType(key, "EnableLogging"));
        assertEquals("<added by transform>", wine.regValue(key, "Added"));
        // the deleted Registry row is not installed; (a deleted Property row is applied to the table too, as Wine's trace
        // shows, but Wine has already copied the properties by then, so its value would still be seen in formatting)
        assertNull(wine.regValue(key, "Deleted"));
        assertEquals("default", wine.regValue(key, "Greeting"));
        assertEquals(MsiexecExit.SUCCESS, runner().uninstall(msi.toString(), Map.of(), dir.resolve("logs/gpo-uninstall.log")).exit());

        // and without the transform the package keeps its own values
        assertEquals(MsiexecExit.SUCCESS, runner().install(msi, Map.of(), dir.resolve("logs/plain.log")).exit());
        assertEquals("0x0", wine.regValue(key, "EnableLogging"));
        assertEquals("xpresenty", wine.regValue(key, "Deleted"));
        assertEquals(MsiexecExit.SUCCESS, runner().uninstall(msi.toString(), Map.of(), dir.resolve("logs/plain-uninstall.log")).exit());
    }
}
