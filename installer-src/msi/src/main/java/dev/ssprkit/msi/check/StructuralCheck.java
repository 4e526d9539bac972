package dev.ssprkit.msi.check;

import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.container.PoiStorageReader;
import dev.ssprkit.msi.db.Codepages;
import dev.ssprkit.msi.db.DatabaseEncoder;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.ColumnKind;
import dev.ssprkit.msi.schema.SystemTables;
import dev.ssprkit.msi.schema.TableSchema;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A strict structural check of an installation database, on the raw stored values rather than on a decoded model:
 * the things Wine and msitools tolerate but Windows Installer may not (sorted rows, exact refcounts, widths).
 *
 * <p>It verifies that every table ({@code _Tables} and {@code _Columns} included) is sorted strictly ascending by its
 * stored key values (string ids, offset integers) with no duplicate keys; that every {@code _StringPool} refcount
 * equals the number of persisted references across all tables, with unused ids {0, 0}; that the long-references flag
 * agrees with the highest id; that every table stream is a whole number of rows; that each table's column numbers are
 * 1..n; that every binary cell has its stream; and that values fit their declared columns (string length in
 * characters, nullability, binary markers).
 *
 * <p>Schemas come from the file's own {@code _Tables}/{@code _Columns}. Nothing is thrown for a bad file: every
 * finding is one readable line; an empty list means the file passed.
 */
public final class StructuralCheck {
    /** Stop listing after this many problems; a broken writer would otherwise print one per cell. */
    static final int MAX_PROBLEMS = 200;
    /** Largest stream the check reads into memory (table streams and the pool). */
    static final long MAX_STREAM = 1L << 30;

    private final List<String> problems = new ArrayList<>();

    private StructuralCheck() {}

    /** The problems found in the file; empty when it is structurally sound. */
    public static List<String> check(Path msi) {
        StructuralCheck c = new StructuralCheck();
        try (PoiStorageReader storage = PoiStorageReader.open(msi)) {
            c.run(storage);
        } catch (IOException | RuntimeException e) {
            c.problem("cannot check " + msi.getFileName() + ": " + (e instanceof IOException && e.getMessage() != null ? e.getMessage() : PoiStorageReader.describe(e)));
        }
        if (c.problems.size() > MAX_PROBLEMS) {
            int more = c.problems.size() - MAX_PROBLEMS;
            List<String> cut = new ArrayList<>(c.problems.subList(0, MAX_PROBLEMS));
            cut.add("... and " + more + " more problems");
            return List.copyOf(cut);
        }
        return List.copyOf(c.problems);
    }

    private void problem(String text) {
        problems.add(text);
    }

    /** A decoded string pool: per id the decoded string (null for unused ids) and the stored refcount. */
    private static final class Pool {
        boolean longRefs;
        int codepage;
        final List<String> strings = new ArrayList<>();
        final List<Integer> refcounts = new ArrayList<>();
        int[] counted;

        int maxId() {
            return strings.size() - 1;
        }
    }

