package dev.ssprkit.msi;

import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.ssprkit.msi.WriteTestSupport.OPTIONS;
import static dev.ssprkit.msi.WriteTestSupport.productDatabase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What MsiWriter promises apart from the format: reproducible bytes, a derived package code, clean failures. */
class MsiWriterContractTest {
    @TempDir
    Path dir;

    private Path write(Database db, String name) throws IOException {
        Path p = dir.resolve(name);
        new MsiWriter(OPTIONS).writeTo(db, p);
        return p;
    }

    private static String packageCode(Path p) throws IOException {
        try (Database db = MsiReader.read(p)) {
            return db.summary().revisionNumber;
        }
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void twoWritesOfTheSameDatabaseAreByteIdentical() throws IOException {
        Path a = write(productDatabase(), "a.msi");
        Path b = write(productDatabase(), "b.msi");
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals(List.of(), StructuralCheck.check(a));
    }

    @Test
    void thePackageCodeIsDerivedFromTheContent() throws IOException {
        String base = packageCode(write(productDatabase(), "a.msi"));
        assertEquals(base, packageCode(write(productDatabase(), "b.msi")), "same content, same code");

        Database changedRow = productDatabase();
        changedRow.table("Property").add("EXTRA", "1");
        Database changedStream = productDatabase();
        changedStream.putStream("product.cab", StreamData.of(WriteTestSupport.bytes(20_000, 6)));
        Database changedSummary = productDatabase();
        changedSummary.summary().comments = "other";
        Database changedTime = productDatabase();
        changedTime.summary().createTime = null;
        changedTime.summary().lastSaveTime = null;
        String[] codes = {packageCode(write(changedRow, "c.msi")), packageCode(write(changedStream, "d.msi")),
                packageCode(write(changedSummary, "e.msi")), base};
        for (int i = 0; i < codes.length - 1; i++) assertNotEquals(base, codes[i], "change " + i);
        assertEquals(4, Stream.of(codes).distinct().count());

        // times from WriteOptions: different build time, different code; same build time, same code
        Path t1 = dir.resolve("t1.msi"), t2 = dir.resolve("t2.msi"), t3 = dir.resolve("t3.msi");
        new MsiWriter(new WriteOptions(WriteTestSupport.BUILD_TIME)).writeTo(changedTime, t1);
        new MsiWriter(new WriteOptions(WriteTestSupport.BUILD_TIME)).writeTo(changedTime, t2);
        new MsiWriter(new WriteOptions(WriteTestSupport.BUILD_TIME.plusSeconds(1))).writeTo(changedTime, t3);
        assertArrayEquals(Files.readAllBytes(t1), Files.readAllBytes(t2));
        assertNotEquals(packageCode(t1), packageCode(t3));
    }

    @Test
    void anExplicitPackageCodeIsKept() throws IOException {
        Database db = productDatabase();
        db.summary().revisionNumber = "{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}";
        assertEquals("{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}", packageCode(write(db, "x.msi")));
    }

    /** The write fails with MsiException and leaves the directory as it was (no target, no temporary file). */
    private void assertFailsCleanly(Consumer<Database> spoil, String messageFragment) throws IOException {
        Database db = productDatabase();
        spoil.accept(db);
        Path target = dir.resolve("out.msi");
        MsiException e = assertThrows(MsiException.class, () -> new MsiWriter(OPTIONS).writeTo(db, target));
        assertTrue(e.getMessage().contains(messageFragment), e.getMessage());
        assertEquals(List.of(), filesInDir(), "left behind after a failed write");

        // and an existing file at the target is left untouched
        Path old = write(productDatabase(), "out.msi");
        byte[] before = Files.readAllBytes(old);
        assertThrows(MsiException.class, () -> new MsiWriter(OPTIONS).writeTo(db, target));
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of("out.msi"), filesInDir());
        Files.delete(old);
    }

    @Test
    void aStringOutsideTheCodepageFailsCleanly() throws IOException {
        assertFailsCleanly(db -> db.table("Property").add("JAPANESE", "日本語"), "cannot be represented in codepage 1252");
    }

    @Test
    void aSummaryStringOutsideTheCodepageFailsCleanly() throws IOException {
        assertFailsCleanly(db -> db.summary().author = "Ελληνικά", "summary codepage");
    }

