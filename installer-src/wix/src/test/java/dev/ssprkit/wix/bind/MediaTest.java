package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where files go (issue #11): MediaTemplate splits payload into several cabinets (by MaximumUncompressedMediaSize, and
 * at 65,535 files), external cabinets lie beside the package, the cabinet cache gives the same bytes as a fresh
 * build and survives a corrupted entry. Judged by msiinfo, msiextract, cabextract and Wine's msiexec.
 */
@Tag("interop")
class MediaTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    private static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");
    @TempDir Path dir;

    private static String pkg(String media, String product) {
        return "<Wix xmlns=\"http://wixtoolset.org/schemas/v4/wxs\">\n"
                + "  <Package Name=\"" + product + "\" Manufacturer=\"ssprkit tests\" Version=\"1.0.0\" UpgradeCode=\"{6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}\">\n"
                + "    " + media + "\n"
                + "    <StandardDirectory Id=\"ProgramFiles6432Folder\"><Directory Id=\"INSTALLFOLDER\" Name=\"" + product + "\"/></StandardDirectory>\n"
                + "    <Feature Id=\"Main\"><Files Include=\"payload\\**\"/></Feature>\n"
                + "  </Package>\n</Wix>\n";
    }

    /** {@code count} files of {@code size} random bytes under payload/ (in a few subfolders). */
    private List<Path> payload(int count, int size, long seed) throws IOException {
        Random r = new Random(seed);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path p = dir.resolve("payload").resolve("d" + (i % 7)).resolve("f" + i + ".bin");
            Files.createDirectories(p.getParent());
            byte[] b = new byte[size];
            r.nextBytes(b);
            Files.write(p, b);
            files.add(p);
        }
        return files;
    }

    private BuildResult build(String source, Path out, Path cache, boolean validate) throws IOException {
        Path wxs = dir.resolve("product.wxs");
        Files.writeString(wxs, source);
        BuildRequest request = BuildRequest.builder(out, List.of(wxs)).platform("x64").environment(Map.of()).buildTime(BUILD_TIME)
                .workingDirectory(dir).cabinetCache(cache).validate(validate).build();
        return WixBuild.build(request);
    }

    private static List<Row> media(Path msi) throws IOException {
        try (Database db = MsiReader.read(msi)) {
            return new ArrayList<>(db.table("Media").rows());
        }
    }

    @Test
    void maximumUncompressedMediaSizeSplitsIntoCabinetsThatWineInstalls() throws Exception {
        List<Path> files = payload(12, 400_000, 1);
        Path msi = dir.resolve("three.msi");
        // 12 x 400 kB with at most 2 MB per cabinet: 5, 5 and 2 files, as WiX's binder fills cabinets in order
        BuildResult r = build(pkg("<MediaTemplate EmbedCab=\"yes\" MaximumUncompressedMediaSize=\"2\"/>", "Three Cabinets"), msi, null, true);
        assertTrue(r.success(), r.diagnostics().toString());
        List<Row> rows = media(msi);
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(List.of(5, 10, 12), rows.stream().map(x -> (Integer) x.get("LastSequence")).toList());
        assertEquals(List.of("#cab1.cab", "#cab2.cab", "#cab3.cab"), rows.stream().map(x -> (String) x.get("Cabinet")).toList());
        String streams = Tool.run("msiinfo", "streams", msi.toString()).assertOk().stdout();
        for (String cab : List.of("cab1.cab", "cab2.cab", "cab3.cab")) assertTrue(streams.contains(cab), streams);
        assertExtractsEverything(msi, files);

        Path log = dir.resolve("install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode(), () -> readLog(log));
        Path installed = wine.cDrive("C:\\Program Files\\Three Cabinets");
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(installed.resolve(dir.resolve("payload").relativize(f).toString())));
        }
        Path ulog = dir.resolve("uninstall.log");
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn", "/l*v", ulog.toString()).exitCode(), () -> readLog(ulog));
        assertNothingLeftIn(installed);
    }

    @Test
    void externalCabinetsLieBesideThePackageAndInstall() throws Exception {
        List<Path> files = payload(3, 1000, 2);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path msi = out.resolve("external.msi");
        // WiX v4+ without Media or MediaTemplate: cabinets beside the package (its AssignMediaCommand default)
        BuildResult r = build(pkg("", "External Cabinet"), msi, null, true);
        assertTrue(r.success(), r.diagnostics().toString());
        assertEquals("cab1.cab", media(msi).get(0).get("Cabinet"));
        Path cab = out.resolve("cab1.cab");
        assertTrue(Files.isRegularFile(cab), "cab1.cab beside the package");
        Tool.run("cabextract", "-t", cab.toString()).assertOk();
        String streams = Tool.run("msiinfo", "streams", msi.toString()).assertOk().stdout();
        assertFalse(streams.contains("cab1.cab"), "an external cabinet is not embedded: " + streams);

        Path log = dir.resolve("install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode(), () -> readLog(log));
        Path installed = wine.cDrive("C:\\Program Files\\External Cabinet");
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(installed.resolve(dir.resolve("payload").relativize(f).toString())));
        }
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertNothingLeftIn(installed);
    }

    @Test
    void compressionLevelHighWritesLzxCabinetsThatSevenZipNamesAndWineInstalls() throws Exception {
        List<Path> files = payload(4, 70_000, 3);
        Files.writeString(dir.resolve("payload").resolve("text.txt"), "LZX compresses repeated text well. ".repeat(4000));
        files.add(dir.resolve("payload").resolve("text.txt"));
        Path out = Files.createDirectories(dir.resolve("lzx"));
        Path msi = out.resolve("lzx.msi");
        // WiX's MediaTemplate/@CompressionLevel "high" is LZX with a 2 MB window (WiX docs: high = LZX:21); the
        // cabinet lies beside the package so 7-Zip can name the method it finds in the CFFOLDER
        BuildResult r = build(pkg("<MediaTemplate CompressionLevel=\"high\"/>", "LZX High"), msi, null, true);
        assertTrue(r.success(), r.diagnostics().toString());
        String listing = Tool.run("7z", "l", "-slt", out.resolve("cab1.cab").toString()).assertOk().stdout();
        assertTrue(listing.contains("Method = LZX:21"), listing);
        Tool.run("cabextract", "-t", out.resolve("cab1.cab").toString()).assertOk();

        Path log = dir.resolve("install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode(), () -> readLog(log));
        Path installed = wine.cDrive("C:\\Program Files\\LZX High");
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(installed.resolve(dir.resolve("payload").relativize(f).toString())));
        }
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertNothingLeftIn(installed);

        // the build's level (sspr build --compression, the plugin's <compression>) wins over the source's: low = LZX:15
        Path low = Files.createDirectories(dir.resolve("low")).resolve("low.msi");
        Path wxs = dir.resolve("product.wxs");
        BuildResult lowResult = WixBuild.build(BuildRequest.builder(low, List.of(wxs)).platform("x64").environment(Map.of())
                .buildTime(BUILD_TIME).workingDirectory(dir).compression("low").build());
        assertTrue(lowResult.success(), lowResult.diagnostics().toString());
        String lowListing = Tool.run("7z", "l", "-slt", low.resolveSibling("cab1.cab").toString()).assertOk().stdout();
        assertTrue(lowListing.contains("Method = LZX:15"), lowListing);
        assertExtractsEverything(low, files);
    }

    /**
     * After uninstall no file or component folder is left. Wine's msiexec removes the folders of the components it
     * removes but not their empty parent (Windows removes the empty folders it created), so an empty top folder is
     * accepted.
     */
    private static void assertNothingLeftIn(Path installed) throws IOException {
        if (!Files.exists(installed)) return;
        try (Stream<Path> s = Files.list(installed)) {
            assertEquals(List.of(), s.toList(), "left behind in " + installed);
        }
    }

    @Test
    void aFileLargerThanTheCapTakesACabinetOfItsOwn() throws Exception {
        payload(1, 3_000_000, 3);
        Path small = dir.resolve("payload").resolve("small.txt");
        Files.writeString(small, "small");
        Path msi = dir.resolve("cap.msi");
        BuildResult r = build(pkg("<MediaTemplate EmbedCab=\"yes\" MaximumUncompressedMediaSize=\"1\"/>", "Cap"), msi, null, false);
        assertTrue(r.success(), r.diagnostics().toString());
        assertEquals(2, media(msi).size(), "the 3 MB file alone, then the small one");
    }

    @Test
    void seventyThousandFilesGoIntoSeveralCabinetsThatReadersAccept() throws Exception {
        Path root = Files.createDirectories(dir.resolve("payload"));
        int n = 70_000;
        for (int i = 0; i < n; i++) {
            Path p = root.resolve("d" + (i / 1000)).resolve("f" + i + ".txt");
            if (i % 1000 == 0) Files.createDirectories(p.getParent());
            Files.writeString(p, "file " + i + "\n");
        }
        Path msi = dir.resolve("many.msi");
        BuildResult r = build(pkg("<MediaTemplate EmbedCab=\"yes\"/>", "Many Files"), msi, null, false);
        assertTrue(r.success(), r.diagnostics().toString());
        List<Row> rows = media(msi);
        // a cabinet's file count is a 16-bit field: 65,535 files, then a new cabinet
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(65_535, rows.get(0).get("LastSequence"));
        assertEquals(n, rows.get(1).get("LastSequence"));
        Path out = dir.resolve("extracted");
        Tool.run(List.of("msiextract", "-C", out.toString(), msi.toString()), null, Map.of(), 900).assertOk();
        long extracted;
        try (Stream<Path> s = Files.walk(out)) {
            extracted = s.filter(Files::isRegularFile).count();
        }
        assertEquals(n, extracted);
        try (Stream<Path> s = Files.walk(out)) {
            Path any = s.filter(p -> p.getFileName().toString().equals("f69999.txt")).findFirst().orElseThrow();
            assertEquals("file 69999\n", Files.readString(any));
        }
        // the same files on one <Media> cannot go into its one cabinet: an error in the source (exit 3), not an I/O error
        Path one = dir.resolve("one.msi");
        BuildResult tooMany = build(pkg("<Media Id=\"1\" Cabinet=\"one.cab\" EmbedCab=\"yes\"/>", "One Cabinet"), one, null, false);
        assertFalse(tooMany.success());
        assertTrue(tooMany.errors().stream().anyMatch(d -> d.id().equals("WIX0253") && d.text().contains("70000 files")
                && d.text().contains("65535") && d.hint().contains("MediaTemplate")), tooMany.diagnostics().toString());
        assertEquals(dev.ssprkit.common.ErrorKind.BAD_INPUT, tooMany.failureKind());
        assertFalse(Files.exists(one), "no package");
    }

    @Test
    void theCabinetCacheGivesTheSameBytesAndRebuildsACorruptEntry() throws Exception {
        payload(40, 20_000, 4);
        Path cache = dir.resolve("cache");
        String source = pkg("<MediaTemplate EmbedCab=\"yes\"/>", "Cached");
        Path fresh = dir.resolve("fresh.msi"), miss = dir.resolve("miss.msi"), hit = dir.resolve("hit.msi"), repaired = dir.resolve("repaired.msi");
        assertTrue(build(source, fresh, null, true).success());
        assertTrue(build(source, miss, cache, true).success());
        List<Path> entries;
        try (Stream<Path> s = Files.list(cache)) {
            entries = s.filter(p -> p.toString().endsWith(".cab")).toList();
        }
        assertEquals(1, entries.size());
        long stamp = Files.getLastModifiedTime(entries.get(0)).toMillis();
        assertTrue(build(source, hit, cache, true).success());
        assertEquals(stamp, Files.getLastModifiedTime(entries.get(0)).toMillis(), "a hit reuses the entry");
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(miss), "cache miss = no cache");
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(hit), "cache hit = no cache");
        byte[] cab = Files.readAllBytes(entries.get(0));
        cab[cab.length / 2] ^= 0x5A;
        Files.write(entries.get(0), cab);
        assertTrue(build(source, repaired, cache, true).success());
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(repaired), "a corrupt entry is detected and rebuilt");
        assertEquals(Files.size(dir.resolve("fresh.msi")), Files.size(repaired));
        Tool.run("msiextract", "-C", dir.resolve("x").toString(), repaired.toString()).assertOk();
    }

    @Test
    void theFirstCabinetIsWrittenInPlaceWithTheBytesOfACopiedOne() throws Exception {
        List<Path> files = payload(40, 20_000, 7);
        String source = pkg("<MediaTemplate EmbedCab=\"yes\"/>", "In Place");
        Path inPlace = dir.resolve("in-place.msi"); // its folder exists: the cabinet is written into the package's file
        Path copied = dir.resolve("made-later").resolve("copied.msi"); // the folder is made after validation: copied
        assertTrue(build(source, inPlace, null, true).success());
        assertTrue(build(source, copied, null, true).success());
        byte[] written = Files.readAllBytes(inPlace);
        assertArrayEquals(Files.readAllBytes(copied), written, "written in place = copied");
        // [MS-CFB] 2.2: sector 0 follows the 512-byte header of a version 3 file; [MS-CAB] 2.1: a cabinet starts "MSCF"
        assertEquals("MSCF", new String(written, 512, 4, StandardCharsets.US_ASCII), "the cabinet is the first stream");
        assertExtractsEverything(inPlace, files);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "no temporary file left");
        }
    }

    @Test
    void aPackageThatFailsValidationLeavesNothingOfTheCabinetWrittenIntoIt() throws Exception {
        payload(4, 1_000, 8);
        Path out = Files.createDirectories(dir.resolve("failing"));
        // ICE08: two components with one GUID (an error that fails the build when ICE errors fail it)
        String guid = "{0F0E0D0C-0B0A-4909-8807-060504030201}";
        String source = "<Wix xmlns=\"http://wixtoolset.org/schemas/v4/wxs\">\n"
                + "  <Package Name=\"Failing\" Manufacturer=\"ssprkit tests\" Version=\"1.0.0\" UpgradeCode=\"{6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4E}\">\n"
                + "    <MediaTemplate EmbedCab=\"yes\"/>\n"
                + "    <StandardDirectory Id=\"ProgramFiles6432Folder\"><Directory Id=\"INSTALLFOLDER\" Name=\"Failing\"/></StandardDirectory>\n"
                + "    <Feature Id=\"Main\">\n"
                + "      <Component Directory=\"INSTALLFOLDER\" Guid=\"" + guid + "\"><File Source=\"payload/d0/f0.bin\"/></Component>\n"
                + "      <Component Directory=\"INSTALLFOLDER\" Guid=\"" + guid + "\"><File Source=\"payload/d1/f1.bin\"/></Component>\n"
                + "    </Feature>\n  </Package>\n</Wix>\n";
        Path wxs = dir.resolve("failing.wxs");
        Files.writeString(wxs, source);
        BuildResult r = WixBuild.build(BuildRequest.builder(out.resolve("failing.msi"), List.of(wxs)).platform("x64").environment(Map.of())
                .buildTime(BUILD_TIME).workingDirectory(dir).iceErrors(BuildRequest.IceErrors.FAIL).build());
        assertFalse(r.success(), r.diagnostics().toString());
        assertTrue(r.errors().stream().anyMatch(d -> d.toString().contains("ICE08")), r.diagnostics().toString());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList(), "neither the package nor its temporary file (which held the cabinet) is left");
        }
    }

    @Test
    void aBindingErrorLeavesNoTemporaryPackage() throws Exception {
        payload(2, 1_000, 9);
        Path out = Files.createDirectories(dir.resolve("unbound"));
        // the package's file is made before binding, which then finds the second file missing
        String source = pkg("<MediaTemplate EmbedCab=\"yes\"/>", "Unbound").replace("<Files Include=\"payload\\**\"/>",
                "<Component Directory=\"INSTALLFOLDER\"><File Source=\"payload/d0/f0.bin\"/></Component>"
                        + "<Component Directory=\"INSTALLFOLDER\"><File Source=\"payload/d5/missing.bin\"/></Component>");
        BuildResult r = build(source, out.resolve("unbound.msi"), null, true);
        assertFalse(r.success(), r.diagnostics().toString());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList(), "no package and no temporary file: " + r.diagnostics());
        }
    }

    @Test
    void theFileHashIndexIsTrustedForUnchangedFilesAndAChangedFileIsHashedAgain() throws Exception {
        // the trust rule of FileHashCache (as make's and WiX's -reusecab): same path, size and time stamp = same bytes
        List<Path> files = payload(12, 5_000, 7);
        FileTime old = FileTime.from(Instant.parse("2025-06-01T00:00:00Z"));
        for (Path f : files) Files.setLastModifiedTime(f, old);
        Path cache = dir.resolve("cache");
        String source = pkg("<MediaTemplate EmbedCab=\"yes\"/>", "Hashed");
        Path fresh = dir.resolve("fresh.msi"), miss = dir.resolve("miss.msi"), hit = dir.resolve("hit.msi");
        assertTrue(build(source, fresh, null, true).success());
        assertTrue(build(source, miss, cache, true).success());
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("hashes-")).count(), "one index for the cabinet");
        }
        assertTrue(build(source, hit, cache, true).success());
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(miss), "index written = no cache");
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(hit), "index used = no cache");

        // new bytes, same size, time stamp put back: by the trust rule the index (and the cabinet cache) still apply,
        // which proves the payload was not read
        Path changed = files.get(5);
        byte[] now = Files.readAllBytes(changed);
        now[100] ^= 0x33;
        Files.write(changed, now);
        Files.setLastModifiedTime(changed, old);
        Path trusted = dir.resolve("trusted.msi");
        assertTrue(build(source, trusted, cache, true).success());
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(trusted), "unchanged size and time: trusted");

        // the same change with its time stamp moved (as any editor or copy leaves it): detected and hashed again, so
        // the package equals one built without any cache, and msiextract gives the new bytes
        Files.setLastModifiedTime(changed, FileTime.from(Instant.parse("2025-06-02T00:00:00Z")));
        Path rebuilt = dir.resolve("rebuilt.msi"), reference = dir.resolve("reference.msi");
        assertTrue(build(source, rebuilt, cache, true).success());
        assertTrue(build(source, reference, null, true).success());
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(rebuilt), "a modified file is detected");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(fresh), Files.readAllBytes(rebuilt)));
        assertExtractsEverything(rebuilt, files);
    }

    @Test
    void msiFileHashIsEachFilesMd5WithAndWithoutTheCache() throws Exception {
        // small files (read ahead with their bytes), files above the read-ahead limit (hashed ahead from disk, or by
        // the cabinet writer), with no cache, a cache miss (hashes taken before compressing, not again) and a hit;
        // expected: md5sum's digest of each file, as the SDK's MsiFileHash page lays it out (four little-endian
        // 32-bit parts); the rows as msiinfo exports them
        List<Path> files = new ArrayList<>();
        for (Path f : payload(3, 200_000, 9)) files.add(Files.move(f, f.resolveSibling("big-" + f.getFileName())));
        files.addAll(payload(6, 300, 8));
        Map<String, String> expected = new java.util.TreeMap<>();
        for (Path f : files) {
            String md5 = Tool.run("md5sum", f.toString()).assertOk().stdout().substring(0, 32);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.util.HexFormat.of().parseHex(md5)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            expected.put(f.getFileName().toString(), "0\t" + b.getInt() + "\t" + b.getInt() + "\t" + b.getInt() + "\t" + b.getInt());
        }
        String source = pkg("<MediaTemplate EmbedCab=\"yes\"/>", "Hash Rows");
        Path cache = dir.resolve("cache");
        for (String name : List.of("nocache.msi", "miss.msi", "hit.msi")) {
            Path msi = dir.resolve(name);
            BuildResult r = build(source, msi, name.equals("nocache.msi") ? null : cache, true);
            assertTrue(r.success(), r.diagnostics().toString());
            List<String> hashRows = Tool.run("msiinfo", "export", msi.toString(), "MsiFileHash").assertOk().stdout().lines().toList();
            List<String> fileRows = Tool.run("msiinfo", "export", msi.toString(), "File").assertOk().stdout().lines().toList();
            Map<String, String> fileNames = new java.util.HashMap<>(); // File key -> long file name (IDT: 3 header lines)
            for (String line : fileRows.subList(3, fileRows.size())) {
                String[] c = line.split("\t");
                fileNames.put(c[0], c[2].substring(c[2].indexOf('|') + 1));
            }
            Map<String, String> actual = new java.util.TreeMap<>();
            for (String line : hashRows.subList(3, hashRows.size())) {
                int tab = line.indexOf('\t');
                actual.put(fileNames.get(line.substring(0, tab)), line.substring(tab + 1));
            }
            assertEquals(expected, actual, name);
        }
    }

    @Test
    void anUnusableCacheFolderIsAWarningNotAFailure() throws Exception {
        payload(2, 100, 5);
        Path notAFolder = dir.resolve("cache-is-a-file");
        Files.writeString(notAFolder, "not a folder");
        BuildResult r = build(pkg("<MediaTemplate EmbedCab=\"yes\"/>", "No Cache"), dir.resolve("nc.msi"), notAFolder, true);
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0204")), r.diagnostics().toString());
    }

    @Test
    void whenAnExternalCabinetCannotBePlacedNothingIsLeftBehind() throws Exception {
        payload(2, 100, 6);
        Path out = Files.createDirectories(dir.resolve("blocked"));
        Files.createDirectories(out.resolve("cab1.cab")); // a folder where the cabinet must go: the move fails
        Path msi = out.resolve("blocked.msi");
        BuildResult r = build(pkg("", "Blocked"), msi, null, true);
        assertFalse(r.success());
        assertTrue(r.errors().stream().anyMatch(d -> d.id().equals("WIX0184")), r.diagnostics().toString());
        assertFalse(Files.exists(msi), "no package when its cabinet could not be written");
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(out.resolve("cab1.cab")), s.toList(), "no temporary files left");
        }
    }

    @Test
    void aFileLargerThanTheCapGetsACabinetOfItsOwnWithAWarning() throws Exception {
        // WiX's MediaTemplate fills cabinets in order and never splits a file: a file over the cap sits alone
        List<Path> files = payload(3, 700_000, 5);
        Path big = dir.resolve("payload").resolve("big.bin");
        byte[] b = new byte[3 * 1024 * 1024];
        new Random(6).nextBytes(b);
        Files.write(big, b);
        files.add(big);
        Path msi = dir.resolve("cap.msi");
        BuildResult r = build(pkg("<MediaTemplate EmbedCab=\"yes\" MaximumUncompressedMediaSize=\"1\"/>", "Capped"), msi, null, true);
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0205") && d.toString().contains("3 MB")), r.diagnostics().toString());
        int cabinets = media(msi).size();
        // 3 x 700 kB never share a 1 MB cabinet, and the 3 MB file is alone: four cabinets in all
        assertEquals(4, cabinets, media(msi).toString());
        assertExtractsEverything(msi, files);
    }

    private void assertExtractsEverything(Path msi, List<Path> files) throws IOException {
        Path out = dir.resolve("extract-" + msi.getFileName());
        Tool.run("msiextract", "-C", out.toString(), msi.toString()).assertOk();
        for (Path f : files) {
            Path name = f.getFileName();
            Path found;
            try (Stream<Path> s = Files.walk(out)) {
                found = s.filter(p -> p.getFileName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("missing " + name));
            }
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(found));
        }
    }

    static String readLog(Path log) {
        try {
            byte[] b = Files.readAllBytes(log);
            String s = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                    ? new String(b, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
            return s.length() > 20000 ? s.substring(s.length() - 20000) : s;
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