    private void run(PoiStorageReader storage) throws IOException {
        String clsid = storage.rootClsid();
        if (!MsiClsids.DATABASE.equalsIgnoreCase(String.valueOf(clsid))) {
            problem("root storage CLSID is " + clsid + ", not the installation database CLSID " + MsiClsids.DATABASE);
        }
        Map<String, String> tableStreams = new HashMap<>(); // decoded table name -> stored name
        Set<String> plainStreams = new HashSet<>();          // decoded names of the other streams
        for (String stored : storage.streamNames()) {
            if (StreamNames.isTable(stored)) tableStreams.put(StreamNames.decode(stored), stored);
            else plainStreams.add(stored.startsWith("\u0005") ? stored : StreamNames.decode(stored));
        }
        String poolName = tableStreams.remove("_StringPool"), dataName = tableStreams.remove("_StringData");
        if (poolName == null || dataName == null) {
            problem("_StringPool/_StringData: missing (" + (poolName == null ? "_StringPool " : "") + (dataName == null ? "_StringData" : "") + ")");
            return;
        }
        Pool pool = readPool(storage.read(poolName, MAX_STREAM), storage.read(dataName, MAX_STREAM));
        if (pool == null) return;
        pool.counted = new int[pool.strings.size()];

        // _Tables
        long[][] tablesRows = rawRows(storage, tableStreams, SystemTables.TABLES, pool);
        if (!tableStreams.containsKey("_Tables")) problem("_Tables: the stream is missing");
        checkRows(SystemTables.TABLES, tablesRows, pool, storage, plainStreams);
        List<String> names = new ArrayList<>();
        for (long[] r : tablesRows) names.add(string(pool, r[0]));

        // _Columns
        long[][] columnRows = rawRows(storage, tableStreams, SystemTables.COLUMNS, pool);
        checkRows(SystemTables.COLUMNS, columnRows, pool, storage, plainStreams);
        Map<String, TreeMap<Integer, Column>> columns = new LinkedHashMap<>();
        for (long[] r : columnRows) {
            String table = string(pool, r[0]);
            String name = string(pool, r[2]);
            if (table == null || r[1] == 0 || name == null || r[3] == 0) continue; // reported by checkRows
            int number = (int) r[1] - 0x8000;
            int type = ((int) r[3] - 0x8000) & 0xFFFF;
            if (!names.contains(table)) problem("_Columns: describes table " + table + ", which _Tables does not list");
            if ((type & Column.TEMPORARY) != 0) {
                problem("_Columns: " + table + "." + name + " is a temporary column, which is never persisted");
                continue;
            }
            Column col;
            try {
                col = Column.fromTypeWord(name, type);
            } catch (IllegalArgumentException e) {
                problem("_Columns: " + table + "." + name + " has an invalid type 0x" + Integer.toHexString(type) + ": " + e.getMessage());
                continue;
            }
            if (columns.computeIfAbsent(table, t -> new TreeMap<>()).put(number, col) != null) {
                problem("_Columns: table " + table + " has two columns numbered " + number);
            }
        }

        // every listed table
        for (String table : new java.util.LinkedHashSet<>(names)) {
            if (table == null) continue;
            if (SystemTables.isSystem(table)) {
                problem("_Tables: lists the system table " + table);
                continue;
            }
            TreeMap<Integer, Column> cols = columns.get(table);
            if (cols == null || cols.isEmpty()) {
                problem("_Columns: has no columns for table " + table);
                continue;
            }
            int expect = 1;
            boolean numbered = true;
            for (int n : cols.keySet()) {
                if (n != expect) {
                    problem("_Columns: table " + table + " has column number " + n + " where " + expect + " was expected (numbers must be 1.." + cols.size() + ")");
                    numbered = false;
                    break;
                }
                expect++;
            }
            if (!numbered) continue;
            TableSchema schema;
            try {
                schema = new TableSchema(table, new ArrayList<>(cols.values()));
            } catch (IllegalArgumentException e) {
                problem("_Columns: table " + table + ": " + e.getMessage());
                continue;
            }
            checkRows(schema, rawRows(storage, tableStreams, schema, pool), pool, storage, plainStreams);
        }
        for (String stored : tableStreams.keySet()) {
            if (!stored.equals("_Tables") && !stored.equals("_Columns") && !names.contains(stored)) {
                problem("table stream " + stored + " is not listed in _Tables");
            }
        }

        // refcounts
        for (int id = 1; id < pool.strings.size(); id++) {
            int stored = pool.refcounts.get(id);
            if (stored != pool.counted[id]) {
                problem("_StringPool: string " + id + " '" + abbreviate(pool.strings.get(id)) + "' has refcount " + stored
                        + " but " + pool.counted[id] + " persisted references");
            }
        }
    }

