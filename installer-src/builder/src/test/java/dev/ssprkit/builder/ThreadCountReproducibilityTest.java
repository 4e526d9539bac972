package dev.ssprkit.builder;

import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.cab.CompressionLevel;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cabinet is compressed on several threads, but the package must not depend on how many: 1, 2 and 4 threads give
 * the same bytes (needs no outside program, so it always runs), and msiextract and Wine's msiexec give back every file
 * of that package (interop).
 */
class ThreadCountReproducibilityTest {
    @TempDir Path dir;

    /** About 3 MB: text and random files of awkward sizes, so blocks straddle files and mix compressible and not. */
    private List<Path> payload() throws Exception {
        Path root = dir.resolve("payload");
        Files.createDirectories(root);
        Random rnd = new Random(2026);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Path p = root.resolve("file" + i + (i % 3 == 0 ? ".bin" : ".txt"));
            int size = 1 + rnd.nextInt(250_000);
            byte[] b;
            if (i % 3 == 0) {
                b = new byte[size];
                rnd.nextBytes(b);
            } else {
                StringBuilder sb = new StringBuilder(size + 16);
                while (sb.length() < size) sb.append("word").append(rnd.nextInt(3000)).append(rnd.nextInt(9) == 0 ? "\r\n" : " ");
                b = sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
            }
            Files.write(p, b);
            files.add(p);
        }
        return files;
    }

    private static void build(List<Path> files, int threads, Path msi) throws Exception {
        PackageBuilder pkg = PackageBuilder.product("Threads", "ssprkit tests", "1.0.0", "{3C1B5E2A-7D4F-4A8B-9C0D-1E2F3A4B5C6D}")
                .cabinetOptions(CabOptions.builder().threads(threads).level(CompressionLevel.MEDIUM).build());
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "ssprkit Threads");
        ComponentSpec c = pkg.component("Payload", app);
        for (Path f : files) c.file(f);
        pkg.feature("Complete", "Everything").add(c);
        pkg.write(msi, new WriteOptions(Instant.parse("2026-03-04T05:06:07Z")));
    }

    @Test
    void oneTwoAndFourThreadsGiveTheSamePackage() throws Exception {
        List<Path> files = payload();
        Path one = dir.resolve("t1.msi"), two = dir.resolve("t2.msi"), four = dir.resolve("t4.msi");
        build(files, 1, one);
        build(files, 2, two);
        build(files, 4, four);
        assertEquals(-1L, Files.mismatch(one, two), "1 and 2 threads");
        assertEquals(-1L, Files.mismatch(one, four), "1 and 4 threads");
    }

    @Test
    @Tag("interop")
    void theMultiThreadedPackageExtractsAndInstallsEveryFile() throws Exception {
        Tool.require("msiextract", "wine");
        List<Path> files = payload();
        Path four = dir.resolve("t4.msi");
        build(files, 4, four);

        Path out = dir.resolve("msiextract");
        Files.createDirectories(out);
        Tool.run(List.of("msiextract", "-C", out.toString(), four.toString()), null, Map.of(), 120).assertOk();
        for (Path f : files) assertEquals(-1L, Files.mismatch(f, find(out, f.getFileName().toString())), "msiextract: " + f.getFileName());

        try (Wine wine = Wine.start(dir.resolve("prefix"))) {
            Path log = dir.resolve("install.log");
            Tool.Result r = wine.msiexec("/i", four.toString(), "/qn", "/l*v", log.toString());
            assertEquals(0, r.exitCode(), () -> "msiexec /i failed; log:\n" + WineLifecycleTest.readLog(log));
            Path installed = wine.cDrive("C:\\Program Files\\ssprkit Threads");
            for (Path f : files) assertEquals(-1L, Files.mismatch(f, installed.resolve(f.getFileName().toString())), "Wine: " + f.getFileName());
        }
    }

    private static Path find(Path root, String name) throws Exception {
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not extracted under " + root));
        }
    }
}
