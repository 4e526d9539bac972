package dev.ssprkit.msi;

import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.db.StringPoolReader;
import dev.ssprkit.msi.suminfo.SummaryInfoCodec;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import dev.ssprkit.msi.model.Database;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.ssprkit.msi.CfbBytes.*;
import static dev.ssprkit.msi.CorruptFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corrupt and hostile inputs, mostly derived from one valid package: each must be refused with exactly an
 * {@link MsiException} that says where and what, within a few seconds and without large allocations.
 */
class CorruptInputTest {
    @TempDir
    Path dir;

    interface Craft {
        byte[] make() throws IOException;
    }

    record Case(String name, Craft craft, ReadLimits limits, String... fragments) {
        Case(String name, Craft craft, String... fragments) {
            this(name, craft, ReadLimits.defaults(), fragments);
        }

        @Override public String toString() {
            return name;
        }
    }

    @Test
    void theFixtureItselfReads() throws IOException {
        Path f = dir.resolve("valid.msi");
        Files.write(f, VALID);
        readEverything(f, ReadLimits.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containerCases")
    void containerCorruptionIsRefused(Case c) throws IOException {
        assertRejected(dir, c.craft().make(), c.limits(), c.fragments());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseCases")
    void databaseCorruptionIsRefused(Case c) throws IOException {
        assertRejected(dir, c.craft().make(), c.limits(), c.fragments());
    }

    /** Truncated anywhere: refused, never read with the missing bytes taken as zeros (libgsf refuses too). */
    @ParameterizedTest(name = "truncated to {0} bytes")
    @MethodSource("truncations")
    void truncatedIsRefused(int length) throws IOException {
        assertRejected(dir, truncate(VALID, length), ReadLimits.defaults(), length < 512 ? "shorter than the 512-byte header" : "truncated");
    }

    static IntStream truncations() {
        return IntStream.concat(IntStream.of(1, 8, 76, 511, 513, VALID.length - 512 - 128, VALID.length - 513),
                IntStream.iterate(512, n -> n < VALID.length, n -> n + 512));
    }

    /**
     * A file that ends inside its last sector is read (POI and libgsf read the missing tail as zeros; Windows installs
     * such packages: a WiX 3.11 test package is 33,045 bytes), with a warning naming the short sector.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 128})
    void aShortLastSectorIsReadWithAWarning(int cut) throws IOException {
        Path f = dir.resolve("short.msi");
        Files.write(f, truncate(VALID, VALID.length - cut));
        readEverything(f, ReadLimits.defaults());
        try (Database db = MsiReader.read(f)) {
            assertTrue(db.readWarnings().stream().anyMatch(w -> w.what().contains("not a whole number of 512-byte sectors")
                    && w.what().contains("last " + cut + " bytes")), db.readWarnings().toString());
        }
    }

    /** The patch CLSID: a patch has a database's tables and streams, and is read as one (of kind "patch"). */
    @Test
    void aPatchIsReadAsAPatch() throws IOException {
        Path f = dir.resolve("patch.msp");
        Files.write(f, withClsid(MsiClsids.PATCH));
        try (Database db = MsiReader.read(f)) {
            assertEquals("patch", db.kind());
        }
    }

    /** [MS-CFB]: readers should ignore the high 32 bits of a version-3 stream size (old writers left garbage). */
    @Test
    void highSizeBitsOfVersion3AreIgnored() throws IOException {
        CfbBytes c = cfb();
        Path f = dir.resolve("high.msi");
        Files.write(f, c.put32(c.entry(plain("big.cab")) + E_SIZE + 4, 1).bytes());
        readEverything(f, ReadLimits.defaults());
    }

    // ---- container level ------------------------------------------------------------------------------------

    static Stream<Case> containerCases() {
        return Stream.of(
                new Case("zero-length file", () -> new byte[0], "not a readable compound file", "empty"),
                new Case("plain text", () -> "this is not an installer\r\n".repeat(40).getBytes(StandardCharsets.US_ASCII), "not a readable compound file", "signature"),
                new Case("a ZIP archive", CorruptInputTest::zip, "not a readable compound file", "signature"),
                new Case("a CFB header and nothing else", () -> truncate(VALID, 512), "corrupt"),
                new Case("zero root CLSID (a generic compound file)", () -> withClsid(null), "is not a Windows Installer CLSID"),
                new Case("wrong root CLSID", () -> withClsid("{00020906-0000-0000-C000-000000000046}"), "{00020906-0000-0000-C000-000000000046}", "not a Windows Installer CLSID"),
                new Case("transform CLSID", () -> withClsid(MsiClsids.TRANSFORM), "is a transform", "not a database of its own"),
                new Case("sector shift 0x20", () -> cfb().put16(SECTOR_SHIFT, 0x20).bytes(), "compound-file header", "sector shift 32"),
                new Case("sector shift 0", () -> cfb().put16(SECTOR_SHIFT, 0).bytes(), "compound-file header", "sector shift 0"),
                new Case("sector shift 12 in a version-3 file", () -> cfb().put16(SECTOR_SHIFT, 12).bytes(), "corrupt"),
                new Case("mini sector shift 0x1F", () -> cfb().put16(MINI_SHIFT, 0x1F).bytes(), "corrupt"),
                new Case("FAT sector count 0x7FFFFFFF", () -> cfb().put32(FAT_COUNT, 0x7FFFFFFF).bytes(), "corrupt"),
                new Case("FAT sector count -1", () -> cfb().put32(FAT_COUNT, -1).bytes(), "corrupt"),
                new Case("FAT sector count 0", () -> cfb().put32(FAT_COUNT, 0).bytes(), "corrupt"),
                new Case("DIFAT count huge with a bogus first DIFAT sector", () -> cfb().put32(DIFAT_COUNT, 0x00FFFFFF).put32(FIRST_DIFAT, 0x00100000).bytes(), "corrupt"),
                new Case("DIFAT entry pointing past the end", () -> cfb().put32(DIFAT, 0x00FFFFF0).bytes(), "corrupt"),
                new Case("first directory sector past the end", () -> cfb().put32(FIRST_DIR, 0x00FFFFF0).bytes(), "corrupt"),
                new Case("first directory sector ENDOFCHAIN", () -> cfb().put32(FIRST_DIR, -2).bytes(), "corrupt"),
                new Case("directory chain loops", () -> { CfbBytes c = cfb(); int d = c.i32(FIRST_DIR); return c.put32(c.fatEntryOffset(d), d).bytes(); }, "corrupt"),
                new Case("big stream's sector chain loops", () -> { CfbBytes c = cfb(); int s = c.i32(c.entry(plain("big.cab")) + E_START); return c.put32(c.fatEntryOffset(s + 1), s).bytes(); }, "big.cab", "corrupt"),
                new Case("big stream's chain ends early", () -> { CfbBytes c = cfb(); int s = c.i32(c.entry(plain("big.cab")) + E_START); return c.put32(c.fatEntryOffset(s + 2), -2).bytes(); }, "big.cab"),
                new Case("big stream's chain points past the end", () -> { CfbBytes c = cfb(); int s = c.i32(c.entry(plain("big.cab")) + E_START); return c.put32(c.fatEntryOffset(s), 0x00FFFFF0).bytes(); }, "big.cab"),
                new Case("stream size 0x7FFFFFF0", () -> { CfbBytes c = cfb(); return c.put32(c.entry(plain("big.cab")) + E_SIZE, 0x7FFFFFF0).bytes(); }, "big.cab"),
                new Case("stream size 0xFFFFFFFF", () -> { CfbBytes c = cfb(); return c.put32(c.entry(plain("big.cab")) + E_SIZE, -1).bytes(); }, "big.cab", "4294967295"),
                new Case("table stream size 0x80000000", () -> { CfbBytes c = cfb(); return c.put32(c.entry(table("Media")) + E_SIZE, 0x80000000).bytes(); }, "Media", "2147483648"),
                new Case("table stream size larger than its chain", () -> { CfbBytes c = cfb(); return c.put32(c.entry(table("Property")) + E_SIZE, 3000).bytes(); }, "Property"),
                new Case("mini stream start past the mini stream", () -> { CfbBytes c = cfb(); return c.put32(c.entry(plain("small.dat")) + E_START, 0x000FFFF0).bytes(); }, "small.dat"),
                new Case("root's mini stream past the end of file", () -> { CfbBytes c = cfb(); return c.put32(c.entryOffset(0) + E_START, 0x00FFFFF0).bytes(); }, "corrupt"),
                new Case("first mini FAT sector past the end", () -> cfb().put32(FIRST_MINIFAT, 0x00FFFFF0).bytes(), "corrupt"),
                new Case("mini stream cutoff 0", () -> cfb().put32(MINI_CUTOFF, 0).bytes(), "corrupt"),
                new Case("directory entry name length 200", () -> { CfbBytes c = cfb(); return c.put16(c.entry(table("Property")) + E_NAME_LEN, 200).bytes(); }, "corrupt"),
                new Case("directory entry type 9", () -> { CfbBytes c = cfb(); return c.put16(c.entry(table("Property")) + E_TYPE, 9).bytes(); }, "corrupt"),
                new Case("directory sibling points to itself", () -> selfSibling(), "corrupt"),
                new Case("directory child points past the table", () -> { CfbBytes c = cfb(); return c.put32(c.entryOffset(0) + E_CHILD, 100_000).bytes(); }, "corrupt"));
    }

    // ---- database level ---------------------------------------------------------------------------------------

    static Stream<Case> databaseCases() {
        String pool = table("_StringPool"), data = table("_StringData");
        return Stream.of(
                new Case("_StringPool missing", () -> replaceStream(VALID, pool, null), "_StringPool/_StringData are missing"),
                new Case("_StringData missing", () -> replaceStream(VALID, data, null), "_StringPool/_StringData are missing"),
                new Case("_StringPool empty", () -> replaceStream(VALID, pool, new byte[0]), "_StringPool", "header is missing"),
                new Case("_StringPool of odd size", () -> replaceStream(VALID, pool, append(stream(pool), 1)), "_StringPool", "not a multiple of 4"),
                new Case("_StringPool ends with a long-string marker", () -> replaceStream(VALID, pool, concat(stream(pool), new byte[] {0, 0, 1, 0})), "_StringPool", "long string but the pool ends"),
                new Case("_StringPool long string longer than _StringData", () -> replaceStream(VALID, pool, concat(stream(pool), new byte[] {0, 0, 1, 0, 0, 0, 0, 0x40})), "_StringData", "runs past the end"),
                new Case("_StringPool lengths exceed _StringData", () -> replaceStream(VALID, pool, patch16(stream(pool), 4, 0xF000)), "_StringData", "runs past the end"),
                new Case("_StringData longer than the pool accounts for", () -> replaceStream(VALID, data, append(stream(data), 5)), "_StringData", "accounts for"),
                new Case("_StringPool with an unknown codepage", () -> replaceStream(VALID, pool, patch16(stream(pool), 0, 12345)), "_StringPool", "codepage 12345"),
                new Case("table stream not a multiple of the row size", () -> replaceStream(VALID, table("Property"), append(stream(table("Property")), 1)), "table Property", "not a multiple of the row size"),
                new Case("string id out of range", () -> replaceStream(VALID, table("Property"), patch16(stream(table("Property")), 0, 0xFFFF)), "table Property", "string id 65535 is outside the string pool"),
                new Case("null in a non-nullable key", () -> replaceStream(VALID, table("Property"), patch16(stream(table("Property")), 0, 0)), "table Property", "not nullable"),
                new Case("_Tables names a table twice", () -> { byte[] t = stream(table("_Tables")); return replaceStream(VALID, table("_Tables"), concat(t, Arrays.copyOf(t, 2))); }, "_Tables", "twice"),
                new Case("_Tables has an empty name", () -> { byte[] t = stream(table("_Tables")); return replaceStream(VALID, table("_Tables"), concat(t, new byte[2])); }, "_Tables"),
                new Case("_Columns misses a column number", () -> columnsPatch("Property", 2, 1, 3), "_Columns", "table Property is missing column number 2"),
                new Case("_Columns numbers a column twice", () -> columnsPatch("Property", 2, 1, 1), "_Columns", "two columns numbered 1"),
                new Case("_Columns describes an unknown table", () -> columnsPatch("Property", 2, 0, -1), "_Columns", "which _Tables does not list"),
                new Case("_Columns key column after a non-key column", () -> columnsPatch("Property", 1, 3, 0x0D48), "_Columns", "first column must be a key column"),
                new Case("_Columns integer column of 3 bytes", () -> columnsPatch("Media", 2, 3, 0x0103), "_Columns", "Media.LastSequence", "3 bytes"),
                new Case("_Tables lists a system table", () -> renameString("Property", "_Streams"), "_Tables", "system table _Streams"),
                new Case("two streams decode to one name", CorruptInputTest::twinStreams, "two streams are both named small.dat"),
                new Case("more rows than allowed", CorruptInputTest::valid, new ReadLimits(1 << 20, 1 << 20, 100, 1 << 20, 3, 1000), "table _Columns", "rows, more than the 3 allowed"),
                new Case("more strings than allowed", CorruptInputTest::valid, new ReadLimits(1 << 20, 1 << 20, 100, 1 << 20, 1000, 5), "_StringPool", "more than the 44 allowed"),
                new Case("_Columns row with an empty name", () -> columnsPatch("Property", 2, 2, 0), "_Columns", "empty cell"),
                new Case("_Columns not a multiple of the row size", () -> replaceStream(VALID, table("_Columns"), append(stream(table("_Columns")), 3)), "table _Columns", "not a multiple of the row size"),
                new Case("Binary cell whose stream is missing", () -> replaceStream(VALID, plain("Binary.Blob"), null), "table Binary", "Binary.Blob"),
                new Case("summary information is garbage", () -> replaceStream(VALID, SummaryInfoCodec.STREAM_NAME, payload(200, 3)), "SummaryInformation"),
                new Case("summary information is empty", () -> replaceStream(VALID, SummaryInfoCodec.STREAM_NAME, new byte[0]), "SummaryInformation"),
                new Case("summary information is truncated", () -> replaceStream(VALID, SummaryInfoCodec.STREAM_NAME, Arrays.copyOf(stream(SummaryInfoCodec.STREAM_NAME), 60)), "SummaryInformation"),
                new Case("summary property offset past the section", () -> summaryPatch(48 + 8 + 4, 0x7FFFFF00), "SummaryInformation"),
                new Case("summary property count huge", () -> summaryPatch(48 + 4, 0x7FFFFFFF), "SummaryInformation"),
                new Case("summary string length huge", () -> summaryStringLength(0x7FFFFFF0), "SummaryInformation"),
                new Case("summary stream over the limit", () -> replaceStream(VALID, SummaryInfoCodec.STREAM_NAME, new byte[(1 << 20) + 1]), "SummaryInformation", "more than the 1048576 allowed"),
                new Case("table stream over a small limit", CorruptInputTest::valid, new ReadLimits(16, 1 << 20, 100, 1 << 20), "_Columns", "more than the 16 allowed"),
                new Case("string data over a small limit", CorruptInputTest::valid, new ReadLimits(1 << 20, 64, 100, 1 << 20), "_StringPool", "more than the 64 allowed"),
                new Case("more tables than allowed", CorruptInputTest::valid, new ReadLimits(1 << 20, 1 << 20, 2, 1 << 20), "_Tables", "more than the 2 allowed"));
    }

    // ---- crafting helpers ---------------------------------------------------------------------------------------

    static byte[] valid() {
        return VALID;
    }

    static CfbBytes cfb() {
        return new CfbBytes(VALID);
    }

    static byte[] stream(String stored) throws IOException {
        return CfbBytes.stream(VALID, stored);
    }

    static byte[] append(byte[] b, int n) {
        return Arrays.copyOf(b, b.length + n);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] patch16(byte[] b, int off, int v) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putShort(off, (short) v);
        return c;
    }

    static byte[] withClsid(String clsid) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(VALID))) {
            fs.getRoot().setStorageClsid(clsid == null ? new ClassID() : new ClassID(clsid));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("product.msi"));
            z.write(VALID);
        }
        return out.toByteArray();
    }

    /** Entry 1's left sibling pointing at itself. */
    static byte[] selfSibling() {
        CfbBytes c = cfb();
        int root = c.entryOffset(0);
        int child = c.i32(root + E_CHILD);
        return c.put32(c.entryOffset(child) + E_LEFT, child).put32(c.entryOffset(child) + E_RIGHT, child).bytes();
    }

    /**
     * Sets one cell of the {@code _Columns} row for ({@code table}, {@code number}): column 0 (Table), 1 (Number),
     * 2 (Name) or 3 (Type). For column 0 a value of -1 means "the id of a string that names no table".
     */
    static byte[] columnsPatch(String table, int number, int column, int value) throws IOException {
        List<Object[]> rows = columnsRows(VALID);
        int n = rows.size(), row = -1;
        for (int i = 0; i < n; i++) if (table.equals(rows.get(i)[0]) && Integer.valueOf(number).equals(rows.get(i)[1])) row = i;
        if (row < 0) throw new IllegalArgumentException("no _Columns row " + table + "." + number);
        int stored;
        if (column == 1 || column == 3) stored = value + 0x8000;
        else if (value == -1) stored = idOf(pool(VALID), "Value");
        else stored = value;
        return replaceStream(VALID, table("_Columns"), patch16(stream(table("_Columns")), 2 * (column * n + row), stored));
    }

    /** Rewrites a pool string in place with another of the same length. */
    static byte[] renameString(String from, String to) throws IOException {
        String data = new String(stream(table("_StringData")), StandardCharsets.ISO_8859_1);
        if (from.length() != to.length() || !data.contains(from)) throw new IllegalArgumentException(from);
        return replaceStream(VALID, table("_StringData"), data.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@code small.dat} stored a second time under its plain (unencoded) name. */
    static byte[] twinStreams() throws IOException {
        return replaceStream(VALID, "small.dat", SMALL);
    }

    static int idOf(StringPoolReader pool, String s) throws IOException {
        for (int i = 1; i < pool.size(); i++) if (s.equals(pool.get(i, "test"))) return i;
        throw new IllegalArgumentException(s);
    }

    static byte[] summaryPatch(int offset, int value) throws IOException {
        byte[] s = stream(SummaryInfoCodec.STREAM_NAME);
        ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return replaceStream(VALID, SummaryInfoCodec.STREAM_NAME, s);
    }

    /** Makes the length of the first VT_LPSTR value huge. */
    static byte[] summaryStringLength(int length) throws IOException {
        byte[] s = stream(SummaryInfoCodec.STREAM_NAME);
        ByteBuffer bb = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
        int count = bb.getInt(48 + 4);
        for (int i = 0; i < count; i++) {
            int off = 48 + bb.getInt(48 + 8 + 8 * i + 4);
            if (bb.getInt(off) == 30) {
                bb.putInt(off + 4, length);
                return replaceStream(VALID, SummaryInfoCodec.STREAM_NAME, s);
            }
        }
        throw new IllegalStateException("no string property");
    }
}
