package dev.ssprkit.msi.check;

import dev.ssprkit.msi.MsiWriter;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.TableSchema;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-crafted violations, patched into a file we wrote through POI, must each be reported. The base files are tiny
 * so that stream layouts are known: the writer assigns string ids in the order strings are first counted (_Tables,
 * _Columns, then each table's rows as added), and rows are stored sorted by key.
 */
class StructuralCheckTest {
    @TempDir
    Path dir;

    /**
     * Pool ids (first counted first): 1 "Property" (4 refs: _Tables.Name, _Columns.Table twice, _Columns.Name once),
     * 2 "Value", 3 "a-key", 4 "first", 5 "b-key", 6 "second". Property rows, column by column: keys 3, 5; values 4, 6.
     */
    private Path propertyOnly() throws IOException {
        Database db = new Database();
        db.table("Property").add("a-key", "first");
        db.table("Property").add("b-key", "second");
        return write(db, "base.msi");
    }

    private Path write(Database db, String name) throws IOException {
        Path p = dir.resolve(name);
        new MsiWriter(new WriteOptions(Instant.parse("2024-01-01T00:00:00Z"))).writeTo(db, p);
        return p;
    }

    /** Rewrites one stream (by plain table name, or a stored name when raw) into a new file. */
    private Path patch(Path msi, String stream, boolean table, UnaryOperator<byte[]> change) throws IOException {
        Path out = dir.resolve("patched-" + System.nanoTime() + ".msi");
        try (InputStream in = Files.newInputStream(msi); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            String name = table ? StreamNames.encode(stream, true) : stream;
            byte[] data;
            try (InputStream s = fs.createDocumentInputStream(name)) {
                data = s.readAllBytes();
            }
            byte[] changed = change.apply(data.clone());
            if (changed == null) fs.getRoot().getEntry(name).delete();
            else fs.getRoot().createOrUpdateDocument(name, new ByteArrayInputStream(changed));
            try (OutputStream os = Files.newOutputStream(out)) {
                fs.writeFilesystem(os);
            }
        }
        return out;
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    /** Swaps rows i and j of a column-major table whose columns are all 2 bytes wide. */
    private static byte[] swapRows(byte[] data, int columns, int i, int j) {
        int rows = data.length / (2 * columns);
        for (int c = 0; c < columns; c++) {
            int a = (c * rows + i) * 2, b = (c * rows + j) * 2;
            int va = u16(data, a);
            put16(data, a, u16(data, b));
            put16(data, b, va);
        }
        return data;
    }

    private static void assertReported(List<String> problems, String... fragments) {
        for (String p : problems) {
            boolean all = true;
            for (String f : fragments) all &= p.contains(f);
            if (all) return;
        }
        throw new AssertionError("no problem mentions " + List.of(fragments) + "; got " + problems);
    }

    @Test
    void aFileWeWroteIsClean() throws IOException {
        assertEquals(List.of(), StructuralCheck.check(propertyOnly()));
    }

    @Test
    void theBaseLayoutIsWhatTheseTestsAssume() throws IOException {
        Path p = propertyOnly();
        try (InputStream in = Files.newInputStream(p); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            byte[] rows;
            try (InputStream s = fs.createDocumentInputStream(StreamNames.encode("Property", true))) {
                rows = s.readAllBytes();
            }
            assertEquals(List.of(3, 5, 4, 6), List.of(u16(rows, 0), u16(rows, 2), u16(rows, 4), u16(rows, 6)));
        }
    }

    @Test
    void anUnsortedTableIsReported() throws IOException {
        Path p = patch(propertyOnly(), "Property", true, d -> swapRows(d, 2, 0, 1));
        assertReported(StructuralCheck.check(p), "Property", "out of order");
    }

    @Test
    void anUnsortedTablesTableIsReported() throws IOException {
        Database db = new Database();
        db.table("Property").add("A", "1");
        db.table("Directory").add("TARGETDIR", null, "SourceDir");
        Path p = patch(write(db, "two.msi"), "_Tables", true, d -> swapRows(d, 1, 0, 1));
        assertReported(StructuralCheck.check(p), "_Tables", "out of order");
    }

    @Test
    void anUnsortedColumnsTableIsReported() throws IOException {
        // _Columns rows (Property,1,Property,type), (Property,2,Value,type): swapping gives Number 2 before 1
        Path p = patch(propertyOnly(), "_Columns", true, d -> swapRows(d, 4, 0, 1));
        assertReported(StructuralCheck.check(p), "_Columns", "out of order");
    }

    @Test
    void aDuplicateKeyIsReported() throws IOException {
        Path p = patch(propertyOnly(), "Property", true, d -> {
            put16(d, 2, u16(d, 0)); // second row's key := first row's key
            return d;
        });
        List<String> problems = StructuralCheck.check(p);
        assertReported(problems, "Property", "same stored key");
        assertReported(problems, "refcount"); // "a-key" now has 2 references, "b-key" none
    }

    @Test
    void aWrongRefcountIsReported() throws IOException {
        Path p = patch(propertyOnly(), "_StringPool", true, d -> {
            put16(d, 4 * 4 + 2, 2); // "first" (id 4) claims 2 references; it has 1
            return d;
        });
        assertReported(StructuralCheck.check(p), "string 4", "'first'", "refcount 2", "1 persisted");
    }

    @Test
    void aRefcountOfTheTablesNameCountsTablesAndColumnsRows() throws IOException {
        Path p = patch(propertyOnly(), "_StringPool", true, d -> {
            put16(d, 4 * 1 + 2, 3); // "Property": really 4 (_Tables.Name, _Columns.Table x2, _Columns.Name)
            return d;
        });
        assertReported(StructuralCheck.check(p), "'Property'", "refcount 3", "4 persisted");
    }

    @Test
    void aStringWithRefcountZeroIsReported() throws IOException {
        Path p = patch(propertyOnly(), "_StringPool", true, d -> {
            put16(d, 4 * 6 + 2, 0);
            return d;
        });
        List<String> problems = StructuralCheck.check(p);
        assertReported(problems, "string 6", "refcount 0", "unused id");
    }

    @Test
    void aMissingColumnNumberIsReported() throws IOException {
        Path p = patch(propertyOnly(), "_Columns", true, d -> {
            int rows = d.length / 8;
            put16(d, (rows + 1) * 2, 0x8003); // Number of (Property, Value): 2 -> 3
            return d;
        });
        assertReported(StructuralCheck.check(p), "_Columns", "Property", "number 3", "2 was expected");
    }

    @Test
    void aDuplicateColumnNumberIsReported() throws IOException {
        Path p = patch(propertyOnly(), "_Columns", true, d -> {
            int rows = d.length / 8;
            put16(d, (rows + 1) * 2, 0x8001);
            return d;
        });
        List<String> problems = StructuralCheck.check(p);
        assertReported(problems, "_Columns", "two columns numbered 1");
        assertReported(problems, "_Columns", "same stored key");
    }

    @Test
    void aTableStreamThatIsNotWholeRowsIsReported() throws IOException {
        Path p = patch(propertyOnly(), "Property", true, d -> java.util.Arrays.copyOf(d, d.length + 1));
        assertReported(StructuralCheck.check(p), "Property", "not a multiple of the row width 4");
    }

    @Test
    void aLongReferencesFlagWithoutManyStringsIsReported() throws IOException {
        Path p = patch(propertyOnly(), "_StringPool", true, d -> {
            d[3] |= (byte) 0x80;
            return d;
        });
        assertReported(StructuralCheck.check(p), "long-references flag", "highest string id is only 6");
    }

    @Test
    void aMissingLongReferencesFlagIsReported() throws IOException {
        Database db = new Database();
        var t = db.createTable(new TableSchema("Many", List.of(Col.s("K", 0).key().build())));
        for (int i = 0; i < 66_000; i++) t.add("k" + i);
        Path p = patch(write(db, "many.msi"), "_StringPool", true, d -> {
            d[3] &= 0x7F;
            return d;
        });
        assertReported(StructuralCheck.check(p), "highest string id is 66002", "not set");
    }

    @Test
    void aBinaryCellWithoutItsStreamIsReported() throws IOException {
        Database db = new Database();
        db.table("Binary").add("Blob", StreamData.of(new byte[] {1, 2, 3}));
        Path base = write(db, "bin.msi");
        assertEquals(List.of(), StructuralCheck.check(base));
        Path p = patch(base, StreamNames.encode("Binary.Blob", false), false, d -> null);
        assertReported(StructuralCheck.check(p), "Binary.Data", "stream Binary.Blob", "missing");
    }

    @Test
    void aStringLongerThanItsColumnIsReported() throws IOException {
        Database db = new Database();
        db.createTable(new TableSchema("Short", List.of(Col.s("K", 72).key().build(), Col.s("V", 4).build()))).add("k", "abcd");
        db.table("Property").add("P", "much longer");
        // ids, first counted first: _Tables' Property, Short; _Columns' K, V, Value (Property's own column name Property
        // is id 1); Property's P 6, much longer 7; Short's k 8, abcd 9
        Path p = patch(write(db, "short.msi"), "Short", true, d -> {
            put16(d, 2, 7);
            return d;
        });
        assertReported(StructuralCheck.check(p), "Short.V", "'much longer' is 11 characters", "at most 4");
    }

    @Test
    void aNullInANonNullableColumnIsReported() throws IOException {
        Path p = patch(propertyOnly(), "Property", true, d -> {
            put16(d, 6, 0); // Value of the second row
            return d;
        });
        assertReported(StructuralCheck.check(p), "Property.Value", "null in a non-nullable column");
    }

    @Test
    void aStringIdOutsideThePoolIsReported() throws IOException {
        Path p = patch(propertyOnly(), "Property", true, d -> {
            put16(d, 6, 99);
            return d;
        });
        assertReported(StructuralCheck.check(p), "Property.Value", "string id 99 is outside the pool");
    }

    @Test
    void aPoolWhoseLengthsDoNotMatchTheDataIsReported() throws IOException {
        Path p = patch(propertyOnly(), "_StringData", true, d -> java.util.Arrays.copyOf(d, d.length + 3));
        assertReported(StructuralCheck.check(p), "_StringData", "accounts for");
    }

    @Test
    void aFileThatIsNotACompoundFileIsOneProblem() throws IOException {
        Path p = dir.resolve("junk.msi");
        Files.write(p, new byte[] {1, 2, 3});
        List<String> problems = StructuralCheck.check(p);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("cannot check junk.msi"), problems.toString());
    }
}
