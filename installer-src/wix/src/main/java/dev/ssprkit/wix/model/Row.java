package dev.ssprkit.wix.model;

import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.diag.SourceLocation;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * One row of a Windows Installer table as a source defines it, with the source location it came from. Cells hold a
 * {@link String}, an {@link Integer}, a {@link java.nio.file.Path} (binary columns: the file whose bytes become the
 * stream) or null; the binder fills cells the source leaves to it (file sizes, sequence numbers, generated GUIDs) and
 * checks every cell against the column declarations before the row reaches the database.
 *
 * <p>{@linkplain #extra Extras} carry what the binder needs but the table does not hold (a file's payload path, a
 * property's Secure flag...), as WiX's intermediate symbols do.
 */
public final class Row implements Symbol {
    private final TableSchema schema;
    private final Object[] cells;
    private final SourceLocation location;
    /**
     * Compiler facts that are not cells, as name, value, name, value...: a row has a handful, so a scan beats a hash
     * map, and a 100,000-file build holds 200,000 of these (a HashMap each cost about 270 bytes).
     */
    private Object[] extras;
    /** A row for a table the build cannot write: cells are accepted and dropped (the element was reported). */
    private final boolean detached;

    public Row(TableSchema schema, SourceLocation location) {
        this(schema, location, false);
    }

    private Row(TableSchema schema, SourceLocation location, boolean detached) {
        this.schema = schema;
        this.cells = new Object[schema.columns().size()];
        this.location = location;
        this.detached = detached;
    }

    /** A row that belongs to no section and keeps nothing, for an element whose table is not supported. */
    public static Row detached(String table, SourceLocation location) {
        TableSchema schema = new TableSchema(table, java.util.List.of(dev.ssprkit.msi.schema.Col.s("Key", 0).key().build()));
        return new Row(schema, location, true);
    }

    public TableSchema schema() {
        return schema;
    }

    public String table() {
        return schema.name();
    }

    @Override
    public SourceLocation location() {
        return location;
    }

    /** Sets a cell by column name; an empty string is stored as null (MSI cannot tell them apart). */
    public Row set(String column, Object value) {
        if (detached) return this;
        return set(index(column), value);
    }

    public Row set(int column, Object value) {
        if (value instanceof String s && s.isEmpty()) value = null;
        if (value instanceof Boolean) throw new IllegalArgumentException(schema.name() + "." + schema.columns().get(column).name() + ": booleans are not cells");
        cells[column] = value;
        return this;
    }

    public Object get(String column) {
        if (detached) return null;
        return cells[index(column)];
    }

    public Object get(int column) {
        return cells[column];
    }

    public String str(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    public Integer integer(String column) {
        Object v = get(column);
        return v instanceof Integer i ? i : null;
    }

    /** The number of cells (the table's column count). */
    public int size() {
        return cells.length;
    }

    public Object[] cells() {
        return cells.clone();
    }

    /**
     * The cells themselves, not a copy, for the one caller that hands the row over to the database and drops it (the
     * binder's table step): a second array per row is what a large build cannot afford. The row must not be used
     * afterwards.
     */
    public Object[] handOverCells() {
        return cells;
    }

    /** Index of a column; a name the table does not have is a programming error. */
    public int index(String column) {
        int i = schema.indexOf(column);
        if (i < 0) throw new IllegalArgumentException("table " + schema.name() + " has no column " + column + "; it has " + schema.columnNames());
        return i;
    }

    public Object extra(String name) {
        if (extras == null) return null;
        for (int i = 0; i < extras.length; i += 2) {
            if (name.equals(extras[i])) return extras[i + 1];
        }
        return null;
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(extra(name));
    }

    public Row extra(String name, Object value) {
        int free = -1;
        if (extras != null) {
            for (int i = 0; i < extras.length; i += 2) {
                if (extras[i] == null) {
                    if (free < 0) free = i;
                } else if (name.equals(extras[i])) {
                    if (value == null) extras[i] = null;
                    extras[i + 1] = value;
                    return this;
                }
            }
        }
        if (value == null) return this;
        if (free < 0) {
            free = extras == null ? 0 : extras.length;
            extras = extras == null ? new Object[4] : Arrays.copyOf(extras, extras.length + 4);
        }
        extras[free] = name;
        extras[free + 1] = value;
        return this;
    }

    /** The primary key cells joined with '/', or null while a key cell is still unset. */
    public String primaryKey() {
        int keys = schema.keyCount();
        if (keys == 1) return cells[0] == null ? null : cells[0].toString();
        StringJoiner j = new StringJoiner("/");
        for (int i = 0; i < keys; i++) {
            Column c = schema.columns().get(i);
            if (cells[i] == null && !c.nullable()) return null;
            j.add(cells[i] == null ? "" : cells[i].toString());
        }
        return j.toString();
    }

    @Override
    public SymbolKey key() {
        String k = primaryKey();
        return k == null ? null : new SymbolKey(schema.name(), k);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(" | ", schema.name() + ": ", "");
        for (Object c : cells) j.add(c == null ? "" : c.toString());
        return j.toString();
    }
}
