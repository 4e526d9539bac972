package dev.ssprkit.msi.transform;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.ReadLimits;
import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.container.PoiStorageReader;
import dev.ssprkit.msi.container.StorageReader;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.db.StringPoolReader;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.SystemTables;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.msi.suminfo.SummaryInfoCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a transform (.mst, or one embedded in a patch) does, read on its own without the package it applies to: the
 * tables it adds and drops, and per table the rows it adds, changes and deletes, in the vocabulary of
 * {@code sspr diff} ({@code +}, {@code ~}, {@code -}). A transform carries no schema for tables it does not add, so
 * their records are decoded with the standard schema; a custom table it changes but does not add is listed as
 * unreadable without its target.
 */
public final class TransformContents {
    /** One row operation; for a change, {@code values} holds only the columns it sets (the old values are in the target). */
    public record Edit(RowChange.Kind kind, String table, List<Object> key, Map<String, Object> values) {
        public String text() {
            String head = switch (kind) {
                case ADD -> "+ ";
                case DELETE -> "- ";
                case UPDATE -> "~ ";
            } + table + " " + key;
            if (kind == RowChange.Kind.DELETE) return head;
            StringBuilder sb = new StringBuilder(head);
            values.forEach((c, v) -> sb.append("\n    ").append(c).append(kind == RowChange.Kind.UPDATE ? ": -> " : ": ").append(v == null ? "(null)" : "'" + v + "'"));
            return sb.toString();
        }
    }

    /** The transform's summary, table changes, row edits, and tables whose records cannot be read without the target. */
    public record Contents(SummaryInfo summary, List<String> tablesAdded, List<String> tablesDropped, List<Edit> edits,
                           Map<String, String> unreadable) {
        /** Edits per table: {added, changed, deleted}. */
        public Map<String, int[]> counts() {
            Map<String, int[]> m = new TreeMap<>();
            for (Edit e : edits) m.computeIfAbsent(e.table(), t -> new int[3])[e.kind().ordinal()]++;
            return m;
        }
    }

    private TransformContents() {}

    public static Contents read(Path mst) throws IOException {
        String label = mst.getFileName().toString();
        try (StorageReader storage = PoiStorageReader.open(mst)) {
            String clsid = storage.rootClsid();
            if (!MsiClsids.TRANSFORM.equalsIgnoreCase(clsid)) {
                String kind = MsiClsids.kind(clsid);
                throw new MsiException(label, kind == null ? "is not a Windows Installer file (root storage CLSID " + clsid + ")" : "is a " + kind + ", not a transform");
            }
            return read(storage, label, ReadLimits.defaults());
        } catch (RuntimeException e) {
            throw new MsiException(label, "cannot be read: " + PoiStorageReader.describe(e), e);
        }
    }

    /** Reads a transform held in {@code storage} (a file's root, or a storage inside a patch). */
    public static Contents read(StorageReader storage, String label, ReadLimits limits) throws IOException {
        Map<String, String> tableStreams = new TreeMap<>();
        String summaryStream = null;
        for (String stored : storage.streamNames()) {
            if (StreamNames.isTable(stored)) tableStreams.put(StreamNames.decode(stored), stored);
            else if (stored.equals(SummaryInfoCodec.STREAM_NAME)) summaryStream = stored;
        }
        SummaryInfo summary = summaryStream == null ? new SummaryInfo() : SummaryInfoCodec.read(storage.read(summaryStream, limits.maxSummaryStream()), new ArrayList<>());
        String poolName = tableStreams.remove("_StringPool"), dataName = tableStreams.remove("_StringData");
        if (poolName == null || dataName == null) throw new MsiException(label, "has no string pool (_StringPool/_StringData); not a transform");
        StringPoolReader pool = new StringPoolReader(storage.read(poolName, Math.min(limits.maxStringData(), limits.maxStringPool())),
                storage.read(dataName, limits.maxStringData()));
        List<String> added = new ArrayList<>(), dropped = new ArrayList<>();
        String tables = tableStreams.remove("_Tables");
        if (tables != null) {
            for (TransformRecords.Decoded r : TransformRecords.read(SystemTables.TABLES, storage.read(tables, limits.maxTableStream()), pool, label + " _Tables")) {
                String name = (String) r.cells()[0];
                if (name == null) throw new MsiException(label + " _Tables", "a record has no table name");
                (r.kind() == RowChange.Kind.DELETE ? dropped : added).add(name);
            }
        }
        Map<String, TreeMap<Integer, Column>> newColumns = new LinkedHashMap<>();
        String columns = tableStreams.remove("_Columns");
        if (columns != null) {
            Map<String, Integer> autoNumber = new HashMap<>();
            for (TransformRecords.Decoded r : TransformRecords.read(SystemTables.COLUMNS, storage.read(columns, limits.maxTableStream()), pool, label + " _Columns")) {
                String table = (String) r.cells()[0];
                String name = (String) r.cells()[2];
                Integer type = (Integer) r.cells()[3];
                if (table == null || name == null || type == null) continue; // a column record without a type adds nothing readable
                Integer number = (Integer) r.cells()[1];
                int n = number != null ? number : autoNumber.merge(table, 1, Integer::sum);
                try {
                    newColumns.computeIfAbsent(table, t -> new TreeMap<>()).put(n, Column.fromTypeWord(name, type & 0xFFFF));
                } catch (IllegalArgumentException e) {
                    throw new MsiException(label + " _Columns", "column " + table + "." + name + ": " + e.getMessage());
                }
            }
        }
        List<Edit> edits = new ArrayList<>();
        Map<String, String> unreadable = new TreeMap<>();
        for (Map.Entry<String, String> e : tableStreams.entrySet()) {
            String table = e.getKey();
            TableSchema schema = schemaOf(table, newColumns.get(table));
            if (schema == null) {
                unreadable.put(table, storage.size(e.getValue()) + " bytes of records; a custom table's columns are in the target package");
                continue;
            }
            byte[] data = storage.read(e.getValue(), limits.maxTableStream());
            for (TransformRecords.Decoded r : TransformRecords.read(schema, data, pool, label + " table " + table)) {
                edits.add(edit(schema, r));
            }
        }
        return new Contents(summary, List.copyOf(added), List.copyOf(dropped), edits, unreadable);
    }

    private static TableSchema schemaOf(String table, TreeMap<Integer, Column> added) {
        if (added != null && !added.isEmpty()) {
            try {
                return new TableSchema(table, new ArrayList<>(added.values()));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return StandardSchema.get(table);
    }

    private static Edit edit(TableSchema schema, TransformRecords.Decoded r) {
        Object[] cells = r.cells();
        List<Object> key = Arrays.asList(Arrays.copyOf(cells, schema.keyCount()));
        Map<String, Object> values = new LinkedHashMap<>();
        if (r.kind() != RowChange.Kind.DELETE) {
            for (int i = schema.keyCount(); i < cells.length; i++) {
                if (!r.present()[i]) continue;
                Object v = cells[i] == Boolean.TRUE && schema.columns().get(i).isBinary() ? "[stream]" : cells[i];
                values.put(schema.columns().get(i).name(), v);
            }
        }
        return new Edit(r.kind(), schema.name(), key, values);
    }
}