    private Pool readPool(byte[] pool, byte[] data) {
        if (pool.length < 4 || pool.length % 4 != 0) {
            problem("_StringPool: size " + pool.length + " is not a 4-byte header plus 4-byte entries");
            return null;
        }
        Pool p = new Pool();
        int w0 = u16(pool, 0), w1 = u16(pool, 2);
        p.longRefs = (w1 & 0x8000) != 0;
        p.codepage = w0 | ((w1 & 0x7FFF) << 16);
        Charset cs;
        try {
            cs = Codepages.charset(p.codepage, "_StringPool");
        } catch (IOException e) {
            problem("_StringPool: " + e.getMessage());
            return null;
        }
        p.strings.add(null);
        p.refcounts.add(0);
        long offset = 0;
        int slots = pool.length / 4;
        for (int slot = 1; slot < slots; ) {
            int id = p.strings.size();
            int len = u16(pool, slot * 4), refs = u16(pool, slot * 4 + 2);
            long length;
            if (len == 0 && refs == 0) {
                p.strings.add(null);
                p.refcounts.add(0);
                slot++;
                continue;
            }
            if (len == 0) {
                if (slot + 1 >= slots) {
                    problem("_StringPool: string " + id + " announces a long string but the pool ends");
                    return null;
                }
                length = (u16(pool, slot * 4 + 4) & 0xFFFFL) | ((long) u16(pool, slot * 4 + 6) << 16);
                if (length <= 0xFFFF) {
                    problem("_StringPool: string " + id + " uses the long-string form for only " + length + " bytes");
                }
                slot += 2;
            } else {
                length = len;
                slot++;
            }
            if (refs == 0) problem("_StringPool: string " + id + " has " + length + " bytes but refcount 0 (an unused id must be {0, 0})");
            if (offset + length > data.length) {
                problem("_StringData: string " + id + " (" + length + " bytes at " + offset + ") runs past the end of the " + data.length + "-byte stream");
                return null;
            }
            p.strings.add(new String(data, (int) offset, (int) length, cs));
            p.refcounts.add(refs);
            offset += length;
        }
        if (offset != data.length) problem("_StringData: the pool accounts for " + offset + " bytes but the stream has " + data.length);
        if (p.maxId() > 0xFFFF && !p.longRefs) {
            problem("_StringPool: the highest string id is " + p.maxId() + " but the long-references flag (3-byte ids) is not set");
        } else if (p.maxId() <= 0xFFFF && p.longRefs) {
            problem("_StringPool: the long-references flag (3-byte ids) is set but the highest string id is only " + p.maxId());
        }
        return p;
    }

    private static int width(Column c, boolean longRefs) {
        return switch (c.kind()) {
            case STRING -> longRefs ? 3 : 2;
            case INT16, BINARY -> 2;
            case INT32 -> 4;
        };
    }

    /** The raw stored values, row by row, of a table stream (an absent stream is an empty table). */
    private long[][] rawRows(PoiStorageReader storage, Map<String, String> tableStreams, TableSchema schema, Pool pool) throws IOException {
        String stored = tableStreams.get(schema.name());
        if (stored == null) return new long[0][];
        byte[] data = storage.read(stored, MAX_STREAM);
        List<Column> cols = schema.columns();
        int rowWidth = 0;
        for (Column c : cols) rowWidth += width(c, pool.longRefs);
        if (data.length % rowWidth != 0) {
            problem(schema.name() + ": stream size " + data.length + " is not a multiple of the row width " + rowWidth);
            return new long[0][];
        }
        int n = data.length / rowWidth;
        long[][] rows = new long[n][cols.size()];
        int pos = 0;
        for (int c = 0; c < cols.size(); c++) {
            int w = width(cols.get(c), pool.longRefs);
            for (int r = 0; r < n; r++) {
                long v = 0;
                for (int b = 0; b < w; b++) v |= (data[pos++] & 0xFFL) << (8 * b);
                rows[r][c] = v;
            }
        }
        return rows;
    }

