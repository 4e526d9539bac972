package dev.ssprkit.ca;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The committed DLLs are exactly what {@code native/build.sh} makes from the committed sources with Debian's
 * mingw-w64 (x86, x64) and clang/lld (arm64) (the README's build needs only a JDK and Maven, so the binaries are committed; this proves they are
 * the sources' and nothing else). The build runs in a copy of the sources in a fresh folder, so paths cannot leak in.
 */
@Tag("interop")
class CustomActionRebuildTest {
    static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    static final Path NATIVE = MODULE.resolve("native");
    static final List<String> DLLS = List.of("ssprkit-util-x86.dll", "ssprkit-util-x64.dll", "ssprkit-util-arm64.dll",
            "ssprkit-fw-x86.dll", "ssprkit-fw-x64.dll", "ssprkit-fw-arm64.dll", "ssprkit-http-x86.dll", "ssprkit-http-x64.dll", "ssprkit-http-arm64.dll");
    static final List<String> FIXTURES = List.of("ssprkit-test-sleeper-x86.exe", "ssprkit-test-sleeper-x64.exe", "ssprkit-test-ngen-x86.exe",
            "ssprkit-test-ngen-x64.exe");

    @TempDir Path work;

    private static void requireToolchain() {
        Tool.require("sh", "x86_64-w64-mingw32-gcc", "i686-w64-mingw32-gcc", "clang", "ld.lld", "llvm-dlltool");
    }

    private Path build(Path sources, String... only) {
        Path out = work.resolve("out-" + sources.getFileName());
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", sources.resolve("build.sh").toString(), out.toString()));
        cmd.addAll(List.of(only));
        Tool.Result r = Tool.run(cmd, sources, Map.of(), 900);
        r.assertOk();
        return out;
    }

    private Path copyOfSources(String name) throws IOException {
        Path copy = work.resolve(name);
        try (Stream<Path> s = Files.walk(NATIVE)) {
            for (Path p : s.toList()) {
                Path target = copy.resolve(NATIVE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return copy;
    }

    @Test
    void committedBinariesAreTheSourcesBuiltAgain() throws Exception {
        requireToolchain();
        Path out = build(copyOfSources("sources"));
        for (String dll : DLLS) {
            assertArrayEquals(Files.readAllBytes(MODULE.resolve("src/main/resources/dev/ssprkit/ca").resolve(dll)), Files.readAllBytes(out.resolve(dll)),
                    dll + " differs from a rebuild of native/: run native/update-resources.sh and commit the result");
        }
        for (String exe : FIXTURES) {
            assertArrayEquals(Files.readAllBytes(MODULE.resolve("src/test/resources/dev/ssprkit/ca").resolve(exe)), Files.readAllBytes(out.resolve(exe)),
                    exe + " differs from a rebuild of native/fixtures: run native/update-resources.sh and commit the result");
        }
    }

    @Test
    void anEditedSourceIsCaught() throws Exception {
        requireToolchain();
        Path sources = copyOfSources("edited");
        Path exec = sources.resolve("util/exec.c");
        String text = Files.readString(exec, StandardCharsets.UTF_8);
        // One character of a logged string literal: it ends up in the DLL, so the bytes must change.
        String edited = text.replace("command finished, exit code 0", "command finished, exit code O");
        assertNotEquals(text, edited, "the literal to edit is gone from exec.c; pick another");
        Files.writeString(exec, edited, StandardCharsets.UTF_8);
        Path out = build(sources, "x64"); // one architecture is enough to show the check bites (and halves the time)
        for (String arch : List.of("x64")) {
            String dll = "ssprkit-util-" + arch + ".dll";
            byte[] committed = Files.readAllBytes(MODULE.resolve("src/main/resources/dev/ssprkit/ca").resolve(dll));
            assertFalse(java.util.Arrays.equals(committed, Files.readAllBytes(out.resolve(dll))), dll + " did not change with its source");
        }
        // The firewall DLL does not contain exec.c: it stays the same, so the check is per file, not a blanket "differs".
        assertArrayEquals(Files.readAllBytes(MODULE.resolve("src/main/resources/dev/ssprkit/ca/ssprkit-fw-x64.dll")),
                Files.readAllBytes(out.resolve("ssprkit-fw-x64.dll")));
    }
}
