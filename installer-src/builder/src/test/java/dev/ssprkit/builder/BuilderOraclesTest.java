package dev.ssprkit.builder;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** What the builder writes, judged by msitools, gcab and cabextract, and by our strict structural check. */
class BuilderOraclesTest {
    static final WriteOptions FIXED = new WriteOptions(Instant.parse("2026-02-03T04:05:06Z"));
    @TempDir Path dir;

    private PackageBuilder sample(Path payload) throws Exception {
        Files.createDirectories(payload.resolve("sub"));
        Random rnd = new Random(11);
        byte[] big = new byte[300_000];
        rnd.nextBytes(big);
        Files.write(payload.resolve("random.bin"), big);
        Files.writeString(payload.resolve("notes.txt"), "Notes\n".repeat(20_000), StandardCharsets.US_ASCII);
        Files.write(payload.resolve("empty.dat"), new byte[0]);
        Files.writeString(payload.resolve("sub").resolve("Long Name With Spaces.config"), "<config/>", StandardCharsets.US_ASCII);
        PackageBuilder pkg = PackageBuilder.product("Oracle Sample", "ssprkit tests", "2.1.0", "{11111111-2222-3333-4444-555555555555}");
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "Oracle Sample");
        DirectorySpec cfg = app.subdirectory("CONFIGDIR", "Configuration Files");
        ComponentSpec c1 = pkg.component("Binaries", app);
        c1.file(payload.resolve("random.bin"));
        c1.file(payload.resolve("notes.txt"));
        c1.file(payload.resolve("empty.dat"));
        ComponentSpec c2 = pkg.component("Config", cfg);
        c2.file(payload.resolve("sub").resolve("Long Name With Spaces.config"));
        c2.registry(RegistryRoot.HKLM, "Software\\Oracle Sample", "Installed", RegistryData.integer(1));
        pkg.feature("Complete", "Complete").add(c1, c2);
        return pkg;
    }

    @Test
    void everyTableIsSortedAndEveryRefcountExact() throws Exception {
        Path msi = dir.resolve("a.msi");
        sample(dir.resolve("payload")).write(msi, FIXED);
        assertEquals(List.of(), StructuralCheck.check(msi));
    }

    @Test
    void twoBuildsAreByteIdentical() throws Exception {
        Path a = dir.resolve("a.msi"), b = dir.resolve("b.msi");
        sample(dir.resolve("p1")).write(a, FIXED);
        sample(dir.resolve("p1")).write(b, FIXED);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void fileRowsHashesAndMediaDescribeThePayload() throws Exception {
        Path msi = dir.resolve("a.msi");
        sample(dir.resolve("payload")).write(msi, FIXED);
        try (Database db = MsiReader.read(msi)) {
            List<Row> files = new ArrayList<>(db.table("File").rows());
            files.sort((x, y) -> Integer.compare(x.integer("Sequence"), y.integer("Sequence")));
            assertEquals(List.of("random.bin", "notes.txt", "empty.dat", "Long_Name_With_Spaces.config"),
                    files.stream().map(r -> r.string("File")).toList());
            assertEquals(300_000, files.get(0).integer("FileSize"));
            assertTrue(files.get(3).string("FileName").endsWith("|Long Name With Spaces.config"), files.get(3).string("FileName"));
            assertEquals(4, db.table("MsiFileHash").rows().size(), "unversioned files get an MD5 hash row");
            Row media = db.table("Media").rows().get(0);
            assertEquals(4, media.integer("LastSequence"));
            assertEquals("#product.cab", media.string("Cabinet"));
            assertTrue(db.streams().containsKey("product.cab"));
            assertEquals("x64;1033", db.summary().template);
            assertEquals(0x100, db.table("Component").find("Binaries").integer("Attributes") & 0x100, "x64 components are 64-bit");
        }
    }

    @Test
    @Tag("interop")
    void msiextractAndCabextractGiveBackEveryFileByteIdentical() throws Exception {
        Tool.require("msiextract", "cabextract", "gcab");
        Path payload = dir.resolve("payload");
        Path msi = dir.resolve("a.msi");
        sample(payload).write(msi, FIXED);

        Path out = dir.resolve("msiextract");
        Files.createDirectories(out);
        Tool.run(List.of("msiextract", "-C", out.toString(), msi.toString()), null, java.util.Map.of(), 120).assertOk();
        assertSameFile(payload.resolve("random.bin"), find(out, "random.bin"));
        assertSameFile(payload.resolve("notes.txt"), find(out, "notes.txt"));
        assertSameFile(payload.resolve("empty.dat"), find(out, "empty.dat"));
        assertSameFile(payload.resolve("sub/Long Name With Spaces.config"), find(out, "Long Name With Spaces.config"));

        Path cab = dir.resolve("product.cab");
        try (Database db = MsiReader.read(msi)) {
            Files.write(cab, db.streams().get("product.cab").readAllBytes());
        }
        Tool.Result test = Tool.run("cabextract", "-t", cab.toString()).assertOk();
        assertTrue(test.stdout().contains("All done, no errors"), test.stdout());
        Tool.Result list = Tool.run("gcab", "-t", cab.toString()).assertOk();
        List<String> names = list.stdout().lines().map(l -> l.split("\\s+")[0]).filter(s -> !s.isBlank()).toList();
        assertEquals(List.of("random.bin", "notes.txt", "empty.dat", "Long_Name_With_Spaces.config"), names, "cabinet order = File.Sequence, names = File keys");
    }

    @Test
    void aMissingSourceFileLeavesNoOutputAndNoTemporaryFiles() throws Exception {
        PackageBuilder pkg = sample(dir.resolve("payload"));
        pkg.component("Ghost", pkg.directory("INSTALLDIR")).file(dir.resolve("payload").resolve("does-not-exist.dll"));
        pkg.feature("More", "More").add(pkg.components.get("Ghost"));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Exception e = assertThrows(java.nio.file.NoSuchFileException.class, () -> pkg.write(out.resolve("x.msi"), FIXED));
        assertTrue(e.getMessage().contains("does-not-exist.dll"), e.getMessage());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList());
        }
    }

    private static Path find(Path root, String name) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not extracted under " + root));
        }
    }

    private static void assertSameFile(Path expected, Path actual) throws Exception {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual.toString());
    }
}