    private void checkRows(TableSchema schema, long[][] rows, Pool pool, PoiStorageReader storage, Set<String> plainStreams) {
        List<Column> cols = schema.columns();
        int keys = schema.keyCount();
        Map<List<Object>, Integer> keyTexts = new HashMap<>(); // duplicate pool entries can hide equal keys from the id order
        for (int r = 0; r < rows.length; r++) {
            long[] row = rows[r];
            List<Object> text = new ArrayList<>(keys);
            for (int i = 0; i < keys; i++) text.add(value(cols.get(i), row[i], pool));
            Integer before = keyTexts.putIfAbsent(text, r);
            if (before != null && compareKeys(rows[before], row, keys) != 0) {
                problem(schema.name() + ": rows " + before + " and " + r + " have the same key " + key(row, keys, cols, pool)
                        + " through different string ids");
            }
            if (r > 0) {
                int cmp = compareKeys(rows[r - 1], row, keys);
                if (cmp == 0) problem(schema.name() + ": rows " + (r - 1) + " and " + r + " have the same stored key " + key(row, keys, cols, pool));
                else if (cmp > 0) problem(schema.name() + ": row " + r + " " + key(row, keys, cols, pool) + " is out of order (rows must be sorted by stored key values)");
            }
            for (int c = 0; c < cols.size(); c++) {
                Column col = cols.get(c);
                long v = row[c];
                String where = schema.name() + "." + col.name() + " row " + r;
                if (v == 0) {
                    if (!col.nullable()) problem(where + ": null in a non-nullable column");
                    continue;
                }
                switch (col.kind()) {
                    case STRING -> {
                        if (v >= pool.strings.size()) {
                            problem(where + ": string id " + v + " is outside the pool (" + pool.maxId() + " ids)");
                            continue;
                        }
                        pool.counted[(int) v]++;
                        String s = pool.strings.get((int) v);
                        if (s == null) problem(where + ": refers to the unused string id " + v);
                        else if (col.size() > 0 && s.length() > col.size()) {
                            problem(where + ": '" + abbreviate(s) + "' is " + s.length() + " characters; the column holds at most " + col.size());
                        }
                    }
                    case BINARY -> {
                        if (v != 1) problem(where + ": binary marker is " + v + ", not 1");
                        String name = streamName(schema, row, pool);
                        if (!plainStreams.contains(name)) problem(where + ": the stream " + name + " of this binary cell is missing");
                    }
                    case INT16, INT32 -> { } // every non-zero stored value is a valid integer of its width
                }
            }
        }
    }

    private static String streamName(TableSchema schema, long[] row, Pool pool) {
        Object[] cells = new Object[schema.keyCount()];
        for (int i = 0; i < cells.length; i++) cells[i] = value(schema.columns().get(i), row[i], pool);
        return DatabaseEncoder.binaryStreamName(schema, cells);
    }

    private static Object value(Column c, long v, Pool pool) {
        if (v == 0) return null;
        return switch (c.kind()) {
            case STRING -> v < pool.strings.size() ? pool.strings.get((int) v) : "#" + v;
            case INT16 -> (int) v - 0x8000;
            case INT32 -> (int) (v ^ 0x80000000L);
            case BINARY -> "[binary]";
        };
    }

    private static String key(long[] row, int keys, List<Column> cols, Pool pool) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < keys; i++) {
            if (i > 0) sb.append(", ");
            Object v = value(cols.get(i), row[i], pool);
            sb.append(v instanceof String s ? "'" + abbreviate(s) + "'" : String.valueOf(v));
            if (cols.get(i).kind() == ColumnKind.STRING) sb.append(" (id ").append(row[i]).append(')');
        }
        return sb.append(']').toString();
    }

    private static int compareKeys(long[] a, long[] b, int keys) {
        for (int i = 0; i < keys; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    private static String string(Pool pool, long id) {
        return id > 0 && id < pool.strings.size() ? pool.strings.get((int) id) : null;
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    private static String abbreviate(String s) {
        if (s == null) return "null";
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
