package dev.ssprkit.msi.transform;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.ReadLimits;
import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.container.PoiStorageReader;
import dev.ssprkit.msi.container.StorageReader;
import dev.ssprkit.msi.db.DatabaseEncoder;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.db.StringPoolReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;
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
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a transform (.mst) to a {@link Database} in memory, as the installer would: {@code _Tables} and
 * {@code _Columns} records first (added and dropped tables), then each table's records. Conflicts (adding a row
 * that exists, deleting or updating one that does not, adding a table that exists, dropping one that does not) fail
 * with an {@link MsiException} unless the transform's own error-condition flags (PID 16, lower word) suppress them;
 * a suppressed "add existing row" replaces the row, as Wine does.
 *
 * <p>Reads are bounded by {@link ReadLimits}; any inconsistency is an {@link MsiException} naming the stream.
 */
public final class TransformReader {
    private final ReadLimits limits;

    public TransformReader(ReadLimits limits) {
        this.limits = limits;
    }

    /** What applying a transform did. */
    public record Result(SummaryInfo summary, int rowsAdded, int rowsUpdated, int rowsDeleted, List<String> tablesAdded, List<String> tablesDropped) {}

    public static Result apply(Database db, Path mst) throws IOException {
        return new TransformReader(ReadLimits.defaults()).applyTo(db, mst);
    }

    /** The summary information of a transform, without applying it. */
    public static SummaryInfo summary(Path mst) throws IOException {
        try (StorageReader storage = open(mst)) {
            return SummaryInfoCodec.read(storage.read(SummaryInfoCodec.STREAM_NAME, ReadLimits.defaults().maxSummaryStream()));
        }
    }

    private static StorageReader open(Path mst) throws IOException {
        StorageReader storage = PoiStorageReader.open(mst);
        String clsid = storage.rootClsid();
        if (!MsiClsids.TRANSFORM.equalsIgnoreCase(clsid)) {
            storage.close();
            String kind = MsiClsids.kind(clsid);
            throw new MsiException(mst.getFileName().toString(), kind == null
                    ? "the root storage CLSID " + clsid + " is not a Windows Installer CLSID; this is not a transform"
                    : "is a " + kind + ", not a transform");
        }
        return storage;
    }

    public Result applyTo(Database db, Path mst) throws IOException {
        try (StorageReader storage = open(mst)) {
            return new Application(db, storage, mst.getFileName().toString()).run();
        } catch (RuntimeException e) {
            throw new MsiException(mst.getFileName().toString(), "unreadable transform: " + PoiStorageReader.describe(e), e);
        }
    }

    /**
     * Applies a transform held in an open storage: a file's root, or a transform embedded in a package below its
     * root (an instance transform, {@code TRANSFORMS=:name}).
     */
    public Result applyTo(Database db, StorageReader storage, String label) throws IOException {
        if (!MsiClsids.TRANSFORM.equalsIgnoreCase(storage.rootClsid())) {
            throw new MsiException(label, "the storage CLSID " + storage.rootClsid() + " is not the transform CLSID");
        }
        try {
            return new Application(db, storage, label).run();
        } catch (RuntimeException e) {
            throw new MsiException(label, "unreadable transform: " + PoiStorageReader.describe(e), e);
        }
    }

    /** One application of one transform. */
    private final class Application {
        private final Database db;
        private final StorageReader storage;
        private final String label;
        private final Map<String, String> tableStreams = new TreeMap<>();
        private final Map<String, String> otherStreams = new HashMap<>();
        private StringPoolReader pool;
        private Set<TransformErrorCondition> suppressed;
        private int added, updated, deleted;
        private final List<String> tablesAdded = new ArrayList<>(), tablesDropped = new ArrayList<>();

        Application(Database db, StorageReader storage, String label) {
            this.db = db;
            this.storage = storage;
            this.label = label;
        }

        Result run() throws IOException {
            for (String stored : storage.streamNames()) {
                if (StreamNames.isTable(stored)) tableStreams.put(StreamNames.decode(stored), stored);
                else otherStreams.put(stored.startsWith("\u0005") ? stored : StreamNames.decode(stored), stored);
            }
            String poolName = tableStreams.remove("_StringPool"), dataName = tableStreams.remove("_StringData");
            if (poolName == null || dataName == null) throw new MsiException(label, "has no string pool (_StringPool/_StringData)");
            pool = new StringPoolReader(storage.read(poolName, Math.min(limits.maxStringData(), limits.maxStringPool())),
                    storage.read(dataName, limits.maxStringData()));
            String sumName = otherStreams.get(SummaryInfoCodec.STREAM_NAME);
            SummaryInfo summary = sumName == null ? null : SummaryInfoCodec.read(storage.read(sumName, limits.maxSummaryStream()));
            int charCount = summary == null || summary.charCount == null ? 0 : summary.charCount;
            suppressed = TransformErrorCondition.of(charCount & 0xFFFF);

            applyTableChanges();
            for (Map.Entry<String, String> e : tableStreams.entrySet()) {
                if (!e.getKey().equals("_Tables") && !e.getKey().equals("_Columns")) applyRows(e.getKey(), e.getValue());
            }
            return new Result(summary, added, updated, deleted, List.copyOf(tablesAdded), List.copyOf(tablesDropped));
        }

        private List<TransformRecords.Decoded> records(String table, TableSchema schema, String stored) throws IOException {
            byte[] data = storage.read(stored, limits.maxTableStream());
            return TransformRecords.read(schema, data, pool, "transform table " + table);
        }