    @Test
    void aDuplicatePrimaryKeyFailsCleanly() throws IOException {
        assertFailsCleanly(db -> db.table("Property").add("ProductName", "again"), "same primary key");
    }

    @Test
    void aDuplicateCompositeKeyFailsCleanly() throws IOException {
        assertFailsCleanly(db -> db.table("FeatureComponents").add("Docs", "Readme"), "same primary key");
    }

    @Test
    void aBinaryStreamNameOver31UnitsIsRejectedNotTruncated() throws IOException {
        // "Binary." + 50 alphabet characters = 57 characters -> 29 units: fits; one more pair of non-alphabet chars does not
        String fits = "A".repeat(48);
        Database ok = productDatabase();
        ok.table("Binary").add(fits, StreamData.of(new byte[] {1}));
        Path p = write(ok, "ok.msi");
        try (Database back = MsiReader.read(p)) {
            assertArrayEquals(new byte[] {1}, ((StreamData) back.table("Binary").find(fits).get("Data")).readAllBytes());
        }
        Files.delete(p);
        assertFailsCleanly(db -> db.table("Binary").add("A".repeat(60), StreamData.of(new byte[] {1})), "too long");
        assertFailsCleanly(db -> db.table("Binary").add("é".repeat(30), StreamData.of(new byte[] {1})), "too long");
    }

    @Test
    void aPlainStreamNameOver31UnitsIsRejectedNotTruncated() throws IOException {
        assertFailsCleanly(db -> db.putStream("x".repeat(70) + ".cab", StreamData.of(new byte[] {1})), "too long");
        assertFailsCleanly(db -> db.putStream("\u0005" + "Y".repeat(31), StreamData.of(new byte[] {1})), "at most 31");
    }

    @Test
    void aTableNameOver31UnitsIsRejected() throws IOException {
        assertFailsCleanly(db -> db.createTable(new TableSchema("T".repeat(61), List.of(Col.s("K", 72).key().build()))).add("k"),
                "too long");
    }

    @Test
    void aColumnNameLongerThanColumnsNameAllowsIsAnMsiException() throws IOException {
        // _Columns.Name is s64: a longer column name would make _Columns violate its own declaration
        assertFailsCleanly(db -> db.createTable(new TableSchema("Wide", List.of(Col.s("K".repeat(65), 72).key().build()))).add("k"),
                "Wide");
    }

    @Test
    void aStreamThatCollidesWithABinaryCellIsAnMsiException() throws IOException {
        assertFailsCleanly(db -> db.putStream("Binary.Small", StreamData.of(new byte[] {1})), "Binary.Small");
        assertFailsCleanly(db -> db.putStream("\u0005SummaryInformation", StreamData.of(new byte[] {1})), "SummaryInformation");
    }

    @Test
    void twoBinaryCellsInOneRowFailCleanly() throws IOException {
        assertFailsCleanly(db -> db.createTable(new TableSchema("Two", List.of(Col.s("K", 8).key().build(), Col.v("A").build(),
                Col.v("B").build()))).add("k", StreamData.of(new byte[] {1}), StreamData.of(new byte[] {2})), "two binary cells");
    }

    /**
     * A string referenced more than 65,535 times gets a second pool entry. Two rows whose keys are the same text but
     * happen to get different entries must still be reported as duplicates.
     */
    @Test
    void aDuplicateKeySplitAcrossOverflowEntriesFailsCleanly() throws IOException {
        assertFailsCleanly(db -> {
            Table filler = db.createTable(new TableSchema("Filler", List.of(Col.i4("N").key().build(), Col.s("S", 8).build())));
            // 65,534 references here (tables are encoded in name order: Filler before Property)
            for (int i = 0; i < 65_534; i++) filler.add(i, "X");
            db.table("Property").add("X", "first"); // 65,535th reference: the first entry is full
            db.table("Property").add("X", "second"); // 65,536th: the second entry
        }, "same primary key");
    }

    @Test
    void aFailedWriteIntoAMissingDirectoryLeavesNothing() throws IOException {
        Database db = productDatabase();
        db.table("Property").add("BAD", "Ω");
        Path target = dir.resolve("sub/out.msi");
        assertThrows(MsiException.class, () -> new MsiWriter(OPTIONS).writeTo(db, target));
        assertFalse(Files.exists(target));
        try (Stream<Path> s = Files.list(dir.resolve("sub"))) {
            assertEquals(0, s.count());
        }
    }
}
