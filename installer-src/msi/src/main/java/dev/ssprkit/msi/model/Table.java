package dev.ssprkit.msi.model;

import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.TableSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rows of one table. Cells hold {@link String} (never empty: MSI cannot tell "" from null), {@link Integer},
 * {@link StreamData} or null, checked against the column declarations as rows are added.
 */
public final class Table {
    private final TableSchema schema;
    private final List<Row> rows = new ArrayList<>();
    /** The read-only view {@link #rows()} returns: one object, not one per call (lookups call it per probe). */
    private final List<Row> view = Collections.unmodifiableList(rows);

    public Table(TableSchema schema) {
        this.schema = Objects.requireNonNull(schema);
    }

    public TableSchema schema() {
        return schema;
    }

    public String name() {
        return schema.name();
    }

    public List<Row> rows() {
        return view;
    }

    /** Adds a row; values in column order. */
    public Row add(Object... values) {
        return addFrom(null, values);
    }

    /** Adds a row that came from a source location (shown in messages about it). */
    public Row addFrom(String origin, Object... values) {
        return addFrom(origin, true, values);
    }

    /**
     * Like {@link #addFrom(String, Object...)}; {@code checkWidth = false} lets a string be longer than its column's
     * declared width, which Windows Installer stores and reads (the SDK's ICE03 only warns: "string overflow").
     */
    public Row addFrom(Object origin, boolean checkWidth, Object[] values) {
        return adopt(origin, checkWidth, values.clone());
    }

    /**
     * Like {@link #addFrom(Object, boolean, Object[])}, but the row keeps {@code cells} itself instead of a copy (a
     * caller that builds a large table from arrays it drops afterwards); empty strings in it become null.
     */
    public Row adopt(Object origin, boolean checkWidth, Object[] cells) {
        List<Column> cols = schema.columns();
        if (cells.length != cols.size()) {
            throw new IllegalArgumentException(schema.name() + ": " + cells.length + " values for " + cols.size() + " columns " + schema.columnNames());
        }
        for (int i = 0; i < cells.length; i++) cells[i] = checkCell(cols.get(i), cells[i], origin, checkWidth);
        Row row = new Row(this, cells, origin);
        rows.add(row);
        return row;
    }

    /**
     * Adds a row read from a file: the same checks as {@link #add} except string widths, which Windows Installer
     * does not enforce when it reads a package (see {@link #overWide}).
     */
    public Row addAsRead(Object... values) {
        List<Column> cols = schema.columns();
        if (values.length != cols.size()) {
            throw new IllegalArgumentException(schema.name() + ": " + values.length + " values for " + cols.size() + " columns " + schema.columnNames());
        }
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) cells[i] = checkCell(cols.get(i), values[i], null, false);
        Row row = new Row(this, cells, null);
        rows.add(row);
        return row;
    }

    /** Indexes of the string cells longer than their column's declared width. */
    public static List<Integer> overWide(TableSchema schema, Object[] cells) {
        List<Integer> out = new ArrayList<>();
        List<Column> cols = schema.columns();
        for (int i = 0; i < cells.length && i < cols.size(); i++) {
            Column c = cols.get(i);
            if (c.isString() && c.size() > 0 && cells[i] instanceof String s && s.length() > c.size()) out.add(i);
        }
        return out;
    }

    public void remove(Row row) {
        rows.remove(row);
    }

    public void clear() {
        rows.clear();
    }

    /** The first row whose key columns equal the given values, or null. */
    public Row find(Object... key) {
        for (Row r : rows) {
            boolean match = true;
            for (int i = 0; i < key.length && match; i++) match = Objects.equals(r.get(i), key[i]);
            if (match) return r;
        }
        return null;
    }

    private String place(Column c, Object origin) {
        return schema.name() + "." + c.name() + (origin == null ? "" : " (" + origin + ")");
    }

    private Object checkCell(Column c, Object v, Object origin, boolean checkWidth) {
        // only a failing cell needs the text (building it for every cell was a tenth of a large build's allocation,
        // and so was a lambda that would build it)
        if (v instanceof String s && s.isEmpty()) v = null;
        if (v == null) {
            if (!c.nullable()) throw new IllegalArgumentException(place(c, origin) + ": column is not nullable");
            return null;
        }
        switch (c.kind()) {
            case STRING -> {
                if (!(v instanceof String s)) throw new IllegalArgumentException(place(c, origin) + ": expected a string, got " + v.getClass().getSimpleName());
                if (checkWidth && c.size() > 0 && s.length() > c.size()) {
                    throw new IllegalArgumentException(place(c, origin) + ": '" + abbreviate(s) + "' is " + s.length() + " characters; the column holds at most " + c.size());
                }
            }
            case INT16 -> {
                if (!(v instanceof Integer n)) throw new IllegalArgumentException(place(c, origin) + ": expected an integer, got " + v.getClass().getSimpleName());
                if (n < -32767 || n > 32767) throw new IllegalArgumentException(place(c, origin) + ": " + n + " does not fit a 2-byte column (-32767..32767)");
            }
            case INT32 -> {
                if (!(v instanceof Integer n)) throw new IllegalArgumentException(place(c, origin) + ": expected an integer, got " + v.getClass().getSimpleName());
                if (n == Integer.MIN_VALUE) throw new IllegalArgumentException(place(c, origin) + ": -2147483648 is the null value and cannot be stored");
            }
            case BINARY -> {
                if (!(v instanceof StreamData)) throw new IllegalArgumentException(place(c, origin) + ": expected stream data, got " + v.getClass().getSimpleName());
            }
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /**
     * A comparator on rows by their key cells' text (integers numerically), for comparing tables whatever their stored
     * order.
     */
    public static Comparator<Row> byKeyText() {
        return (a, b) -> {
            int keys = a.table().schema().keyCount();
            for (int i = 0; i < keys; i++) {
                Object x = a.get(i), y = b.get(i);
                int c;
                if (x == null || y == null) c = x == null ? (y == null ? 0 : -1) : 1;
                else if (x instanceof Integer xi && y instanceof Integer yi) c = Integer.compare(xi, yi);
                else c = x.toString().compareTo(y.toString());
                if (c != 0) return c;
            }
            return 0;
        };
    }

    @Override
    public String toString() {
        return schema.name() + "[" + rows.size() + " rows]";
    }
}
