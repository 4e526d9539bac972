package dev.ssprkit.msi.db;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.ColumnKind;
import dev.ssprkit.msi.schema.TableSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Column-major table streams: all values of column 1, then column 2, and so on. Widths: string references 2 bytes
 * (3 with long references), i2 2 bytes, i4 4 bytes, binary 2 bytes. Stored values: i2 = v + 0x8000, i4 = v ^ 0x80000000,
 * strings = pool id, binary = 1 when a stream exists; 0 is null everywhere.
 *
 * <p>Rows are written sorted by their stored key values (pool ids, offset integers) because msiexec rejects
 * unsorted tables (error 2219) even though Wine and msitools accept them.
 */
public final class TableCodec {
    /** The decoded value of a non-null binary cell, before the reader attaches the stream. */
    public static final Object BINARY_PRESENT = Boolean.TRUE;

    private TableCodec() {}

    public static int width(Column c, boolean longRefs) {
        return switch (c.kind()) {
            case STRING -> longRefs ? 3 : 2;
            case INT16, BINARY -> 2;
            case INT32 -> 4;
        };
    }

    public static int rowWidth(TableSchema schema, boolean longRefs) {
        int w = 0;
        for (Column c : schema.columns()) w += width(c, longRefs);
        return w;
    }

    /** Counts this table's string cells into the pool. */
    public static void countStrings(Table table, StringPoolWriter pool) {
        List<Column> cols = table.schema().columns();
        for (Row r : table.rows()) {
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).isString() && r.get(i) != null) pool.count((String) r.get(i));
            }
        }
    }

    /**
     * The stored values of every row, sorted by key; rows with equal keys are an error. Each array has one extra
     * trailing element: the row's index in {@code table.rows()}.
     */
    public static long[][] storedRows(Table table, StringPoolWriter pool) throws MsiException {
        TableSchema schema = table.schema();
        List<Column> cols = schema.columns();
        List<Row> source = table.rows();
        long[][] rows = new long[source.size()][];
        for (int n = 0; n < rows.length; n++) {
            Row r = source.get(n);
            long[] v = new long[cols.size() + 1];
            for (int i = 0; i < cols.size(); i++) v[i] = stored(cols.get(i), r.get(i), pool);
            v[cols.size()] = n;
            rows[n] = v;
        }
        int keys = schema.keyCount();
        // Keys are compared as text too when a string has several pool entries (one referenced more than 65,535
        // times): two rows with the same key text can then get different ids and would not meet as neighbours in
        // stored order. Otherwise equal text is an equal id, and the neighbours below are all there is to compare.
        if (pool.hasSeveralIdsForAString()) {
            Set<List<Object>> seen = new HashSet<>();
            for (Row r : source) {
                if (!seen.add(Arrays.asList(Arrays.copyOf(r.cells(), keys)))) throw duplicateKey(schema, r, keys);
            }
        }
        Arrays.sort(rows, (a, b) -> compareKeys(a, b, keys));
        for (int i = 1; i < rows.length; i++) {
            if (compareKeys(rows[i - 1], rows[i], keys) == 0) {
                throw duplicateKey(schema, source.get((int) rows[i][cols.size()]), keys);
            }
        }
        return rows;
    }

    private static MsiException duplicateKey(TableSchema schema, Row dup, int keys) {
        Object[] key = Arrays.copyOf(dup.cells(), keys);
        return new MsiException("table " + schema.name(), "two rows have the same primary key " + Arrays.toString(key)
                + (dup.origin() == null ? "" : " (" + dup.origin() + ")") + "; primary keys must be unique");
    }

    static int compareKeys(long[] a, long[] b, int keys) {
        for (int i = 0; i < keys; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    private static long stored(Column c, Object v, StringPoolWriter pool) {
        return switch (c.kind()) {
            case STRING -> v == null ? 0 : pool.ref((String) v);
            case INT16, INT32 -> storedInt(c, (Integer) v);
            case BINARY -> v == null ? 0 : 1;
        };
    }

    private static long storedInt(Column c, Integer v) {
        if (v == null) return 0;
        return c.kind() == ColumnKind.INT16 ? (v + 0x8000) & 0xFFFFL : (v ^ 0x80000000) & 0xFFFFFFFFL;
    }

    /** Column-major bytes of already sorted stored rows. */
    public static byte[] encode(TableSchema schema, long[][] rows, boolean longRefs) {
        int rowWidth = rowWidth(schema, longRefs);
        byte[] out = new byte[rows.length * rowWidth];
        int pos = 0;
        List<Column> cols = schema.columns();
        for (int c = 0; c < cols.size(); c++) {
            int w = width(cols.get(c), longRefs);
            for (long[] row : rows) {
                long v = row[c];
                for (int b = 0; b < w; b++) out[pos++] = (byte) (v >>> (8 * b));
            }
        }
        return out;
    }

    /** Decoded cells of a table stream; binary cells are left as the stored marker (Integer 1) or null. */
    public static List<Object[]> decode(TableSchema schema, byte[] data, StringPoolReader pool, String where) throws MsiException {
        int rowWidth = rowWidth(schema, pool.longRefs());
        if (data.length % rowWidth != 0) {
            throw new MsiException(where, "stream size " + data.length + " is not a multiple of the row size " + rowWidth
                    + " (" + schema.columns().size() + " columns" + (pool.longRefs() ? ", 3-byte string references" : "") + ")");
        }
        int rowCount = data.length / rowWidth;
        List<Column> cols = schema.columns();
        Object[][] cells = new Object[rowCount][cols.size()];
        int pos = 0;
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            int w = width(col, pool.longRefs());
            for (int r = 0; r < rowCount; r++) {
                long v = 0;
                for (int b = 0; b < w; b++) v |= (data[pos++] & 0xFFL) << (8 * b);
                cells[r][c] = value(col, v, pool, where);
            }
        }
        List<Object[]> rows = new ArrayList<>(rowCount);
        for (Object[] r : cells) rows.add(r);
        return rows;
    }

    private static Object value(Column c, long v, StringPoolReader pool, String where) throws MsiException {
        if (v == 0) return null;
        return switch (c.kind()) {
            case STRING -> pool.get((int) v, where + " column " + c.name());
            case INT16 -> (int) v - 0x8000;
            case INT32 -> (int) (v ^ 0x80000000L);
            case BINARY -> BINARY_PRESENT;
        };
    }
}
