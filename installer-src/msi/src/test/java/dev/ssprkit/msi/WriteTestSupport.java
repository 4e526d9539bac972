package dev.ssprkit.msi;

import dev.ssprkit.msi.db.DatabaseEncoder;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.TableSchema;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Databases and comparisons shared by the write-path tests. */
final class WriteTestSupport {
    static final Instant BUILD_TIME = Instant.parse("2024-05-06T07:08:09Z");
    static final WriteOptions OPTIONS = new WriteOptions(BUILD_TIME);

    private WriteTestSupport() {}

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + seed * 7 + (i >>> 8));
        return b;
    }

    /** A string of exactly n characters (all cp1252), not a plain repetition. */
    static String longString(int n, char salt) {
        StringBuilder sb = new StringBuilder(n);
        String alphabet = "abcdefghijklmnopqrstuvwxyzéß©€ \t\r\n0123456789" + salt;
        for (int i = 0; sb.length() < n; i++) sb.append(alphabet.charAt((i * 7 + i / 13) % alphabet.length()));
        return sb.toString();
    }

    /** A product-like database with the usual standard tables filled by hand, a Binary stream and a custom table. */
    static Database productDatabase() {
        Database db = new Database();
        db.table("Property").add("ProductCode", "{12345678-1234-1234-1234-123456789ABC}");
        db.table("Property").add("ProductName", "Sample Café Product ©");
        db.table("Property").add("ProductVersion", "1.2.3");
        db.table("Property").add("Manufacturer", "Straße & Söhne € GmbH");
        db.table("Property").add("ProductLanguage", "1033");
        db.table("Property").add("ALLUSERS", "1");
        db.table("Property").add("UpgradeCode", "{87654321-4321-4321-4321-CBA987654321}");
        db.table("Directory").add("TARGETDIR", null, "SourceDir");
        db.table("Directory").add("ProgramFiles64Folder", "TARGETDIR", ".");
        db.table("Directory").add("INSTALLDIR", "ProgramFiles64Folder", "sample~1|Sample Product");
        db.table("Directory").add("BinDir", "INSTALLDIR", "bin");
        db.table("Component").add("MainExe", "{11111111-2222-3333-4444-555555555555}", "BinDir", 256, null, "app.exe");
        db.table("Component").add("Readme", "{11111111-2222-3333-4444-666666666666}", "INSTALLDIR", 256, "NOT Installed", "readme.txt");
        db.table("Component").add("Reg", "{11111111-2222-3333-4444-777777777777}", "INSTALLDIR", 260, null, "RegValue");
        db.table("File").add("app.exe", "MainExe", "app.exe", 123456, "1.2.3.4", "1033", 512, 1);
        db.table("File").add("readme.txt", "Readme", "readme.txt|Read Me.txt", 42, null, null, 512, 2);
        db.table("Registry").add("RegValue", 2, "Software\\Sample\\Product", "InstallDir", "[INSTALLDIR]", "Reg");
        db.table("Registry").add("RegDefault", -1, "Software\\Sample", null, "#1", "Reg");
        db.table("Feature").add("Complete", null, "Sample Product", "Everything in the box.", 1, 1, "INSTALLDIR", 0);
        db.table("Feature").add("Docs", "Complete", "Documentation", null, 2, 3, null, 16);
        db.table("FeatureComponents").add("Complete", "MainExe");
        db.table("FeatureComponents").add("Complete", "Reg");
        db.table("FeatureComponents").add("Docs", "Readme");
        db.table("Media").add(1, 2, null, "#product.cab", null, null);
        for (String[] a : new String[][] {{"CostInitialize", "800"}, {"FileCost", "900"}, {"CostFinalize", "1000"},
                {"InstallValidate", "1400"}, {"InstallInitialize", "1500"}, {"InstallFiles", "4000"},
                {"WriteRegistryValues", "5000"}, {"InstallFinalize", "6600"}, {"LaunchConditions", "100"}}) {
            db.table("InstallExecuteSequence").add(a[0], null, Integer.parseInt(a[1]));
        }
        db.table("InstallExecuteSequence").add("RemoveExistingProducts", "PREVIOUSVERSIONSINSTALLED", 1450);
        db.table("Binary").add("CustomDll", StreamData.of(bytes(10_000, 1)));
        db.table("Binary").add("Small", StreamData.of(bytes(100, 2)));
        TableSchema custom = new TableSchema("SspCustom", List.of(
                Col.s("Id", 72).key().build(), Col.i2("Seq").key().build(),
                Col.i4("Big").nullable().build(), Col.l("Text", 0).nullable().build(), Col.v("Data").nullable().build()));
        Table t = db.createTable(custom);
        t.add("a", -32767, -2147483647, "min", StreamData.of(bytes(5, 3)));
        t.add("a", 32767, 2147483647, "max\twith tab", null);
        t.add("b", 0, null, null, StreamData.of(bytes(4097, 4)));
        db.putStream("product.cab", StreamData.of(bytes(20_000, 5)));
        SummaryInfo s = db.summary();
        s.subject = "Sample Café Product";
        s.author = "Straße & Söhne";
        s.comments = "Built for tests ©";
        s.template = "x64;1033";
        s.lastSavedBy = "tests";
        s.createTime = BUILD_TIME;
        s.lastSaveTime = BUILD_TIME.plusSeconds(3600);
        return db;
    }

    /** A database with one table of n distinct strings (forcing 3-byte string references once n > 65,534). */
    static Database manyStrings(int n) {
        Database db = new Database();
        Table t = db.createTable(new TableSchema("Many", List.of(Col.s("Key", 0).key().build(), Col.i4("N").build())));
        for (int i = 0; i < n; i++) t.add("s" + i, i);
        return db;
    }

    /** One string referenced n times, in a key column (so rows must sort across its duplicate pool entries). */
    static Database oneStringManyTimes(int n) {
        Database db = new Database();
        Table t = db.createTable(new TableSchema("Same", List.of(Col.s("Key", 72).key().build(), Col.i4("N").key().build(),
                Col.s("Other", 0).nullable().build())));
        for (int i = 0; i < n; i++) t.add("same", i - n / 2, i % 1000 == 0 ? "rare" + (i % 3) : "same");
        return db;
    }

    /** Asserts that a database read back equals the one written (rows compared in key order, streams by content). */
    static void assertSameDatabase(Database expected, Database actual) throws IOException {
        assertEquals(expected.codepage(), actual.codepage(), "codepage");
        assertEquals(expected.tables().keySet(), actual.tables().keySet(), "table names");
        for (Table e : expected.tables().values()) {
            Table a = actual.tableOrNull(e.name());
            assertNotNull(a, e.name());
            assertTrue(e.schema().sameStorage(a.schema()), e.name() + ": schema " + e.schema().columns() + " read back as " + a.schema().columns());
            List<Row> er = sorted(e), ar = sorted(a);
            assertEquals(er.size(), ar.size(), e.name() + " row count");
            for (int i = 0; i < er.size(); i++) {
                for (int c = 0; c < e.schema().columns().size(); c++) {
                    Object x = er.get(i).get(c), y = ar.get(i).get(c);
                    String where = e.name() + " row " + i + " column " + e.schema().columns().get(c).name();
                    if (x instanceof StreamData xs) {
                        assertTrue(y instanceof StreamData, where + ": expected a stream, got " + y);
                        assertTrue(Arrays.equals(xs.readAllBytes(), ((StreamData) y).readAllBytes()), where + ": stream content differs");
                    } else {
                        assertEquals(x, y, where);
                    }
                }
            }
        }
        assertEquals(expected.streams().keySet(), actual.streams().keySet(), "streams");
        for (Map.Entry<String, StreamData> s : expected.streams().entrySet()) {
            assertTrue(Arrays.equals(s.getValue().readAllBytes(), actual.streams().get(s.getKey()).readAllBytes()), "stream " + s.getKey());
        }
        SummaryInfo es = expected.summary().copy(), as = actual.summary().copy();
        if (es.revisionNumber == null) {
            assertTrue(as.revisionNumber != null && as.revisionNumber.matches("\\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}}"),
                    "derived package code " + as.revisionNumber);
            as.revisionNumber = null;
        }
        if (es.createTime == null) es.createTime = BUILD_TIME;
        if (es.lastSaveTime == null) es.lastSaveTime = es.createTime;
        assertEquals(es, as, "summary information");
    }

    static List<Row> sorted(Table t) {
        List<Row> rows = new ArrayList<>(t.rows());
        rows.sort(Table.byKeyText());
        return rows;
    }

    /** The value msiinfo export prints for a cell. */
    static String idtCell(Table t, Row r, int c) {
        Object v = r.get(c);
        if (v == null) return "";
        if (v instanceof StreamData) return DatabaseEncoder.binaryStreamName(t.schema(), r.cells());
        return v.toString();
    }

    /** The three header lines of msiinfo export for a schema. */
    static String idtHeader(TableSchema schema) {
        List<String> names = new ArrayList<>(), types = new ArrayList<>(), keys = new ArrayList<>();
        keys.add(schema.name());
        for (Column c : schema.columns()) {
            names.add(c.name());
            types.add(c.idtType());
            if (c.key()) keys.add(c.name());
        }
        return String.join("\t", names) + "\r\n" + String.join("\t", types) + "\r\n" + String.join("\t", keys) + "\r\n";
    }

    /** The row lines of msiinfo export for a table, in key order. */
    static String idtBody(Table t) {
        StringBuilder sb = new StringBuilder();
        for (Row r : sorted(t)) {
            for (int c = 0; c < r.size(); c++) {
                if (c > 0) sb.append('\t');
                sb.append(idtCell(t, r, c));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }
}