        private void applyTableChanges() throws IOException {
            List<String> newTables = new ArrayList<>();
            String tablesStream = tableStreams.get("_Tables");
            if (tablesStream != null) {
                for (TransformRecords.Decoded r : records("_Tables", SystemTables.TABLES, tablesStream)) {
                    String name = (String) r.cells()[0];
                    if (name == null) throw new MsiException("transform _Tables", "a record has no table name");
                    switch (r.kind()) {
                        case ADD -> {
                            if (db.hasTable(name)) conflict(TransformErrorCondition.ADD_EXISTING_TABLE, "adds table " + name + ", which exists");
                            else newTables.add(name);
                        }
                        case DELETE -> {
                            if (!db.hasTable(name)) {
                                conflict(TransformErrorCondition.DELETE_MISSING_TABLE, "drops table " + name + ", which does not exist");
                            } else {
                                db.dropTable(name);
                                tablesDropped.add(name);
                            }
                        }
                        case UPDATE -> throw new MsiException("transform _Tables", "has an update record; _Tables rows have only a key");
                    }
                }
            }
            Map<String, TreeMap<Integer, Column>> columns = new LinkedHashMap<>();
            String columnsStream = tableStreams.get("_Columns");
            if (columnsStream != null) {
                Map<String, Integer> autoNumber = new HashMap<>();
                for (TransformRecords.Decoded r : records("_Columns", SystemTables.COLUMNS, columnsStream)) {
                    if (r.kind() != RowChange.Kind.ADD) throw new MsiException("transform _Columns", "only adds columns; a " + r.kind() + " record was found");
                    String table = (String) r.cells()[0];
                    Integer number = (Integer) r.cells()[1];
                    String name = (String) r.cells()[2];
                    Integer type = (Integer) r.cells()[3];
                    if (table == null || name == null || type == null) throw new MsiException("transform _Columns", "a record has an empty cell");
                    if (!newTables.contains(table)) {
                        throw new MsiException("transform _Columns", "adds column " + name + " to existing table " + table + "; not supported");
                    }
                    // Native MSI may write a null Number for new columns; Wine numbers them in order.
                    int n = number != null ? number : autoNumber.merge(table, 1, Integer::sum);
                    columns.computeIfAbsent(table, t -> new TreeMap<>()).put(n, Column.fromTypeWord(name, type & 0xFFFF));
                }
            }
            for (String name : newTables) {
                TreeMap<Integer, Column> cols = columns.get(name);
                if (cols == null) throw new MsiException("transform _Columns", "has no columns for added table " + name);
                TableSchema schema;
                try {
                    schema = new TableSchema(name, new ArrayList<>(cols.values()));
                } catch (IllegalArgumentException e) {
                    throw new MsiException("transform _Columns", e.getMessage());
                }
                TableSchema standard = StandardSchema.get(name);
                if (standard != null && standard.sameStorage(schema)) db.table(name);
                else db.createTable(schema);
                tablesAdded.add(name);
            }
        }

        private void applyRows(String name, String stored) throws IOException {
            Table table = db.tableOrNull(name);
            if (table == null) throw new MsiException("transform table " + name, "changes a table the database does not have");
            TableSchema schema = table.schema();
            int keys = schema.keyCount();
            for (TransformRecords.Decoded r : records(name, schema, stored)) {
                Object[] cells = r.cells();
                Object[] key = Arrays.copyOf(cells, keys);
                Row existing = table.find(key);
                switch (r.kind()) {
                    case ADD -> {
                        attachBinaries(schema, cells, r.present());
                        if (existing != null) {
                            if (!conflict(TransformErrorCondition.ADD_EXISTING_ROW, "adds row " + Arrays.toString(key) + " to " + name + ", which exists")) continue;
                            table.remove(existing);
                        }
                        addRow(table, cells);
                        added++;
                    }
                    case DELETE -> {
                        if (existing == null) {
                            conflict(TransformErrorCondition.DELETE_MISSING_ROW, "deletes row " + Arrays.toString(key) + " from " + name + ", which does not exist");
                            continue;
                        }
                        table.remove(existing);
                        deleted++;
                    }
                    case UPDATE -> {
                        if (existing == null) {
                            conflict(TransformErrorCondition.UPDATE_MISSING_ROW, "updates row " + Arrays.toString(key) + " of " + name + ", which does not exist");
                            continue;
                        }
                        attachBinaries(schema, cells, r.present());
                        Object[] merged = existing.cells();
                        for (int i = keys; i < merged.length; i++) if (r.present()[i]) merged[i] = cells[i];
                        table.remove(existing);
                        addRow(table, merged);
                        updated++;
                    }
                }
            }
        }

        private void addRow(Table table, Object[] cells) throws MsiException {
            try {
                table.add(cells);
            } catch (IllegalArgumentException e) {
                throw new MsiException("transform table " + table.name(), e.getMessage());
            }
        }

        private void attachBinaries(TableSchema schema, Object[] cells, boolean[] present) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                if (present[i] && cells[i] == Boolean.TRUE) {
                    String name = DatabaseEncoder.binaryStreamName(schema, cells);
                    String stored = otherStreams.get(name);
                    if (stored == null) throw new MsiException("transform table " + schema.name(), "row " + name + " refers to a stream the transform does not hold");
                    cells[i] = StreamData.of(storage.read(stored, limits.maxTableStream()));
                }
            }
        }

        /** Fails unless the transform suppresses this condition; returns true when the change should still be applied. */
        private boolean conflict(TransformErrorCondition condition, String what) throws MsiException {
            if (!suppressed.contains(condition)) {
                throw new MsiException(label, "the transform " + what + " (" + condition + " is not suppressed by the transform)");
            }
            return condition == TransformErrorCondition.ADD_EXISTING_ROW;
        }
    }
}
