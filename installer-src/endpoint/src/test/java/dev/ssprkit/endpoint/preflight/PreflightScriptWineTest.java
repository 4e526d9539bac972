package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.registry.InMemoryRegistry;
import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The generated {@code sspr-preflight.cmd} under {@code wine cmd}, on every fixture machine: Wine's regedit imports the
 * fixture into a prefix, the script reads it with Wine's {@code reg query}, and its JSON must equal the Java
 * preflight's (offline) for the same registry — machine, OS, facts and every finding, in order — and its exit status
 * must say whether a blocker was found. The Java side sees the prefix's own registry (exported once with
 * {@code wine reg export}) with the fixture applied as regedit applies it.
 */
@Tag("interop")
class PreflightScriptWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;
    static Path script;
    static InMemoryRegistry baseline;

    @BeforeAll
    static void prepare() throws Exception {
        script = Files.writeString(dir.resolve(PreflightScripts.CMD), new PreflightScripts().cmd(), StandardCharsets.UTF_8);
        importReg("reset", Files.readString(PreflightFixtures.root().resolve("reset.reg.txt")));
        baseline = new InMemoryRegistry();
        for (String hive : new String[] {"HKLM", "HKU"}) {
            Path export = dir.resolve(hive + ".reg");
            wine.wine("reg", "export", hive, winPath(export), "/y").assertOk();
            copy(RegFile.readForChecking(export), baseline);
        }
        Files.createDirectories(dir.resolve("no-profiles"));
    }

    @TestFactory
    Stream<DynamicTest> theCmdFindsWhatTheJavaPreflightFinds() throws Exception {
        return PreflightFixtures.all().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            importReg("reset", Files.readString(PreflightFixtures.root().resolve("reset.reg.txt")));
            importReg(f.name(), f.regText());
            Path profiles = Files.isDirectory(f.profiles()) ? f.profiles() : dir.resolve("no-profiles");
            Tool.Result r = wine.wine("cmd", "/c", winPath(script), "/profiles", winPath(profiles));
            PreflightReport cmd;
            try {
                cmd = PreflightReport.fromJson(r.stdout());
            } catch (RuntimeException e) {
                throw new AssertionError(f.name() + ": the .cmd printed no valid JSON (" + e.getMessage() + "):\n" + r.stdout() + "\n" + r.stderr(), e);
            }

            InMemoryRegistry machine = new InMemoryRegistry();
            copy(baseline, machine);
            PreflightFixtures.apply(machine, RegFile.parse(PreflightFixtures.regeditBytes(f.regText())));
            OsFacts os = OsFacts.fromRegistry(machine);
            PreflightReport java = new Preflight(machine, os, (h, p, t) -> null, PreflightOptions.defaults().offline().withNetworkProfiles(profiles)).run();

            assertEquals(java.machine(), cmd.machine(), f.name());
            assertEquals(java.os(), cmd.os(), f.name());
            assertEquals(java.facts(), cmd.facts(), f.name());
            assertEquals(java.findings(), cmd.findings(), f.name());
            assertEquals(java.blockers().isEmpty() ? 0 : 1, r.exitCode(), f.name() + ": exit status 1 exactly when a blocker is found");
        }));
    }

    private static void importReg(String name, String text) throws Exception {
        Path reg = Files.write(dir.resolve(name + ".reg"), PreflightFixtures.regeditBytes(text));
        wine.wine("regedit", "/S", winPath(reg)).assertOk();
    }

    private static void copy(InMemoryRegistry from, InMemoryRegistry to) {
        for (RegistryKey k : from.keys()) {
            to.createKey(k);
            for (Map.Entry<String, RegistryValue> v : from.values(k).entrySet()) to.set(k, v.getKey(), v.getValue());
        }
    }

    static String winPath(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }
}
