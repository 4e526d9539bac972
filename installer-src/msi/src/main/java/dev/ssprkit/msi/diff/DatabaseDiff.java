package dev.ssprkit.msi.diff;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

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

    public static DatabaseDiff of(Database a, Database b) {
        List<Change> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(a.tables().keySet());
        names.addAll(b.tables().keySet());
        for (String name : names) {
            Table ta = a.tableOrNull(name), tb = b.tableOrNull(name);
            if (ta == null) {
                out.add(new Change("TABLE_ADDED", name, null, Map.of()));
                for (Row r : tb.rows()) out.add(new Change("ROW_ADDED", name, key(r), Map.of()));
            } else if (tb == null) {
                out.add(new Change("TABLE_REMOVED", name, null, Map.of()));
            } else if (!ta.schema().sameStorage(tb.schema())) {
                out.add(new Change("SCHEMA_CHANGED", name, null, Map.of()));
            } else {
                rows(ta, tb, out);
            }
        }
        return new DatabaseDiff(out);
    }

    private static void rows(Table ta, Table tb, List<Change> out) {
        Map<List<Object>, Row> ra = index(ta), rb = index(tb);
        for (var e : ra.entrySet()) {
            Row other = rb.get(e.getKey());
            if (other == null) {
                out.add(new Change("ROW_REMOVED", ta.name(), e.getKey(), Map.of()));
                continue;
            }
            Map<String, Object[]> cells = new LinkedHashMap<>();
            for (int i = 0; i < ta.schema().columns().size(); i++) {
                Object x = e.getValue().get(i), y = other.get(i);
                if (!same(x, y)) cells.put(ta.schema().columns().get(i).name(), new Object[] {display(x), display(y)});
            }
            if (!cells.isEmpty()) out.add(new Change("ROW_CHANGED", ta.name(), e.getKey(), cells));
        }
        for (var e : rb.entrySet()) {
            if (!ra.containsKey(e.getKey())) out.add(new Change("ROW_ADDED", tb.name(), e.getKey(), Map.of()));
        }
    }

    private static Map<List<Object>, Row> index(Table t) {
        List<Row> rows = new ArrayList<>(t.rows());
        rows.sort(Table.byKeyText());
        Map<List<Object>, Row> m = new LinkedHashMap<>();
        for (Row r : rows) m.put(key(r), r);
        return m;
    }

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
