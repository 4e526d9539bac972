package dev.ssprkit.msi.diff;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Table-level differences between two databases: tables added or removed (or whose columns changed), and rows
 * added, removed or changed, matched by primary key. Binary cells compare by content.
 */
public final class DatabaseDiff {
    /** One difference. {@code kind}: TABLE_ADDED, TABLE_REMOVED, SCHEMA_CHANGED, ROW_ADDED, ROW_REMOVED, ROW_CHANGED. */
    public record Change(String kind, String table, List<Object> key, Map<String, Object[]> cells) {
        public String text() {
            String k = key == null ? "" : " " + key;
            return switch (kind) {
                case "ROW_CHANGED" -> {
                    StringBuilder sb = new StringBuilder("~ " + table + k);
                    cells.forEach((c, v) -> sb.append("\n    ").append(c).append(": ").append(show(v[0])).append(" -> ").append(show(v[1])));
                    yield sb.toString();
                }
                case "ROW_ADDED" -> "+ " + table + k;
                case "ROW_REMOVED" -> "- " + table + k;
                case "TABLE_ADDED" -> "+ table " + table;
                case "TABLE_REMOVED" -> "- table " + table;
                default -> "! table " + table + " has different columns";
            };
        }

        private static String show(Object v) {
            return v == null ? "(null)" : "'" + v + "'";
        }
    }

    private final List<Change> changes;

    private DatabaseDiff(List<Change> changes) {
        this.changes = changes;
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** All the differences, held in a list ({@link #compare} hands them over one at a time instead). */
    public static DatabaseDiff of(Database a, Database b) {
        List<Change> out = new ArrayList<>();
        compare(a, b, out::add);
        return new DatabaseDiff(out);
    }

    /**
     * Hands each difference to {@code sink} as it is found, in the order {@link #of} lists them: tables by name; within
     * a table, rows changed or removed in key order, then rows added in key order. Nothing is kept beyond the table
     * being compared (its rows sorted by key), so a diff of two 100,000-file packages that differ in every row holds no
     * more than one that finds them equal. Returns whether any difference was found.
     */
    public static boolean compare(Database a, Database b, Consumer<Change> sink) {
        boolean differ = false;
        TreeSet<String> names = new TreeSet<>(a.tables().keySet());
        names.addAll(b.tables().keySet());
        for (String name : names) {
            Table ta = a.tableOrNull(name), tb = b.tableOrNull(name);
            if (ta == null) {
                sink.accept(new Change("TABLE_ADDED", name, null, Map.of()));
                for (Row r : tb.rows()) sink.accept(new Change("ROW_ADDED", name, key(r), Map.of()));
                differ = true;
            } else if (tb == null) {
                sink.accept(new Change("TABLE_REMOVED", name, null, Map.of()));
                differ = true;
            } else if (!ta.schema().sameStorage(tb.schema())) {
                sink.accept(new Change("SCHEMA_CHANGED", name, null, Map.of()));
                differ = true;
            } else {
                differ |= rows(ta, tb, sink);
            }
        }
        return differ;
    }

    /** Both tables' rows in key order, walked side by side (a merge): no map of keys to rows. */
    private static boolean rows(Table ta, Table tb, Consumer<Change> sink) {
        List<Row> ra = byKey(ta), rb = byKey(tb);
        List<Row> added = new ArrayList<>();
        boolean differ = false;
        int i = 0, j = 0;
        while (i < ra.size()) {
            Row x = ra.get(i);
            int c = j < rb.size() ? KEY_ORDER.compare(x, rb.get(j)) : -1;
            if (c > 0) {
                added.add(rb.get(j++));
                continue;
            }
            i++;
            if (c < 0) {
                sink.accept(new Change("ROW_REMOVED", ta.name(), key(x), Map.of()));
                differ = true;
                continue;
            }
            Row y = rb.get(j++);
            Map<String, Object[]> cells = new LinkedHashMap<>();
            for (int col = 0; col < ta.schema().columns().size(); col++) {
                Object u = x.get(col), v = y.get(col);
                if (!same(u, v)) cells.put(ta.schema().columns().get(col).name(), new Object[] {display(u), display(v)});
            }
            if (!cells.isEmpty()) {
                sink.accept(new Change("ROW_CHANGED", ta.name(), key(x), cells));
                differ = true;
            }
        }
        while (j < rb.size()) added.add(rb.get(j++));
        for (Row r : added) sink.accept(new Change("ROW_ADDED", tb.name(), key(r), Map.of()));
        return differ || !added.isEmpty();
    }

    /**
     * A table's rows sorted by primary key; of rows sharing a key (a damaged package), the last one read stands for
     * them, as a lookup by key would find it.
     */
    private static List<Row> byKey(Table t) {
        List<Row> rows = new ArrayList<>(t.rows());
        rows.sort(KEY_ORDER); // stable: rows sharing a key stay in the order read
        int kept = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (i + 1 < rows.size() && KEY_ORDER.compare(rows.get(i), rows.get(i + 1)) == 0) continue;
            rows.set(kept++, rows.get(i));
        }
        return rows.subList(0, kept);
    }

    /**
     * {@link Table#byKeyText()}, and keys whose text is the same but whose values differ (an integer and a string)
     * ordered by type, so that the order is 0 exactly when the keys are equal.
     */
    private static final Comparator<Row> KEY_ORDER = Table.byKeyText().thenComparing((a, b) -> {
        int keys = a.table().schema().keyCount();
        for (int i = 0; i < keys; i++) {
            Object x = a.get(i), y = b.get(i);
            if (!Objects.equals(x, y)) return x.getClass().getName().compareTo(y.getClass().getName());
        }
        return 0;
    });

    private static List<Object> key(Row r) {
        return Arrays.asList(Arrays.copyOf(r.cells(), r.table().schema().keyCount()));
    }

    private static boolean same(Object x, Object y) {
        if (x instanceof StreamData sx && y instanceof StreamData sy) {
            try {
                return sx.size() == sy.size() && sx.sha256().equals(sy.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Objects.equals(x, y);
    }

    private static Object display(Object v) {
        return v instanceof StreamData s ? "[stream " + s.size() + " bytes]" : v;
    }
}
