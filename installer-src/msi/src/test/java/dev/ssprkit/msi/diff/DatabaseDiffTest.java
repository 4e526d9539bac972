package dev.ssprkit.msi.diff;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.TableSchema;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sspr diff}'s comparison: rows are matched by primary key (the MSI SDK's definition of a row's identity, which
 * transforms also use), tables by name. The expected changes below are written from that rule by hand; the property
 * checks the streaming walk against a plain map-by-key model of the same rule.
 */
class DatabaseDiffTest {
    /** Two-part key (string, integer), a string and an integer cell. */
    static final TableSchema PAIRS = new TableSchema("Pairs", List.of(
            Col.s("Name", 32).key().build(),
            Col.i2("Slot").key().build(),
            Col.s("Text", 32).nullable().build(),
            Col.i4("Count").nullable().build()));

    private static Database with(TableSchema schema, Object[]... rows) {
        Database db = new Database();
        Table t = db.createTable(schema);
        for (Object[] r : rows) t.add(r);
        return db;
    }

    private static List<String> texts(List<DatabaseDiff.Change> changes) {
        return changes.stream().map(DatabaseDiff.Change::text).toList();
    }

    @Test
    void rowsChangedRemovedThenAddedInKeyOrder() {
        Database a = with(PAIRS,
                new Object[] {"b", 10, "same", 1},
                new Object[] {"b", 2, "old", 1},
                new Object[] {"a", 1, "gone", null});
        Database b = with(PAIRS,
                new Object[] {"c", 1, "new", 5},
                new Object[] {"b", 2, "new", null},
                new Object[] {"b", 10, "same", 1},
                new Object[] {"a", 0, "added", 3});
        DatabaseDiff d = DatabaseDiff.of(a, b);
        // keys in order: the string part by text, the integer part by number (2 before 10)
        assertEquals(List.of(
                "- Pairs [a, 1]",
                "~ Pairs [b, 2]\n    Text: 'old' -> 'new'\n    Count: '1' -> (null)",
                "+ Pairs [a, 0]",
                "+ Pairs [c, 1]"), texts(d.changes()));
        assertFalse(d.isEmpty());
        List<DatabaseDiff.Change> streamed = new ArrayList<>();
        assertTrue(DatabaseDiff.compare(a, b, streamed::add));
        assertEquals(texts(d.changes()), texts(streamed));
        assertArrayEquals(new Object[] {"old", "new"}, d.changes().get(1).cells().get("Text"));
    }

    @Test
    void equalDatabasesHaveNoChanges() {
        Object[][] rows = {{"x", 1, "t", 2}, {"y", 1, null, null}};
        assertTrue(DatabaseDiff.of(with(PAIRS, rows), with(PAIRS, rows)).isEmpty());
        assertFalse(DatabaseDiff.compare(with(PAIRS, rows), with(PAIRS, rows), c -> { throw new AssertionError(c); }));
    }

    @Test
    void tablesAddedRemovedOrReshaped() {
        TableSchema other = new TableSchema("Other", List.of(Col.s("Id", 10).key().build()));
        TableSchema reshaped = new TableSchema("Pairs", List.of(Col.s("Name", 32).key().build()));
        Database a = with(PAIRS, new Object[] {"a", 1, null, null});
        Database b = with(other, new Object[] {"k2"}, new Object[] {"k1"});
        // tables by name: Other added (its rows as stored), Pairs removed
        assertEquals(List.of("+ table Other", "+ Other [k2]", "+ Other [k1]", "- table Pairs"), texts(DatabaseDiff.of(a, b).changes()));
        assertEquals(List.of("! table Pairs has different columns"),
                texts(DatabaseDiff.of(a, with(reshaped, new Object[] {"a"})).changes()));
    }

    @Test
    void streamsCompareByContent() {
        TableSchema binary = new TableSchema("Blobs", List.of(Col.s("Name", 32).key().build(), Col.v("Data").build()));
        Database a = with(binary, new Object[] {"one", StreamData.of(new byte[] {1, 2, 3})},
                new Object[] {"two", StreamData.of(new byte[] {1, 2})});
        Database b = with(binary, new Object[] {"one", StreamData.of(new byte[] {1, 2, 3})},
                new Object[] {"two", StreamData.of(new byte[] {1, 3})});
        assertEquals(List.of("~ Blobs [two]\n    Data: '[stream 2 bytes]' -> '[stream 2 bytes]'"),
                texts(DatabaseDiff.of(a, b).changes()));
    }

