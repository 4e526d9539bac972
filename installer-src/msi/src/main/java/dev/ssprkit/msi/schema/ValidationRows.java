package dev.ssprkit.msi.schema;

import java.util.ArrayList;
import java.util.List;

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

    private static Integer bound(TableSchema schema, Column c, Long value) {
        if (value == null) return null;
        if (value < -2147483647L || value > 2147483647L) {
            throw new IllegalArgumentException(schema.name() + "." + c.name() + ": bound " + value + " does not fit _Validation's 4-byte MinValue/MaxValue");
        }
        return value.intValue();
    }
}
