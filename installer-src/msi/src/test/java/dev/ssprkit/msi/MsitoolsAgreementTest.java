package dev.ssprkit.msi;

import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.msi.db.Codepages;
import dev.ssprkit.msi.db.DatabaseEncoder;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.SystemTables;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * msitools (libmsi) reads what we write exactly as our model says: table list, every table in IDT form, the
 * codepage, the streams, the summary information; msidump succeeds. msitools is run in a temporary working directory
 * because {@code msiinfo export} drops every binary cell into {@code ./<Table>/<Table.key>} there.
 */
@Tag("interop")
class MsitoolsAgreementTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireMsitools() {
        Tool.require("msiinfo", "msidump");
    }

    private Tool.Result run(Path workDir, String... command) {
        return Tool.run(List.of(command), workDir, Map.of("TZ", "UTC", "LC_ALL", "C.UTF-8"), 300).assertOk();
    }

    private void assertMsitoolsAgrees(Database db, String name) throws IOException {
        Path msi = dir.resolve(name + ".msi");
        new MsiWriter(WriteTestSupport.OPTIONS).writeTo(db, msi);
        assertEquals(List.of(), StructuralCheck.check(msi));
        Path work = Files.createDirectories(dir.resolve(name + "-work"));

        // tables
        TreeSet<String> expectedTables = new TreeSet<>(db.tables().keySet());
        expectedTables.add("_SummaryInformation");
        expectedTables.add("_ForceCodepage");
        assertEquals(expectedTables, new TreeSet<>(lines(run(work, "msiinfo", "tables", msi.toString()).stdout(), "\n")), "msiinfo tables");

        // every table in IDT form, plus _Tables and _Columns
        for (Table t : db.tables().values()) {
            assertExport(work, msi, t.schema(), WriteTestSupport.idtBody(t));
            if (t.schema().hasBinaryColumn()) assertBinaryFiles(work, t);
        }
        StringBuilder tablesBody = new StringBuilder(), columnsBody = new StringBuilder();
        for (Table t : db.tables().values()) {
            tablesBody.append(t.name()).append("\r\n");
            int n = 1;
            for (Column c : t.schema().columns()) {
                columnsBody.append(t.name()).append('\t').append(n++).append('\t').append(c.name()).append('\t').append(c.typeWord()).append("\r\n");
            }
        }
        assertExport(work, msi, SystemTables.TABLES, tablesBody.toString());
        assertExport(work, msi, SystemTables.COLUMNS, columnsBody.toString());

        // codepage
        String cp = run(work, "msiinfo", "export", msi.toString(), "_ForceCodepage").stdout();
        assertTrue(cp.startsWith("\r\n\r\n" + db.codepage() + "\t_ForceCodepage\r\n"), "_ForceCodepage: " + cp.replace("\r", "\\r").replace("\n", "\\n"));

        // streams: binary cells + Database.streams() + summary information
        TreeSet<String> expectedStreams = new TreeSet<>(db.streams().keySet());
        expectedStreams.add("\u0005SummaryInformation");
        for (Table t : db.tables().values()) {
            for (Row r : t.rows()) {
                for (int c = 0; c < r.size(); c++) {
                    if (r.get(c) instanceof StreamData) expectedStreams.add(DatabaseEncoder.binaryStreamName(t.schema(), r.cells()));
                }
            }
        }
        assertEquals(expectedStreams, new TreeSet<>(lines(run(work, "msiinfo", "streams", msi.toString()).stdout(), "\n")), "msiinfo streams");
        for (Map.Entry<String, StreamData> s : db.streams().entrySet()) {
            Path out = work.resolve("stream.bin");
            Tool.Result r = Tool.run(List.of("sh", "-c", "msiinfo extract \"$0\" \"$1\" > \"$2\"", msi.toString(), s.getKey(), out.toString()),
                    work, Map.of(), 300).assertOk();
            assertArrayEquals(s.getValue().readAllBytes(), Files.readAllBytes(out), "msiinfo extract " + s.getKey() + r.stderr());
        }

        // summary information
        assertSummary(db.summary(), msi, work);

        // msidump
        Path dump = Files.createDirectories(work.resolve("dump"));
        run(work, "msidump", "-t", "-s", "-d", dump.toString(), msi.toString());
        for (String t : db.tables().keySet()) assertTrue(Files.isRegularFile(dump.resolve(t + ".idt")), "msidump wrote " + t + ".idt");
    }

    private void assertExport(Path work, Path msi, TableSchema schema, String expectedBody) {
        String out = run(work, "msiinfo", "export", msi.toString(), schema.name()).stdout();
        String header = WriteTestSupport.idtHeader(schema);
        if (SystemTables.isSystem(schema.name())) {
            // msitools quirk: its built-in _Tables/_Columns definitions carry no key flag, so the third line lists no keys
            header = header.substring(0, header.lastIndexOf("\r\n", header.length() - 3) + 2) + schema.name() + "\r\n";
        }
        assertTrue(out.startsWith(header), schema.name() + " header:\n" + out.substring(0, Math.min(out.length(), 300)) + "\nexpected:\n" + header);
        // rows as sorted sets of CRLF-separated lines (values may hold tabs and newlines, printed raw)
        List<String> actual = lines(out.substring(header.length()), "\r\n");
        List<String> expected = lines(expectedBody, "\r\n");
        actual.sort(null);
        expected.sort(null);
        if (!expected.equals(actual)) {
            assertEquals(expected.size(), actual.size(), schema.name() + " line count");
            for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), actual.get(i), schema.name() + " line " + i);
        }
    }

    /** msiinfo export writes each binary cell to ./Table/Table.key in its working directory. */
    private static void assertBinaryFiles(Path work, Table t) throws IOException {
        int b = -1;
        for (int i = 0; i < t.schema().columns().size(); i++) if (t.schema().columns().get(i).isBinary()) b = i;
        for (Row r : t.rows()) {
            if (r.get(b) instanceof StreamData s) {
                Path f = work.resolve(t.name()).resolve(DatabaseEncoder.binaryStreamName(t.schema(), r.cells()));
                assertArrayEquals(s.readAllBytes(), Files.readAllBytes(f), f.toString());
            }
        }
    }

    private void assertSummary(SummaryInfo s, Path msi, Path work) throws IOException {
        // msiinfo prints the summary strings' bytes as stored (in the summary codepage), not converted to UTF-8
        Path file = work.resolve("suminfo.txt");
        Tool.run(List.of("sh", "-c", "msiinfo suminfo \"$0\" > \"$1\"", msi.toString(), file.toString()), work, Map.of("TZ", "UTC"), 300).assertOk();
        List<String> out = lines(new String(Files.readAllBytes(file), Codepages.charset(s.codepage == 0 ? 1252 : s.codepage, "test")), "\n");
        DateTimeFormatter asctime = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
        List<String> expected = new ArrayList<>();
        add(expected, "Title", s.title);
        add(expected, "Subject", s.subject);
        add(expected, "Author", s.author);
        add(expected, "Keywords", s.keywords);
        add(expected, "Comments", s.comments);
        add(expected, "Template", s.template);
        add(expected, "Last author", s.lastSavedBy);
        expected.add("Created: " + asctime.format(s.createTime == null ? WriteTestSupport.BUILD_TIME : s.createTime));
        expected.add("Last saved: " + asctime.format(s.lastSaveTime != null ? s.lastSaveTime : s.createTime != null ? s.createTime : WriteTestSupport.BUILD_TIME));
        if (s.pageCount != null) expected.add("Version: " + s.pageCount + " (" + Integer.toHexString(s.pageCount) + ")");
        if (s.wordCount != null) expected.add("Source: " + s.wordCount + " (" + Integer.toHexString(s.wordCount) + ")");
        if (s.charCount != null) expected.add("Restrict: " + s.charCount + " (" + Integer.toHexString(s.charCount) + ")");
        add(expected, "Application", s.appName);
        if (s.security != null) expected.add("Security: " + s.security + " (" + Integer.toHexString(s.security) + ")");
        for (String e : expected) assertTrue(out.contains(e), "msiinfo suminfo lacks '" + e + "':\n" + String.join("\n", out));
        String rev = out.stream().filter(l -> l.startsWith("Revision number (UUID): ")).findFirst().orElseThrow();
        if (s.revisionNumber != null) assertEquals("Revision number (UUID): " + s.revisionNumber, rev);
        else assertTrue(rev.matches("Revision number \\(UUID\\): \\{[0-9A-F-]{36}}"), rev);
        assertEquals(expected.size() + 1, out.size(), "msiinfo suminfo prints other fields:\n" + String.join("\n", out));
    }

    private static void add(List<String> lines, String label, String value) {
        if (value != null) lines.add(label + ": " + value);
    }

    private static List<String> lines(String text, String separator) {
        List<String> l = new ArrayList<>(Arrays.asList(text.split(java.util.regex.Pattern.quote(separator), -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) l.remove(l.size() - 1);
        return l;
    }

    // ---- databases ----

    @Test
    void aProductLikeDatabase() throws IOException {
        assertMsitoolsAgrees(WriteTestSupport.productDatabase(), "product");
    }

    @Test
    void longStringsAndAwkwardCharacters() throws IOException {
        Database db = new Database();
        db.table("Property").add("Long", WriteTestSupport.longString(70_000, 'a'));
        db.table("Property").add("Exactly65535", WriteTestSupport.longString(65_535, 'b'));
        db.table("Property").add("Exactly65536", WriteTestSupport.longString(65_536, 'c'));
        db.table("Property").add("Latin1", "é ß © € ÿ Œ “quotes” – dash");
        db.table("Property").add("Tabs", "a\tb\tc");
        db.table("Property").add("Lines", "first\r\nsecond\nthird");
        Table t = db.createTable(new TableSchema("Ints", List.of(Col.i2("Short").key().build(), Col.i4("Long").key().build(),
                Col.s("Note", 0).nullable().build())));
        t.add(-32767, -2147483647, "both minimal");
        t.add(32767, 2147483647, "both maximal");
        t.add(0, 0, null);
        t.add(-1, 1, "");
        assertMsitoolsAgrees(db, "long");
    }

    @Test
    void moreThan65535Strings() throws IOException {
        Database db = WriteTestSupport.manyStrings(66_000);
        db.table("Property").add("AFTER", "value with an id beyond 0xFFFF");
        db.table("Binary").add("Blob", StreamData.of(new byte[] {1, 2, 3}));
        assertMsitoolsAgrees(db, "many");
    }

    @Test
    void aStringReferencedMoreThan65535Times() throws IOException {
        assertMsitoolsAgrees(WriteTestSupport.oneStringManyTimes(70_000), "same");
    }

    @Test
    void anotherDatabaseCodepage() throws IOException {
        Database db = new Database().codepage(1251);
        db.table("Property").add("ProductName", "Привет, мир");
        db.table("Property").add("Manufacturer", "ООО «Пример»");
        db.summary().codepage = 1251;
        db.summary().subject = "Пример";
        assertMsitoolsAgrees(db, "cyrillic");
    }

    @Test
    void randomDatabasesFromTheRoundTripGenerator() throws IOException {
        List<Database> samples = new RoundTripPropertiesTest().databasesWithLongStrings().sampleStream().limit(8).toList();
        for (int i = 0; i < samples.size(); i++) assertMsitoolsAgrees(samples.get(i), "random" + i);
    }

    @Test
    void anEmptyDatabaseAndEmptyTables() throws IOException {
        assertMsitoolsAgrees(new Database(), "empty");
        Database db = new Database();
        db.table("Property");
        db.createTable(new TableSchema("Nothing", List.of(Col.s("K", 72).key().build(), Col.v("Data").nullable().build())));
        assertMsitoolsAgrees(db, "emptytables");
    }
}