    @Test
    void ofRowsSharingAKeyTheLastReadStands() {
        // a damaged package can hold two rows with one key; a lookup by key (Windows Installer's, the old map) finds one
        Database a = with(PAIRS, new Object[] {"k", 1, "first", null}, new Object[] {"k", 1, "second", null});
        Database b = with(PAIRS, new Object[] {"k", 1, "second", null});
        assertTrue(DatabaseDiff.of(a, b).isEmpty());
        Database c = with(PAIRS, new Object[] {"k", 1, "first", null});
        assertEquals(List.of("~ Pairs [k, 1]\n    Text: 'second' -> 'first'"), texts(DatabaseDiff.of(a, c).changes()));
    }

    /** Random tables over a small key space (so that keys meet), against a model: maps by key, sorted. */
    @Property(tries = 300)
    void agreesWithAMapByKeyModel(@ForAll @Size(max = 60) List<@IntRange(max = 39) Integer> keysA,
                                  @ForAll @Size(max = 60) List<@IntRange(max = 39) Integer> keysB,
                                  @ForAll @Size(max = 120) List<@IntRange(max = 2) Integer> values) {
        Database a = new Database(), b = new Database();
        fill(a.createTable(PAIRS), keysA, values, 0);
        fill(b.createTable(PAIRS), keysB, values, 7);
        List<String> expected = model(a.table("Pairs"), b.table("Pairs"));
        List<String> actual = new ArrayList<>();
        boolean differ = DatabaseDiff.compare(a, b, c -> actual.add(c.text()));
        assertEquals(expected, actual);
        assertEquals(!expected.isEmpty(), differ);
    }

    private static void fill(Table t, List<Integer> keys, List<Integer> values, int shift) {
        for (int i = 0; i < keys.size(); i++) {
            int k = keys.get(i);
            int v = values.isEmpty() ? 0 : values.get((i + shift) % values.size());
            t.add("n" + (k % 4), k / 4, v == 0 ? null : "v" + v, v == 2 ? null : v);
        }
    }

    /** Map each table by key (a later row replaces an earlier one), walk A's keys in order, then B's new ones. */
    private static List<String> model(Table ta, Table tb) {
        Map<String, Row> ma = byKey(ta), mb = byKey(tb);
        List<String> out = new ArrayList<>();
        ma.forEach((k, x) -> {
            Row y = mb.get(k);
            if (y == null) {
                out.add("- Pairs " + k);
                return;
            }
            StringBuilder sb = new StringBuilder("~ Pairs " + k);
            for (int c = 0; c < PAIRS.columns().size(); c++) {
                if (!Objects.equals(x.get(c), y.get(c))) {
                    sb.append("\n    ").append(PAIRS.columns().get(c).name()).append(": ").append(show(x.get(c)))
                            .append(" -> ").append(show(y.get(c)));
                }
            }
            if (sb.indexOf("\n") >= 0) out.add(sb.toString());
        });
        mb.keySet().stream().filter(k -> !ma.containsKey(k)).forEach(k -> out.add("+ Pairs " + k));
        return out;
    }

    private static Map<String, Row> byKey(Table t) {
        // ordered as the key reads: name, then slot as a number (zero-padded so text order is number order)
        Map<String, Row> sorted = new TreeMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (Row r : t.rows()) {
            String order = r.get(0) + "\0" + String.format("%05d", (Integer) r.get(1));
            sorted.put(order, r);
            shown.put(order, Arrays.asList(r.get(0), r.get(1)).toString());
        }
        Map<String, Row> out = new LinkedHashMap<>();
        sorted.forEach((order, r) -> out.put(shown.get(order), r));
        return out;
    }

    private static String show(Object v) {
        return v == null ? "(null)" : "'" + v + "'";
    }
}
