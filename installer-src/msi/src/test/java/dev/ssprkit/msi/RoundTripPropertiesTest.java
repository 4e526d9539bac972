package dev.ssprkit.msi;

import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.msi.db.DatabaseEncoder;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.db.StringPoolReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.TableSchema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * write (MsiWriter) -> read (MsiReader) gives back the database, and StructuralCheck finds nothing in any file we
 * write. Random custom tables with 1-3 key columns and columns of every kind, random rows and strings (empty,
 * non-ASCII Latin-1, €, tabs and newlines, some over 64 KiB).
 */
class RoundTripPropertiesTest {
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("ssprkit-roundtrip");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Writes, checks, reads back and compares; returns nothing, throws on any difference. */
    static void roundTrip(Database db) throws IOException {
        Path file = Files.createTempFile(dir, "rt", ".msi");
        try {
            new MsiWriter(WriteTestSupport.OPTIONS).writeTo(db, file);
            assertEquals(List.of(), StructuralCheck.check(file));
            try (Database back = MsiReader.read(file)) {
                WriteTestSupport.assertSameDatabase(db, back);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ---- generators ----

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._";
    private static final String WEIRD = " éßÉ©€ÿ~!\t\n\r\"'\\|[]{}#%";

    private static Arbitrary<String> text(int maxLength, boolean allowEmpty) {
        Arbitrary<String> plain = Arbitraries.strings().withChars(PLAIN.toCharArray()).ofMinLength(allowEmpty ? 0 : 1).ofMaxLength(maxLength);
        Arbitrary<String> mixed = Arbitraries.strings().withChars((PLAIN + WEIRD).toCharArray()).ofMinLength(allowEmpty ? 0 : 1).ofMaxLength(maxLength);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, plain), net.jqwik.api.Tuple.of(2, mixed));
    }

    /** Strings over 64 KiB (cp1252: one byte per character), around the 65,535/65,536 boundary too. */
    private static Arbitrary<String> longText() {
        return Combinators.combine(Arbitraries.strings().withChars((PLAIN + WEIRD).toCharArray()).ofMinLength(1).ofMaxLength(20),
                Arbitraries.oneOf(Arbitraries.integers().between(65_534, 65_537), Arbitraries.integers().between(65_538, 140_000)))
                .as((base, n) -> base.repeat(n / base.length() + 1).substring(0, n));
    }

    private record ColSpec(char kind, int size, boolean nullable, boolean localizable) {
        Column build(String name, boolean key) {
            Col c = switch (kind) {
                case 's' -> localizable ? Col.l(name, size) : Col.s(name, size);
                case '2' -> Col.i2(name);
                case '4' -> Col.i4(name);
                default -> Col.v(name);
            };
            if (key) c.key();
            if (nullable) c.nullable();
            return c.build();
        }
    }

    private static Arbitrary<ColSpec> keySpec() {
        return Arbitraries.of(new ColSpec('s', 72, false, false), new ColSpec('s', 0, false, false), new ColSpec('s', 255, false, true),
                new ColSpec('2', 2, false, false), new ColSpec('4', 4, false, false));
    }

    private static Arbitrary<ColSpec> otherSpec() {
        return Combinators.combine(Arbitraries.of('s', 's', 's', '2', '4'), Arbitraries.of(0, 72, 255), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(ColSpec::new);
    }

    private static Arbitrary<Object> value(Column c, boolean shortKeys, boolean allowLong) {
        Arbitrary<Object> v = switch (c.kind()) {
            case STRING -> {
                int max = shortKeys ? 6 : c.size() == 0 ? 100 : Math.min(c.size(), 100);
                Arbitrary<String> s = shortKeys
                        ? Arbitraries.strings().withChars(PLAIN.toCharArray()).ofMinLength(1).ofMaxLength(max)
                        : text(max, c.nullable());
                if (c.size() == 0 && allowLong && !c.key()) s = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(40, s), net.jqwik.api.Tuple.of(1, longText()));
                yield s.map(x -> (Object) x);
            }
            case INT16 -> Arbitraries.oneOf(Arbitraries.integers().between(-32767, 32767), Arbitraries.of(-32767, 32767, 0, -1, 1))
                    .map(x -> (Object) x);
            case INT32 -> Arbitraries.oneOf(Arbitraries.integers().between(-2147483647, 2147483647),
                    Arbitraries.of(-2147483647, 2147483647, 0, -1, 1, 65536, -65536)).map(x -> (Object) x);
            case BINARY -> Arbitraries.bytes().array(byte[].class).ofMaxSize(6000).map(b -> (Object) StreamData.of(b));
        };
        return c.nullable() ? v.injectNull(0.25) : v;
    }

    private static Arbitrary<TableSchema> schema(String name) {
        return Combinators.combine(keySpec().list().ofMinSize(1).ofMaxSize(3), otherSpec().list().ofMaxSize(6), Arbitraries.of(true, false))
                .as((keys, others, binary) -> {
                    List<Column> cols = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) cols.add(keys.get(i).build("K" + i, true));
                    for (int i = 0; i < others.size(); i++) cols.add(others.get(i).build("C" + i, false));
                    if (binary) cols.add(new ColSpec('v', 0, true, false).build("Data", false));
                    return new TableSchema(name, cols);
                });
    }

