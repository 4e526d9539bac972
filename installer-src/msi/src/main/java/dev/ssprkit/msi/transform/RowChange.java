package dev.ssprkit.msi.transform;

import java.util.Arrays;

/**
 * One row operation of a table transform. {@code cells} has every column of the table; for an {@link Kind#UPDATE}
 * only the key cells and the cells whose bit is set in {@code changedColumns} are meaningful.
 *
 * @param changedColumns bit i = column i (0-based) changed; used by {@link Kind#UPDATE} only
 */
public record RowChange(Kind kind, Object[] cells, int changedColumns) {
    public enum Kind { ADD, UPDATE, DELETE }

    public static RowChange add(Object[] cells) {
        return new RowChange(Kind.ADD, cells, 0);
    }

    public static RowChange delete(Object[] cells) {
        return new RowChange(Kind.DELETE, cells, 0);
    }

    public static RowChange update(Object[] cells, int changedColumns) {
        return new RowChange(Kind.UPDATE, cells, changedColumns);
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(cells) + (kind == Kind.UPDATE ? " mask=0x" + Integer.toHexString(changedColumns) : "");
    }
}
