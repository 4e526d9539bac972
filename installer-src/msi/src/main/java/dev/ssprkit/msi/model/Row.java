package dev.ssprkit.msi.model;

import java.util.Arrays;

/** One row: cells in column order, plus where it came from (a source file location, when it came from source). */
public final class Row {
    private final Table table;
    private final Object[] cells;
    /** Where the row came from, as any object whose text names it (a source location): made into text only when shown. */
    private final Object origin;

    Row(Table table, Object[] cells, Object origin) {
        this.table = table;
        this.cells = cells;
        this.origin = origin;
    }

    public Table table() {
        return table;
    }

    public Object get(int column) {
        return cells[column];
    }

    public Object get(String column) {
        int i = table.schema().indexOf(column);
        if (i < 0) throw new IllegalArgumentException("table " + table.name() + " has no column " + column);
        return cells[i];
    }

    public String string(String column) {
        return (String) get(column);
    }

    public Integer integer(String column) {
        return (Integer) get(column);
    }

    /** A copy of the cells. */
    public Object[] cells() {
        return cells.clone();
    }

    /** Where this row came from (e.g. {@code Product.wxs:12:5}), or null. */
    public String origin() {
        return origin == null ? null : origin.toString();
    }

    /**
     * The origin as it was given (a typed source location, for a caller that reports at it), or null: callers that
     * look a row's origin up keep no copy of their own (a 100,000-file build has 400,000 rows).
     */
    public Object originValue() {
        return origin;
    }

    public int size() {
        return cells.length;
    }

    @Override
    public String toString() {
        return table.name() + Arrays.toString(cells);
    }
}