    private static Arbitrary<Table> table(String name, boolean allowLong) {
        return schema(name).flatMap(schema -> {
            boolean shortKeys = schema.hasBinaryColumn();
            List<Arbitrary<Object>> cells = new ArrayList<>();
            for (Column c : schema.columns()) cells.add(value(c, shortKeys && c.key(), allowLong));
            Arbitrary<Object[]> row = Combinators.combine(cells).as(List::toArray);
            return row.list().ofMaxSize(25).map(rows -> {
                Table t = new Table(schema);
                Set<List<Object>> keys = new HashSet<>();
                for (Object[] r : rows) {
                    if (!keys.add(Arrays.asList(Arrays.copyOf(r, schema.keyCount())))) continue;
                    int b = schema.indexOf("Data");
                    if (b >= 0 && r[b] != null && !streamNameFits(DatabaseEncoder.binaryStreamName(schema, r))) r[b] = null;
                    t.add(r);
                }
                return t;
            });
        });
    }

    private static boolean streamNameFits(String name) {
        try {
            StreamNames.encode(name, false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Arbitrary<Database> database(boolean allowLong) {
        // no '.' in table names: msiinfo export (libmsi's IDT exporter) fails on them, though they store and read fine
        Arbitrary<List<String>> names = Arbitraries.strings().withChars(PLAIN.replace(".", "").toCharArray()).ofMinLength(1).ofMaxLength(10)
                .map(s -> "T" + s).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
        Arbitrary<List<Table>> tables = names.flatMap(ns -> {
            List<Arbitrary<Table>> ts = new ArrayList<>();
            for (String n : ns) ts.add(table(n, allowLong));
            return Combinators.combine(ts).as(l -> l);
        });
        Arbitrary<List<String[]>> properties = Combinators.combine(
                Arbitraries.strings().withChars(PLAIN.toCharArray()).ofMinLength(1).ofMaxLength(72), text(300, false))
                .as((k, v) -> new String[] {k, v}).list().ofMaxSize(10);
        Arbitrary<List<byte[]>> streams = Arbitraries.bytes().array(byte[].class).ofMaxSize(9000).list().ofMaxSize(3);
        // no line breaks in summary strings: msiinfo suminfo prints one field per line
        Arbitrary<String> summaryText = text(60, true).map(x -> x.replace('\n', ' ').replace('\r', ' ')).injectNull(0.3);
        return Combinators.combine(tables, properties, streams, summaryText, summaryText).as((ts, props, ss, subject, author) -> {
            Database db = new Database();
            for (Table t : ts) {
                Table copy = db.createTable(t.schema());
                t.rows().forEach(r -> copy.add(r.cells()));
            }
            Set<String> seen = new HashSet<>();
            for (String[] p : props) if (seen.add(p[0])) db.table("Property").add(p[0], p[1]);
            for (int i = 0; i < ss.size(); i++) db.putStream("Stream" + i + ".cab", StreamData.of(ss.get(i)));
            db.summary().subject = subject == null || subject.isEmpty() ? null : subject;
            db.summary().author = author == null || author.isEmpty() ? null : author;
            return db;
        });
    }

    @Provide
    Arbitrary<Database> databases() {
        return database(false);
    }

    @Provide
    Arbitrary<Database> databasesWithLongStrings() {
        return database(true);
    }

    // ---- properties ----

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void writeThenReadGivesTheSameDatabase(@ForAll("databases") Database db) throws IOException {
        roundTrip(db);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void longStringsSurviveTheRoundTrip(@ForAll("databasesWithLongStrings") Database db) throws IOException {
        roundTrip(db);
    }

    @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
    void writingIsDeterministic(@ForAll("databases") Database db) throws IOException {
        Path a = Files.createTempFile(dir, "a", ".msi"), b = Files.createTempFile(dir, "b", ".msi");
        try {
            new MsiWriter(WriteTestSupport.OPTIONS).writeTo(db, a);
            new MsiWriter(WriteTestSupport.OPTIONS).writeTo(db, b);
            assertTrue(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)), "two writes differ");
        } finally {
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
        }
    }

    // ---- examples: boundaries and the heavy cases ----

    @Example
    void stringsAroundTheLongStringBoundary() throws IOException {
        Database db = new Database();
        Table t = db.createTable(new TableSchema("Lengths", List.of(Col.i4("N").key().build(), Col.s("Text", 0).build())));
        for (int n : new int[] {1, 255, 256, 65_535, 65_536, 65_537, 131_072, 200_001}) t.add(n, WriteTestSupport.longString(n, 'x'));
        db.table("Property").add("AFTER", "a string after the long ones");
        roundTrip(db);
    }

    @Example
    void moreThan65535DistinctStringsUseThreeByteReferences() throws IOException {
        Database db = WriteTestSupport.manyStrings(70_000);
        db.table("Property").add("ZZZ", "last"); // a table after the big one, with ids beyond 0xFFFF
        db.table("Binary").add("Blob", StreamData.of(new byte[] {1, 2, 3}));
        Path file = Files.createTempFile(dir, "many", ".msi");
        try {
            new MsiWriter(WriteTestSupport.OPTIONS).writeTo(db, file);
            assertTrue(readPool(file).longRefs(), "long-references flag");
        } finally {
            Files.deleteIfExists(file);
        }
        roundTrip(db);
    }

    @Example
    void aStringReferencedMoreThan65535TimesGetsDuplicateEntries() throws IOException {
        Database db = WriteTestSupport.oneStringManyTimes(140_000); // "same" in the key column and in Other: ~279,860 refs
        Path file = Files.createTempFile(dir, "same", ".msi");
        try {
            new MsiWriter(WriteTestSupport.OPTIONS).writeTo(db, file);
            StringPoolReader pool = readPool(file);
            int entries = 0;
            long refs = 0;
            for (int id = 1; id < pool.size(); id++) {
                if ("same".equals(pool.get(id, "test"))) {
                    entries++;
                    refs += pool.refcount(id);
                    assertTrue(pool.refcount(id) <= 0xFFFF);
                }
            }
            assertEquals(140_000 + 140_000 - 140, refs);
            assertEquals((refs + 0xFFFE) / 0xFFFF, entries, "entries for 'same'");
        } finally {
            Files.deleteIfExists(file);
        }
        roundTrip(db);
    }

    private static StringPoolReader readPool(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            byte[] pool, data;
            try (InputStream s = fs.createDocumentInputStream(StreamNames.encode("_StringPool", true))) {
                pool = s.readAllBytes();
            }
            try (InputStream s = fs.createDocumentInputStream(StreamNames.encode("_StringData", true))) {
                data = s.readAllBytes();
            }
            return new StringPoolReader(pool, data);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
