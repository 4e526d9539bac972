package dev.ssprkit.msi;

import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.cab.CabinetWriter;
import dev.ssprkit.msi.layout.InstallLayout;
import dev.ssprkit.msi.layout.PackageExtractor;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each leniency of issue #17 on a small package we write, with the warning it must give and its hostile variant,
 * which must still be refused cleanly; and extraction that leaves the target as it was when it fails halfway.
 */
class LenientReadingTest {
    static final byte[] A = "first file\n".getBytes(StandardCharsets.UTF_8), B = "second file, in the orphan\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /**
     * A 32-bit package: TARGETDIR / ProgramFilesFolder / App holds a.txt; Orphan's parent "Missing" has no row and
     * holds b.txt. One embedded cabinet #cab1.cab.
     */
    static Database fixture(Path work, String[]... extraDirs) throws IOException {
        Database db = new Database();
        db.table("Property").add("ProductCode", "{12345678-1234-1234-1234-123456789ABC}");
        db.table("Directory").add("TARGETDIR", null, "SourceDir");
        db.table("Directory").add("ProgramFilesFolder", "TARGETDIR", ".");
        db.table("Directory").add("App", "ProgramFilesFolder", "app|My App");
        db.table("Directory").add("Orphan", "Missing", "Orphan");
        for (String[] d : extraDirs) db.table("Directory").add(d[0], d[1], d[2]);
        db.table("Component").add("C1", "{11111111-2222-3333-4444-555555555555}", "App", 0, null, "a.txt");
        db.table("Component").add("C2", "{11111111-2222-3333-4444-666666666666}", "Orphan", 0, null, "b.txt");
        db.table("File").add("a.txt", "C1", "a.txt", A.length, null, null, 0, 1);
        db.table("File").add("b.txt", "C2", "b.txt", B.length, null, null, 0, 2);
        db.table("Media").add(1, 2, null, "#cab1.cab", null, null);
        Path cab = work.resolve("cab1.cab");
        new CabinetWriter(CabOptions.defaults()).add("a.txt", A).add("b.txt", B).write(cab);
        db.putStream("cab1.cab", StreamData.of(Files.readAllBytes(cab)));
        db.summary().template = "Intel;1033";
        return db;
    }

    Path write(Database db, String name) throws IOException {
        Path msi = dir.resolve(name);
        new MsiWriter(WriteTestSupport.OPTIONS).writeTo(db, msi);
        return msi;
    }

    /**
     * msiextract (msitools) and lessmsi hang a directory whose parent has no row from the root; we extract the same
     * files to the same paths (msiextract names ProgramFilesFolder "Program Files", as Windows does on x86), and say
     * so in a warning with ICE03, the foreign-key check that reports it.
     */
    @Test
    @Tag("interop")
    void aDanglingParentIsARootAsForMsiextract() throws Exception {
        Tool.require("msiextract");
        Path msi = write(fixture(dir), "dangling.msi");
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Tool.run(List.of("msiextract", "-C", theirs.toString(), msi.toString()), dir, Map.of(), 120).assertOk();
        try (Database db = MsiReader.read(msi)) {
            PackageExtractor.Extraction x = new PackageExtractor(db, msi, InstallLayout.Style.WINDOWS).extractTo(dir.resolve("ours"));
            assertEquals(files(theirs), files(dir.resolve("ours")));
            assertTrue(x.warnings().stream().anyMatch(w -> "ICE03".equals(w.ice()) && w.where().contains("Orphan") && w.what().contains("Missing")), x.warnings().toString());
        }
        assertEquals(Map.of("Program Files/My App/a.txt", md5(A), "Orphan/b.txt", md5(B)), files(dir.resolve("ours")));
    }

