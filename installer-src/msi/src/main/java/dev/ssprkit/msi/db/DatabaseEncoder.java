package dev.ssprkit.msi.db;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.SystemTables;
import dev.ssprkit.msi.schema.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the tables of a {@link Database} into the streams that store them, by stored (encoded) name, in a fixed
 * order: {@code _StringPool}, {@code _StringData}, {@code _Tables}, {@code _Columns}, the tables by name, then the
 * streams of binary cells. Summary information and other streams are the container writer's business.
 */
public final class DatabaseEncoder {
    private DatabaseEncoder() {}

    public static Map<String, StreamData> encode(Database db) throws MsiException {
        List<Table> user = new ArrayList<>();
        for (Table t : db.tables().values()) {
            if (SystemTables.isSystem(t.name())) {
                throw new MsiException("table " + t.name(), "is a system table; it is built by the writer and cannot be authored");
            }
            StreamNames.encode(t.name(), true);
            user.add(t);
        }
        Table tables = new Table(SystemTables.TABLES);
        Table columns = new Table(SystemTables.COLUMNS);
        for (Table t : user) {
            tables.add(t.name());
            int n = 1;
            for (Column c : t.schema().columns()) {
                // _Columns.Name is s64 (and Table.add would otherwise throw IllegalArgumentException here)
                if (c.name().length() > SystemTables.COLUMNS.column("Name").size()) {
                    throw new MsiException("table " + t.name() + " column " + c.name(), "the column name is " + c.name().length()
                            + " characters; _Columns holds at most " + SystemTables.COLUMNS.column("Name").size());
                }
                columns.add(t.name(), n++, c.name(), c.typeWord());
            }
        }

        StringPoolWriter pool = new StringPoolWriter(db.codepage());
        TableCodec.countStrings(tables, pool);
        TableCodec.countStrings(columns, pool);
        for (Table t : user) TableCodec.countStrings(t, pool);
        pool.freeze();
        boolean longRefs = pool.longRefs();

        Map<String, StreamData> out = new LinkedHashMap<>();
        Map<String, StreamData> binaries = new LinkedHashMap<>();
        out.put(StreamNames.encode("_StringPool", true), null); // placeholders keep the order; filled below
        out.put(StreamNames.encode("_StringData", true), null);
        for (Table t : prepend(tables, columns, user)) {
            long[][] rows = TableCodec.storedRows(t, pool);
            if (rows.length > 0 || t == tables) {
                out.put(StreamNames.encode(t.name(), true), StreamData.of(TableCodec.encode(t.schema(), rows, longRefs)));
            }
            if (t.schema().hasBinaryColumn()) collectBinaries(t, binaries);
        }
        out.put(StreamNames.encode("_StringPool", true), StreamData.of(pool.poolBytes()));
        out.put(StreamNames.encode("_StringData", true), StreamData.of(pool.dataBytes()));
        out.putAll(binaries);
        return out;
    }

    private static List<Table> prepend(Table a, Table b, List<Table> rest) {
        List<Table> all = new ArrayList<>(rest.size() + 2);
        all.add(a);
        all.add(b);
        all.addAll(rest);
        return all;
    }

    /** The plain stream name of a row's binary cell: {@code Table.key1.key2} (integers in signed decimal). */
    public static String binaryStreamName(TableSchema schema, Object[] cells) {
        StringBuilder sb = new StringBuilder(schema.name());
        for (int i = 0; i < schema.keyCount(); i++) sb.append('.').append(cells[i] == null ? "" : cells[i].toString());
        return sb.toString();
    }

    private static void collectBinaries(Table t, Map<String, StreamData> binaries) throws MsiException {
        List<Column> cols = t.schema().columns();
        for (Row r : t.rows()) {
            StreamData data = null;
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).isBinary() && r.get(i) != null) {
                    if (data != null) {
                        throw new MsiException("table " + t.name(), "a row has two binary cells; Windows Installer names a row's stream after its key, so only one can be stored");
                    }
                    data = (StreamData) r.get(i);
                }
            }
            if (data != null) {
                String name = binaryStreamName(t.schema(), r.cells());
                binaries.put(StreamNames.encode(name, false), data);
            }
        }
    }
}
