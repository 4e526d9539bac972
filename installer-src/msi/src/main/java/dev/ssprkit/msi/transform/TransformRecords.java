package dev.ssprkit.msi.transform;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.db.StringPoolReader;
import dev.ssprkit.msi.db.StringPoolWriter;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.TableSchema;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The record format of a table stream inside a transform (Wine {@code table_load_transform} /
 * {@code get_transform_record}; the hand-built transform of Wine's msi tests). Unlike a database table stream, a
 * transform stream is row-major: a sequence of records, each a u16 mask followed by cells.
 * <ul>
 *   <li>mask with bit 0 set: a whole row (insert, or replace when the key exists); the high byte is the number of
 *       columns that follow, in column order.</li>
 *   <li>mask 0: delete; only the key cells follow.</li>
 *   <li>otherwise: update; bit i (0-based column index) marks a present non-key column; key cells are always present.
 *       A 16-bit mask can address 16 columns, so updates of wider tables are refused.</li>
 * </ul>
 * Cells use the database widths (strings 2 or 3 bytes per the transform's own string pool, i2 2, i4 4, binary 2) and
 * the same stored encodings; strings refer to the transform's pool, binary cells are 1 and their data is a stream
 * named {@code Table.key} in the transform.
 */
final class TransformRecords {
    static final int MAX_MASK_COLUMNS = 16;

    private TransformRecords() {}

    /** Whether column i is written for this change. */
    static boolean present(TableSchema schema, RowChange change, int i) {
        Column c = schema.columns().get(i);
        return switch (change.kind()) {
            case ADD -> true;
            case DELETE -> c.key();
            case UPDATE -> c.key() || (change.changedColumns() & (1 << i)) != 0;
        };
    }

    static int mask(TableSchema schema, RowChange change) throws MsiException {
        int n = schema.columns().size();
        return switch (change.kind()) {
            case ADD -> {
                if (n > 0xFF) throw new MsiException("table " + schema.name(), n + " columns do not fit a transform record");
                yield (n << 8) | 1;
            }
            case DELETE -> 0;
            case UPDATE -> {
                if (n > MAX_MASK_COLUMNS) {
                    throw new MsiException("table " + schema.name(), "has " + n + " columns; a transform update record's 16-bit mask"
                            + " addresses at most " + MAX_MASK_COLUMNS + " (updating wider tables is not supported)");
                }
                int m = change.changedColumns() & ~keyBits(schema);
                if (m == 0) throw new IllegalStateException("update without changed non-key columns: " + change);
                yield m;
            }
        };
    }

    static int keyBits(TableSchema schema) {
        int bits = 0;
        for (int i = 0; i < schema.columns().size(); i++) if (schema.columns().get(i).key()) bits |= 1 << i;
        return bits;
    }

    static void countStrings(TableSchema schema, RowChange change, StringPoolWriter pool) {
        for (int i = 0; i < schema.columns().size(); i++) {
            if (schema.columns().get(i).isString() && present(schema, change, i) && change.cells()[i] != null) {
                pool.count((String) change.cells()[i]);
            }
        }
    }

    static void write(TableSchema schema, RowChange change, StringPoolWriter pool, boolean longRefs, ByteArrayOutputStream out)
            throws MsiException {
        int mask = mask(schema, change);
        out.write(mask & 0xFF);
        out.write((mask >>> 8) & 0xFF);
        List<Column> cols = schema.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (!present(schema, change, i)) continue;
            Column c = cols.get(i);
            Object v = change.cells()[i];
            long stored;
            int width;
            switch (c.kind()) {
                case STRING -> {
                    stored = v == null ? 0 : pool.ref((String) v);
                    width = longRefs ? 3 : 2;
                }
                case INT16 -> {
                    stored = v == null ? 0 : (((Integer) v) + 0x8000) & 0xFFFF;
                    width = 2;
                }
                case INT32 -> {
                    stored = v == null ? 0 : (((Integer) v) ^ 0x80000000) & 0xFFFFFFFFL;
                    width = 4;
                }
                default -> {
                    stored = v == null ? 0 : 1;
                    width = 2;
                }
            }
            for (int b = 0; b < width; b++) out.write((int) (stored >>> (8 * b)) & 0xFF);
        }
    }

    /** A decoded record: its mask and the cells present (absent ones null, binary cells as Boolean.TRUE when set). */
    record Decoded(int mask, Object[] cells, boolean[] present) {
        RowChange.Kind kind() {
            if ((mask & 1) != 0) return RowChange.Kind.ADD;
            return mask == 0 ? RowChange.Kind.DELETE : RowChange.Kind.UPDATE;
        }
    }

    static List<Decoded> read(TableSchema schema, byte[] data, StringPoolReader pool, String where) throws MsiException {
        List<Decoded> out = new ArrayList<>();
        List<Column> cols = schema.columns();
        int n = 0;
        while (n < data.length) {
            if (n + 2 > data.length) throw new MsiException(where, "a record's mask is cut off at byte " + n);
            int mask = (data[n] & 0xFF) | ((data[n + 1] & 0xFF) << 8);
            int pos = n + 2;
            int count = (mask & 1) != 0 ? mask >>> 8 : cols.size();
            if (count > cols.size()) {
                throw new MsiException(where, "a record at byte " + n + " has " + count + " columns; the table has " + cols.size());
            }
            Object[] cells = new Object[cols.size()];
            boolean[] present = new boolean[cols.size()];
            for (int i = 0; i < count; i++) {
                Column c = cols.get(i);
                boolean here = (mask & 1) != 0 || c.key() || (mask & (1 << i)) != 0;
                if (!here) continue;
                int width = switch (c.kind()) {
                    case STRING -> pool.longRefs() ? 3 : 2;
                    case INT32 -> 4;
                    default -> 2;
                };
                if (pos + width > data.length) throw new MsiException(where, "the record at byte " + n + " runs past the end of the stream");
                long v = 0;
                for (int b = 0; b < width; b++) v |= (data[pos + b] & 0xFFL) << (8 * b);
                pos += width;
                present[i] = true;
                if (v == 0) continue;
                cells[i] = switch (c.kind()) {
                    case STRING -> pool.get((int) v, where + " column " + c.name());
                    case INT16 -> (int) v - 0x8000;
                    case INT32 -> (int) (v ^ 0x80000000L);
                    case BINARY -> Boolean.TRUE;
                };
            }
            out.add(new Decoded(mask, cells, present));
            n = pos;
        }
        return out;
    }
}
