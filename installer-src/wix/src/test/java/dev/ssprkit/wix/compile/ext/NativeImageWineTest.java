package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * netfx:NativeImage (WiX v4 namespace, x64), compiled by our compiler and run by Wine 8's msiexec. Wine has no .NET
 * Framework, so a test-only stand-in for ngen.exe (native/fixtures/ngen.c: it appends its command line to
 * C:\windows\Microsoft.NET\ngen-calls.txt) is put where the frameworks keep theirs, for the 32-bit (v2.0.50727 and
 * v4.0.30319: the highest version is used) and the 64-bit (v4.0.30319) framework.
 *
 * <p>Expected command lines, from WiX's NativeImage documentation and its NetFx custom action's documented behaviour,
 * and ngen.exe's documented syntax ({@code ngen install <assembly> [/queue[:1|2|3]] [/Debug] [/Profile]
 * [/NoDependencies] [/ExeConfig:<exe>] [/AppBase:<dir>]}, {@code ngen uninstall <assembly>}, {@code ngen update
 * /queue}): on install, each assembly is installed into the native image cache by the ngen of each framework its
 * Platform selects, then each framework used gets {@code update /queue}; on uninstall each is uninstalled the same way.
 * The paths are quoted; a directory ends in a doubled backslash so that its closing quote stays a quote. What Wine
 * cannot show: a real NGen (there is none), so that native images are made, queued or removed is not shown.
 */
@Tag("interop")
class NativeImageWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final Path FIXTURE = Path.of(System.getProperty("basedir", "."))
            .resolve("../customactions/src/test/resources/dev/ssprkit/ca/ssprkit-test-ngen-x64.exe");
    static final String FW32 = "C:\\windows\\Microsoft.NET\\Framework\\v4.0.30319\\ngen.exe";
    static final String FW32_OLD = "C:\\windows\\Microsoft.NET\\Framework\\v2.0.50727\\ngen.exe";
    static final String FW64 = "C:\\windows\\Microsoft.NET\\Framework64\\v4.0.30319\\ngen.exe";
    static final String CALLS = "C:\\windows\\Microsoft.NET\\ngen-calls.txt";
    static final String APP = "C:\\Program Files\\ssprkit ngen\\app.exe";
    static final String LIB = "C:\\Program Files\\ssprkit ngen\\lib.dll";

    private static String read(Path log) throws Exception {
        byte[] b = Files.readAllBytes(log);
        return b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Runs msiexec; returns its exit code and removes the ngen calls it made, which are returned in calls. */
    private int run(String name, List<String> calls, String... args) throws Exception {
        Path log = dir.resolve(name + ".log");
        Path callFile = wine.cDrive(CALLS);
        Files.deleteIfExists(callFile);
        List<String> all = new ArrayList<>(List.of(args));
        all.add("/l*v");
        all.add(log.toString());
        int code = wine.msiexec(all.toArray(String[]::new)).exitCode();
        calls.clear();
        if (Files.exists(callFile)) calls.addAll(Files.readAllLines(callFile, StandardCharsets.UTF_8));
        assertEquals(0, code, read(log));
        return code;
    }

    private static String q(String path) {
        return "\"" + path + "\"";
    }

    @Test
    void installAndUninstallRunTheDocumentedNgenCommands() throws Exception {
        for (String ngen : List.of(FW32, FW32_OLD, FW64)) {
            Path target = wine.cDrive(ngen);
            Files.createDirectories(target.getParent());
            Files.copy(FIXTURE, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path msi = dir.resolve("ngen.msi");
        Files.writeString(dir.resolve("app.exe"), "not really an assembly");
        Files.writeString(dir.resolve("lib.dll"), "not really an assembly either");
        BuildResult r = TestBuild.build(dir, NativeImageTest.V4, msi, b -> b.platform("x64"));
        assertTrue(r.success(), r.diagnostics().toString());

        List<String> calls = new ArrayList<>();
        run("install", calls, "/i", msi.toString(), "/qn");
        // app.exe: Platform all, Priority 1, AppBaseDirectory INSTALLFOLDER; lib.dll: 64bit, Priority 0 (not queued),
        // Debug, Profile, Dependencies="no", AssemblyApplication app.exe
        List<String> images = List.of(
                q(FW32) + " install " + q(APP) + " /queue:1 /AppBase:\"C:\\Program Files\\ssprkit ngen\\\\\"",
                q(FW64) + " install " + q(APP) + " /queue:1 /AppBase:\"C:\\Program Files\\ssprkit ngen\\\\\"",
                q(FW64) + " install " + q(LIB) + " /Debug /Profile /NoDependencies /ExeConfig:" + q(APP));
        assertEquals(images.stream().sorted().toList(), calls.subList(0, 3).stream().sorted().toList(), calls.toString());
        assertEquals(List.of(q(FW32) + " update /queue", q(FW64) + " update /queue"), calls.subList(3, calls.size()));

        run("uninstall", calls, "/x", msi.toString(), "/qn");
        List<String> removed = List.of(q(FW32) + " uninstall " + q(APP), q(FW64) + " uninstall " + q(APP), q(FW64) + " uninstall " + q(LIB));
        assertEquals(removed.stream().sorted().toList(), calls.subList(0, 3).stream().sorted().toList(), calls.toString());
        assertEquals(List.of(q(FW32) + " update /queue", q(FW64) + " update /queue"), calls.subList(3, calls.size()));
    }
}