    /** Hostile variant: a loop in the Directory tree has no root at all; refused with the loop named, nothing written. */
    @Test
    void aDirectoryLoopIsRefused() throws Exception {
        Database db = fixture(dir, new String[] {"LoopA", "LoopB", "a"}, new String[] {"LoopB", "LoopA", "b"});
        db.table("Component").add("C3", "{11111111-2222-3333-4444-777777777777}", "LoopA", 0, null, null);
        Path msi = write(db, "loop.msi");
        try (Database read = MsiReader.read(msi)) {
            MsiException e = assertThrows(MsiException.class, () -> new PackageExtractor(read, msi, InstallLayout.Style.WINDOWS).extractTo(dir.resolve("out")));
            assertTrue(e.getMessage().contains("its own ancestor"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("out")));
    }

    /** {@code --layout ids}: standard folders under their Directory ids. */
    @Test
    void theIdsLayoutKeepsStandardFolderIds() throws Exception {
        try (Database db = MsiReader.read(write(fixture(dir), "ids.msi"))) {
            assertEquals("ProgramFilesFolder/My App/a.txt", new InstallLayout(db, InstallLayout.Style.IDS).files().get("a.txt"));
            assertEquals("Program Files/My App/a.txt", new InstallLayout(db).files().get("a.txt"));
        }
    }

    /** Issue #12: extraction killed after one file (a fault injected) leaves a new target absent. */
    @Test
    void aFailureHalfwayLeavesANewTargetAbsent() throws Exception {
        Path msi = write(fixture(dir), "p.msi");
        Path out = dir.resolve("new-out");
        try (Database db = MsiReader.read(msi)) {
            IOException e = assertThrows(IOException.class, () -> new PackageExtractor(db, msi, InstallLayout.Style.WINDOWS)
                    .hook(p -> { throw new IOException("injected fault after " + p.getFileName()); }).extractTo(out));
            assertTrue(e.getMessage().contains("injected fault"), e.getMessage());
        }
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "no staging folder left behind");
        }
    }

    /** Issue #12: the same fault while extracting into a folder that has files leaves every file as it was. */
    @Test
    void aFailureHalfwayLeavesAnExistingFolderAsItWas() throws Exception {
        Path msi = write(fixture(dir), "p.msi");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Files.createDirectories(out.resolve("Program Files/My App"));
        Files.writeString(out.resolve("Program Files/My App/a.txt"), "old a");
        Map<String, String> before = files(out);
        try (Database db = MsiReader.read(msi)) {
            int[] n = {0};
            assertThrows(IOException.class, () -> new PackageExtractor(db, msi, InstallLayout.Style.WINDOWS)
                    .hook(p -> { if (++n[0] == 2) throw new IOException("injected fault"); }).extractTo(out));
            assertEquals(before, files(out));
            // and without the fault, the files are replaced and the user's other files stay
            new PackageExtractor(db, msi, InstallLayout.Style.WINDOWS).extractTo(out);
        }
        assertEquals(Map.of("keep.txt", md5("mine".getBytes(StandardCharsets.UTF_8)), "Program Files/My App/a.txt", md5(A), "Orphan/b.txt", md5(B)), files(out));
    }

    /**
     * Windows does not enforce column widths when it reads (Microsoft's VC++ 2005 redistributable has 73-75 character
     * Component.KeyPath values); msibuild (msitools) writes such a value for us, msiinfo reads it back whole, and so
     * do we, with an ICE03 warning.
     */
    @Test
    @Tag("interop")
    void anOverWideStringIsReadWholeWithAWarning() throws Exception {
        Tool.require("msibuild", "msiinfo");
        Path msi = write(fixture(dir), "wide.msi");
        String wide = "K".repeat(80);
        Tool.run(List.of("msibuild", msi.toString(), "-q", "UPDATE `Component` SET `KeyPath` = '" + wide + "' WHERE `Component` = 'C1'"), dir, Map.of(), 60).assertOk();
        String export = Tool.run(List.of("msiinfo", "export", msi.toString(), "Component"), dir, Map.of(), 60).assertOk().stdout();
        assertTrue(export.contains(wide), export);
        try (Database db = MsiReader.read(msi)) {
            assertEquals(wide, db.tableOrNull("Component").find("C1").string("KeyPath"));
            assertTrue(db.readWarnings().stream().anyMatch(w -> "ICE03".equals(w.ice()) && w.where().contains("Component") && w.where().contains("KeyPath")
                    && w.what().contains("80 characters; the column holds 72")), db.readWarnings().toString());
        }
    }

    /**
     * A file continued from Disk1.cab into Disk2.cab (two Media rows, external cabinets beside the package): the
     * makecab set from jsign's test data that the cab module keeps (see its resources/spanning/README.md). Every file
     * comes out whole, with the MD5 {@code cabextract -t} gives for the set.
     */
    @Test
    @Tag("interop")
    void aFileSpanningTwoMediaIsExtractedWhole() throws Exception {
        Tool.require("cabextract");
        Path set = Path.of("..", "cab", "src", "test", "resources", "spanning").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(set), "the cab module's spanning fixture is missing at " + set);
        Files.copy(set.resolve("sample2-disk1.cab"), dir.resolve("sample2-disk1.cab"));
        Files.copy(set.resolve("sample2-disk2.cab"), dir.resolve("sample2-disk2.cab"));
        String t = Tool.run(List.of("cabextract", "-t", "sample2-disk1.cab"), dir, Map.of(), 60).assertOk().stdout();
        Map<String, String> expected = new TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s+(\\S+)\\s+OK\\s+([0-9a-f]{32})$").matcher(t);
        while (m.find()) expected.put("App/" + m.group(1), m.group(2));
        assertEquals(2, expected.size(), t);
        Database db = new Database();
        db.table("Directory").add("TARGETDIR", null, "SourceDir");
        db.table("Directory").add("INSTALLDIR", "TARGETDIR", "App");
        db.table("Component").add("C1", "{11111111-2222-3333-4444-555555555555}", "INSTALLDIR", 0, null, null);
        db.table("File").add("MORE.exe", "C1", "MORE.exe", 6942, null, null, 0, 1);
        db.table("File").add("wineyes.exe", "C1", "wineyes.exe", 40960, null, null, 0, 2);
        db.table("Media").add(1, 1, "Disk 1", "sample2-disk1.cab", null, null);
        db.table("Media").add(2, 2, "Disk 2", "sample2-disk2.cab", null, null);
        Path msi = write(db, "spanning.msi");
        try (Database read = MsiReader.read(msi)) {
            new PackageExtractor(read, msi, InstallLayout.Style.WINDOWS).extractTo(dir.resolve("out"));
        }
        assertEquals(expected, files(dir.resolve("out")));
    }

    /**
     * A merge module: a database with a ModuleSignature table, its files in the MergeModule.CABinet stream and no Media
     * table (MSI SDK, "Merge Module Database Tables"). It is read as a merge module and its files are extracted.
     */
    @Test
    void aMergeModuleIsReadAndExtracted() throws Exception {
        Database db = new Database();
        db.createTable(new dev.ssprkit.msi.schema.TableSchema("ModuleSignature", List.of(
                dev.ssprkit.msi.schema.Col.s("ModuleID", 72).key().build(), dev.ssprkit.msi.schema.Col.i2("Language").key().build(),
                dev.ssprkit.msi.schema.Col.s("Version", 32).build()))).add("Sample.11111111_2222_3333_4444_555555555555", 0, "1.0.0");
        db.table("Directory").add("TARGETDIR", null, "SourceDir");
        db.table("Directory").add("SystemFolder.11111111_2222_3333_4444_555555555555", "TARGETDIR", ".");
        db.table("Component").add("C1.11111111_2222_3333_4444_555555555555", "{11111111-2222-3333-4444-555555555555}",
                "SystemFolder.11111111_2222_3333_4444_555555555555", 0, null, null);
        db.table("File").add("a.dll.11111111_2222_3333_4444_555555555555", "C1.11111111_2222_3333_4444_555555555555", "a.dll", A.length, null, null, 0, 1);
        Path cab = dir.resolve("module.cab");
        new CabinetWriter(CabOptions.defaults()).add("a.dll.11111111_2222_3333_4444_555555555555", A).write(cab);
        db.putStream(PackageExtractor.MERGE_MODULE_CABINET, StreamData.of(Files.readAllBytes(cab)));
        Path msm = write(db, "sample.msm");
        try (Database read = MsiReader.read(msm)) {
            assertEquals("merge module", read.kind());
            new PackageExtractor(read, msm, InstallLayout.Style.IDS).extractTo(dir.resolve("ids"));
            new PackageExtractor(read, msm, InstallLayout.Style.WINDOWS).extractTo(dir.resolve("windows"));
        }
        // a module's directory ids carry the module's GUID; mergemod points SystemFolder.<guid> at SystemFolder,
        // which on 32-bit Windows (no Template: an x86 view) is Windows\System32 (MSI SDK, SystemFolder property)
        assertEquals(Map.of("SystemFolder.11111111_2222_3333_4444_555555555555/a.dll", md5(A)), files(dir.resolve("ids")));
        assertEquals(Map.of("Windows/System32/a.dll", md5(A)), files(dir.resolve("windows")));
    }

    static Map<String, String> files(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString().replace('\\', '/'), md5(Files.readAllBytes(p)));
        }
        return out;
    }

    static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }
}
