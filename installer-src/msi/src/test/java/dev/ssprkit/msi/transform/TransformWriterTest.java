package dev.ssprkit.msi.transform;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.MsiWriter;
import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.container.PoiStorageReader;
import dev.ssprkit.msi.container.StorageReader;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformWriterTest {
    static final String PRODUCT = "{12345678-1234-1234-1234-123456789ABC}";
    static final String UPGRADE = "{87654321-4321-4321-4321-CBA987654321}";
    @TempDir Path dir;

    /** A small product-like database; every call builds an equal, independent copy. */
    static Database base() {
        Database db = new Database();
        Table p = db.table("Property");
        p.add("ProductCode", PRODUCT);
        p.add("ProductVersion", "1.2.3");
        p.add("UpgradeCode", UPGRADE);
        p.add("ProductLanguage", "1033");
        p.add("ENABLELOGGING", "0");
        p.add("OBSOLETE", "remove me");
        db.table("Registry").add("Logging", 2, "SOFTWARE\\Vendor\\Key", "EnableLogging", "#[ENABLELOGGING]", "Settings");
        db.table("Registry").add("Name", 2, "SOFTWARE\\Vendor\\Key", "Name", "old", "Settings");
        db.table("Binary").add("Blob", StreamData.of(new byte[] {1, 2, 3}));
        db.summary().template = "x64;1033,1031";
        db.summary().subject = "Sample";
        db.summary().pageCount = 200;
        return db;
    }

    static List<String> rows(Table t) throws Exception {
        List<String> out = new ArrayList<>();
        for (Row r : t.rows()) {
            StringBuilder sb = new StringBuilder();
            for (Object c : r.cells()) sb.append(c instanceof StreamData s ? "stream:" + s.sha256() : String.valueOf(c)).append('|');
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }

    static void assertSameTables(Database expected, Database actual) throws Exception {
        assertEquals(expected.tables().keySet(), actual.tables().keySet());
        for (String name : expected.tables().keySet()) {
            assertTrue(expected.table(name).schema().sameStorage(actual.table(name).schema()), name);
            assertEquals(rows(expected.table(name)), rows(actual.table(name)), name);
        }
    }

    private Path write(Database base, Database target, TransformOptions options) throws Exception {
        Path mst = dir.resolve("x.mst");
        TransformWriter.write(base, target, mst, options);
        return mst;
    }

    @Test
    void changedCellAddedAndDeletedRowsApplyBack() throws Exception {
        Database target = base();
        Table p = target.table("Property");
        p.remove(p.find("ENABLELOGGING"));
        p.add("ENABLELOGGING", "1");
        p.remove(p.find("OBSOLETE"));
        p.add("NEWPROP", "new value");
        Path mst = write(base(), target, TransformOptions.defaults());

        Database applied = base();
        TransformReader.Result result = TransformReader.apply(applied, mst);
        assertSameTables(target, applied);
        assertEquals(1, result.rowsAdded());
        assertEquals(1, result.rowsUpdated());
        assertEquals(1, result.rowsDeleted());
        assertEquals("1", applied.table("Property").find("ENABLELOGGING").get(1));
        assertNull(applied.table("Property").find("OBSOLETE"));
    }

    @Test
    void streamsAreTheStringPoolTheChangedTablesAndTheSummary() throws Exception {
        Database target = base();
        Table p = target.table("Property");
        p.remove(p.find("ENABLELOGGING"));
        p.add("ENABLELOGGING", "1");
        Path mst = write(base(), target, TransformOptions.defaults());
        try (StorageReader s = PoiStorageReader.open(mst)) {
            assertEquals(MsiClsids.TRANSFORM, s.rootClsid());
            Set<String> names = new TreeSet<>();
            for (String n : s.streamNames()) names.add(n.startsWith("\u0005") ? n : StreamNames.decode(n));
            assertEquals(new TreeSet<>(List.of("_StringPool", "_StringData", "Property", "\u0005SummaryInformation")), names);
            // one update record: mask 0x0002 (column 2 present), key id, value id; ids in the order the row's strings
            // are counted: ENABLELOGGING=1, "1"=2
            byte[] property = s.read(StreamNames.encode("Property", true), 1000);
            assertArrayEquals(new byte[] {0x02, 0x00, 0x01, 0x00, 0x02, 0x00}, property);
        }
    }

    @Test
    void summaryCarriesTheTransformProperties() throws Exception {
        Database target = base();
        target.table("Property").remove(target.table("Property").find("ProductVersion"));
        target.table("Property").add("ProductVersion", "1.2.4");
        Path mst = write(base(), target, TransformOptions.defaults());
        SummaryInfo s = TransformReader.summary(mst);
        assertEquals("x64;1033", s.template);
        assertEquals("x64;1033", s.lastSavedBy);
        assertEquals(PRODUCT + "1.2.3;" + PRODUCT + "1.2.4;" + UPGRADE, s.revisionNumber);
        assertEquals(200, s.pageCount);
        assertNull(s.wordCount);
        assertEquals((0x0002 | 0x0800) << 16, s.charCount);
        assertEquals(4, s.security);
        TransformSummary.Revision rev = TransformSummary.Revision.parse(s.revisionNumber);
        assertEquals(PRODUCT, rev.baseProductCode());
        assertEquals("1.2.4", rev.targetVersion());
        assertEquals(UPGRADE, rev.upgradeCode());
    }

    @Test
    void addedTableWithBinaryCellAndChangedBinaryCell() throws Exception {
        Database target = base();
        Table t = target.createTable(new TableSchema("SspCustom", List.of(
                Col.s("Id", 72).key().build(), Col.i2("Seq").key().build(), Col.i4("Big").nullable().build(),
                Col.v("Data").nullable().build())));
        t.add("a", -5, 70000, StreamData.of(new byte[] {9, 9}));
        t.add("b", 7, null, null);
        Table bin = target.table("Binary");
        bin.remove(bin.find("Blob"));
        bin.add("Blob", StreamData.of(new byte[] {4, 5, 6, 7}));
        Path mst = write(base(), target, TransformOptions.defaults());

        Database applied = base();
        TransformReader.Result r = TransformReader.apply(applied, mst);
        assertEquals(List.of("SspCustom"), r.tablesAdded());
        assertSameTables(target, applied);
        assertArrayEquals(new byte[] {4, 5, 6, 7}, ((StreamData) applied.table("Binary").find("Blob").get(1)).readAllBytes());
    }

    @Test
    void droppedTable() throws Exception {
        Database target = base();
        target.dropTable("Binary");
        Database applied = base();
        TransformReader.Result r = TransformReader.apply(applied, write(base(), target, TransformOptions.defaults()));
        assertEquals(List.of("Binary"), r.tablesDropped());
        assertFalse(applied.hasTable("Binary"));
    }

    @Test
    void appliedTwiceFailsUnlessTheConflictIsSuppressed() throws Exception {
        Database target = base();
        target.table("Property").add("NEWPROP", "x");
        Path strict = write(base(), target, TransformOptions.defaults());
        Database once = base();
        TransformReader.apply(once, strict);
        MsiException e = assertThrows(MsiException.class, () -> TransformReader.apply(once, strict));
        assertTrue(e.getMessage().contains("ADD_EXISTING_ROW"), e.getMessage());

        Path lenient = write(base(), target, TransformOptions.defaults().withSuppressed(EnumSet.allOf(TransformErrorCondition.class)));
        Database twice = base();
        TransformReader.apply(twice, lenient);
        TransformReader.apply(twice, lenient);
        assertSameTables(target, twice);
        assertEquals(0xFFFF & TransformReader.summary(lenient).charCount, 0x3F);
    }

    @Test
    void aDatabaseIsNotATransform() throws Exception {
        Path msi = dir.resolve("base.msi");
        MsiWriter.write(base(), msi);
        MsiException e = assertThrows(MsiException.class, () -> TransformReader.apply(base(), msi));
        assertTrue(e.getMessage().contains("not a transform"), e.getMessage());
    }

    @Test
    void appliesToADatabaseReadFromFile() throws Exception {
        Path msi = dir.resolve("base.msi");
        MsiWriter.write(base(), msi);
        Database target = base();
        target.table("Registry").remove(target.table("Registry").find("Name"));
        target.table("Registry").add("Name", 2, "SOFTWARE\\Vendor\\Key", "Name", "new", "Settings");
        try (Database read = MsiReader.read(msi)) {
            Path mst = write(read, target, TransformOptions.defaults());
            TransformReader.apply(read, mst);
            assertEquals(rows(target.table("Registry")), rows(read.table("Registry")));
        }
    }

    @Test
    void changedColumnsAreRefused() throws Exception {
        Database target = base();
        target.dropTable("Binary");
        target.createTable(new TableSchema("Binary", List.of(Col.s("Name", 72).key().build(), Col.s("Data", 0).nullable().build())));
        MsiException e = assertThrows(MsiException.class, () -> write(base(), target, TransformOptions.defaults()));
        assertTrue(e.getMessage().contains("columns differ"), e.getMessage());
    }
}
