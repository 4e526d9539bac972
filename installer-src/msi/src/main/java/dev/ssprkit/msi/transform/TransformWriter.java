package dev.ssprkit.msi.transform;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.container.PoiStorageWriter;
import dev.ssprkit.msi.container.StorageWriter;
import dev.ssprkit.msi.db.DatabaseEncoder;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.db.StringPoolWriter;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StorageData;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.SystemTables;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.msi.suminfo.SummaryInfoCodec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Writes a Windows Installer transform (.mst): the difference between a base and a target database, stored as a
 * compound file with the transform root CLSID, its own string pool, one record stream per changed table
 * ({@link TransformRecords}), {@code _Tables}/{@code _Columns} records for added (or dropped) tables, the streams of
 * added or changed binary cells, and the transform summary information ({@link TransformSummary}).
 *
 * <p>Supported: changed cells, added and deleted rows, added tables, dropped tables. Not supported (refused with a
 * message): added or changed columns of an existing table, a changed database codepage, changed {@code _Streams}
 * (embedded cabinets), updates of tables with more than 16 columns.
 */
public final class TransformWriter {
    private TransformWriter() {}

    /** A table stream to write: the schema its records are read with, and the records. */
    private record Plan(TableSchema schema, List<RowChange> changes) {}

    public static void write(Database base, Database target, Path mst, TransformOptions options) throws IOException {
        dev.ssprkit.common.AtomicFile.write(mst, tmp -> {
            try (OutputStream os = dev.ssprkit.common.AtomicFile.open(tmp)) {
                write(base, target, os, options);
            }
        });
    }

    public static void write(Database base, Database target, OutputStream os, TransformOptions options) throws IOException {
        StorageData transform = storage(base, target, options);
        StorageWriter storage = new PoiStorageWriter();
        storage.rootClsid(transform.clsid());
        for (Map.Entry<String, StreamData> e : transform.streams().entrySet()) storage.addStream(e.getKey(), e.getValue());
        storage.writeTo(os);
    }

    /**
     * The transform as a storage: the transform CLSID and its streams by stored name, to write as a file or to embed
     * in a package below its root (an instance transform, applied with {@code TRANSFORMS=:name}).
     */
    public static StorageData storage(Database base, Database target, TransformOptions options) throws IOException {
        if (base.codepage() != target.codepage()) {
            throw new MsiException("transform", "the database codepage changes from " + base.codepage() + " to " + target.codepage()
                    + "; codepage transforms are not supported");
        }
        checkStreams(base, target);
        Map<String, Plan> plans = plan(base, target);

        StringPoolWriter pool = new StringPoolWriter(target.codepage());
        for (Plan p : plans.values()) for (RowChange c : p.changes()) TransformRecords.countStrings(p.schema(), c, pool);
        pool.freeze();
        boolean longRefs = pool.longRefs();

        Map<String, StreamData> streams = new LinkedHashMap<>();
        streams.put(StreamNames.encode("_StringPool", true), StreamData.of(pool.poolBytes()));
        streams.put(StreamNames.encode("_StringData", true), StreamData.of(pool.dataBytes()));
        Map<String, StreamData> binaries = new LinkedHashMap<>();
        for (Map.Entry<String, Plan> e : plans.entrySet()) {
            Plan p = e.getValue();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (RowChange c : p.changes()) {
                TransformRecords.write(p.schema(), c, pool, longRefs, bytes);
                collectBinary(p.schema(), c, binaries);
            }
            streams.put(StreamNames.encode(e.getKey(), true), StreamData.of(bytes.toByteArray()));
        }
        streams.putAll(binaries);
        streams.put(SummaryInfoCodec.STREAM_NAME, StreamData.of(SummaryInfoCodec.write(TransformSummary.of(base, target, options))));
        return new StorageData(MsiClsids.TRANSFORM, streams);
    }

    /** Table streams by name: {@code _Tables} and {@code _Columns} first (Wine applies them first too), then tables by name. */
    private static Map<String, Plan> plan(Database base, Database target) throws IOException {
        List<RowChange> tables = new ArrayList<>();
        List<RowChange> columns = new ArrayList<>();
        Map<String, Plan> rows = new LinkedHashMap<>();
        TreeSet<String> names = new TreeSet<>(base.tables().keySet());
        names.addAll(target.tables().keySet());
        for (String name : names) {
            Table b = base.tableOrNull(name), t = target.tableOrNull(name);
            if (b == null) {
                tables.add(RowChange.add(new Object[] {name}));
                int n = 1;
                for (Column c : t.schema().columns()) columns.add(RowChange.add(new Object[] {name, n++, c.name(), c.typeWord()}));
                if (!t.rows().isEmpty()) rows.put(name, new Plan(t.schema(), TableDiff.addAll(t)));
            } else if (t == null) {
                tables.add(RowChange.delete(new Object[] {name}));
            } else {
                if (!b.schema().sameStorage(t.schema())) {
                    throw new MsiException("table " + name, "its columns differ between the base and the target " + b.schema().columnNames()
                            + " / " + t.schema().columnNames() + "; transforms that add or change columns are not supported");
                }
                List<RowChange> changes = TableDiff.diff(b, t);
                if (!changes.isEmpty()) rows.put(name, new Plan(t.schema(), changes));
            }
        }
        Map<String, Plan> all = new LinkedHashMap<>();
        if (!tables.isEmpty()) all.put("_Tables", new Plan(SystemTables.TABLES, tables));
        if (!columns.isEmpty()) all.put("_Columns", new Plan(SystemTables.COLUMNS, columns));
        all.putAll(rows);
        return all;
    }

    private static void checkStreams(Database base, Database target) throws IOException {
        TreeSet<String> names = new TreeSet<>(base.streams().keySet());
        names.addAll(target.streams().keySet());
        for (String name : names) {
            StreamData a = base.streams().get(name), b = target.streams().get(name);
            if (a == null || b == null || !TableDiff.sameCell(a, b)) {
                throw new MsiException("stream " + name, "differs between the base and the target; transforms of _Streams"
                        + " (embedded cabinets) are not supported");
            }
        }
    }

    private static void collectBinary(TableSchema schema, RowChange c, Map<String, StreamData> binaries) throws MsiException {
        if (c.kind() == RowChange.Kind.DELETE || !schema.hasBinaryColumn()) return;
        List<Column> cols = schema.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).isBinary() && TransformRecords.present(schema, c, i) && c.cells()[i] != null) {
                String name = DatabaseEncoder.binaryStreamName(schema, c.cells());
                binaries.put(StreamNames.encode(name, false), (StreamData) Objects.requireNonNull(c.cells()[i]));
            }
        }
    }
}
