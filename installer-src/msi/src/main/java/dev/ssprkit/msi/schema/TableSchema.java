package dev.ssprkit.msi.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The columns of one table, key columns first (as every standard schema has them). */
public record TableSchema(String name, List<Column> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException(name + ": a table needs at least one column");
        if (columns.size() > 32) throw new IllegalArgumentException(name + ": at most 32 columns");
        if (!columns.get(0).key()) throw new IllegalArgumentException(name + ": the first column must be a key column");
        Set<String> seen = new HashSet<>();
        boolean keys = true;
        for (Column c : columns) {
            if (!seen.add(c.name())) throw new IllegalArgumentException(name + ": duplicate column " + c.name());
            if (c.key() && !keys) throw new IllegalArgumentException(name + ": key column " + c.name() + " after a non-key column");
            keys = c.key();
        }
    }

    public int keyCount() {
        int n = 0;
        for (Column c : columns) if (c.key()) n++;
        return n;
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        return -1;
    }

    public Column column(String column) {
        int i = indexOf(column);
        if (i < 0) throw new IllegalArgumentException("table " + name + " has no column " + column + "; it has " + columnNames());
        return columns.get(i);
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column c : columns) names.add(c.name());
        return Collections.unmodifiableList(names);
    }

    public boolean hasBinaryColumn() {
        for (Column c : columns) if (c.isBinary()) return true;
        return false;
    }

    /** Same name and the same stored column definitions (validation metadata ignored). */
    public boolean sameStorage(TableSchema other) {
        if (!name.equals(other.name) || columns.size() != other.columns.size()) return false;
        for (int i = 0; i < columns.size(); i++) if (!columns.get(i).sameStorage(other.columns.get(i))) return false;
        return true;
    }
}
