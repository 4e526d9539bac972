package dev.ssprkit.msi.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code _Validation} rows that describe a table, made from its declaration: one row per column, cells in the
 * order of {@code _Validation}'s own columns. Works for any {@link TableSchema}, so a custom table (WiX's
 * {@code CustomTable}, an extension's tables) gets rows the same way a standard one does.
 */
public final class ValidationRows {
    private ValidationRows() {}

    /** One row per column of {@code schema}: Table, Column, Nullable, MinValue, MaxValue, KeyTable, KeyColumn, Category, Set, Description. */
    public static List<Object[]> of(TableSchema schema) {
        List<Object[]> rows = new ArrayList<>(schema.columns().size());
        for (Column c : schema.columns()) {
            rows.add(new Object[] {
                    schema.name(), c.name(), c.nullable() ? "Y" : "N", bound(schema, c, c.minValue()), bound(schema, c, c.maxValue()),
                    c.keyTable(), c.keyColumn(), c.category() == null ? null : c.category().msiName(), c.set(), c.description()});
        }
        return rows;
    }

    /**
     * A stored table's schema (as read from {@code _Columns}, which has no validation metadata) with the metadata its
     * {@code _Validation} rows give: category, range, key table, value set and description. Storage (kind, width,
     * nullable, key, localizable) stays what {@code _Columns} says; columns without a row keep no metadata. Rows of
     * other tables are ignored, so the whole {@code _Validation} table can be passed.
     */
    public static TableSchema applyTo(TableSchema stored, Iterable<Object[]> validationRows) {
        Map<String, Object[]> byColumn = new HashMap<>();
        for (Object[] row : validationRows) {
            if (row.length < 10) throw new IllegalArgumentException("a _Validation row has " + row.length + " cells; it has 10 columns");
            if (stored.name().equals(row[0]) && row[1] instanceof String column) byColumn.put(column, row);
        }
        List<Column> columns = new ArrayList<>(stored.columns().size());
        for (Column c : stored.columns()) {
            Object[] r = byColumn.get(c.name());
            if (r == null) {
                columns.add(c);
                continue;
            }
            columns.add(new Column(c.name(), c.kind(), c.size(), c.nullable(), c.key(), c.localizable(),
                    Category.fromMsiName((String) r[7]), toLong(r[3]), toLong(r[4]), (String) r[5], (Integer) r[6], (String) r[8], (String) r[9]));
        }
        return new TableSchema(stored.name(), columns);
    }

    private static Long toLong(Object cell) {
        return cell == null ? null : ((Integer) cell).longValue();
    }

    private static Integer bound(TableSchema schema, Column c, Long value) {
        if (value == null) return null;
        if (value < -2147483647L || value > 2147483647L) {
            throw new IllegalArgumentException(schema.name() + "." + c.name() + ": bound " + value + " does not fit _Validation's 4-byte MinValue/MaxValue");
        }
        return value.intValue();
    }
}
