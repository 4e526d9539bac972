package dev.ssprkit.msi.transform;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.TableSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The row changes that turn one table into another with the same schema, in key order. */
final class TableDiff {
    private TableDiff() {}

    static List<RowChange> diff(Table base, Table target) throws IOException {
        TableSchema schema = target.schema();
        int keys = schema.keyCount();
        Map<List<Object>, Row> before = byKey(base, keys);
        Map<List<Object>, Row> after = byKey(target, keys);
        List<Row> order = new ArrayList<>(base.rows());
        for (Row r : target.rows()) if (!before.containsKey(key(r, keys))) order.add(r);
        order.sort(Table.byKeyText());
        List<RowChange> changes = new ArrayList<>();
        for (Row r : order) {
            List<Object> k = key(r, keys);
            Row b = before.get(k), t = after.get(k);
            if (t == null) {
                changes.add(RowChange.delete(b.cells()));
            } else if (b == null) {
                changes.add(RowChange.add(t.cells()));
            } else {
                int mask = 0;
                for (int i = keys; i < schema.columns().size(); i++) {
                    if (!sameCell(b.get(i), t.get(i))) mask |= 1 << i;
                }
                if (mask != 0) changes.add(RowChange.update(t.cells(), mask));
            }
        }
        return changes;
    }

    static List<RowChange> addAll(Table target) {
        List<Row> rows = new ArrayList<>(target.rows());
        rows.sort(Table.byKeyText());
        List<RowChange> changes = new ArrayList<>();
        for (Row r : rows) changes.add(RowChange.add(r.cells()));
        return changes;
    }

    private static Map<List<Object>, Row> byKey(Table t, int keys) {
        Map<List<Object>, Row> m = new LinkedHashMap<>();
        for (Row r : t.rows()) m.put(key(r, keys), r);
        return m;
    }

    private static List<Object> key(Row r, int keys) {
        return Arrays.asList(Arrays.copyOf(r.cells(), keys));
    }

    static boolean sameCell(Object a, Object b) throws IOException {
        if (a instanceof StreamData x && b instanceof StreamData y) {
            return x.size() == y.size() && x.sha256().equals(y.sha256());
        }
        return Objects.equals(a, b);
    }
}
