package dev.ssprkit.msi;

import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.container.PoiStorageReader;
import dev.ssprkit.msi.container.StorageReader;
import dev.ssprkit.msi.db.DatabaseEncoder;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.db.StringPoolReader;
import dev.ssprkit.msi.db.TableCodec;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.SystemTables;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.msi.suminfo.SummaryInfoCodec;

import java.io.IOException;
import java.io.InputStream;
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
 * Opens any installation database (ours, wixl's, WiX's) into a {@link Database}. Table schemas come from the file's
 * own {@code _Columns}; where one matches a standard table's storage, the standard declaration (with its validation
 * metadata) is used. The returned database keeps the file open for its streams: close it.
 *
 * <p>Everything read is bounded by {@link ReadLimits}; any inconsistency is an {@link MsiException} naming the stream.
 */
public final class MsiReader {
    private final ReadLimits limits;

    public MsiReader(ReadLimits limits) {
        this.limits = limits;
    }

    public static Database read(Path file) throws IOException {
        return new MsiReader(ReadLimits.defaults()).open(file);
    }

    /**
     * True when the file is a compound file with an Authenticode signature stream: a writer about to replace it
     * should say that the signature goes. False for a missing or unreadable file.
     */
    public static boolean hasSignature(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) return false;
        try (StorageReader storage = PoiStorageReader.open(file)) {
            return storage.streamNames().contains(MsiWriter.DIGITAL_SIGNATURE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public Database open(Path file) throws IOException {
        StorageReader storage = PoiStorageReader.open(file);
        try {
            Database db = read(storage, file.getFileName().toString());
            db.holdOpen(storage);
            return db;
        } catch (IOException | RuntimeException e) {
            storage.close();
            if (e instanceof RuntimeException) {
                throw new MsiException(file.getFileName().toString(), "cannot be read: " + PoiStorageReader.describe(e), e);
            }
            throw e;
        }
    }

    /**
     * What a file is by its root storage CLSID: "installation database", "transform" or "patch"; null when it is a
     * compound file of another kind. Merge modules are installation databases (with a ModuleSignature table).
     */
    public static String kindOf(Path file) throws IOException {
        try (StorageReader storage = PoiStorageReader.open(file)) {
            return MsiClsids.kind(storage.rootClsid());
        }
    }

    /** Reads the database (or patch) held in an open storage; the caller keeps the storage open for its streams. */
    public Database readFrom(StorageReader storage, String label) throws IOException {
        return read(storage, label);
    }

    private Database read(StorageReader storage, String label) throws IOException {
        String clsid = storage.rootClsid();
        String kind = MsiClsids.kind(clsid);
        if (kind == null) {
            throw new MsiException(label, "the root storage CLSID " + clsid + " is not a Windows Installer CLSID; this is not an MSI file");
        }
        if (MsiClsids.TRANSFORM.equals(clsid)) {
            throw new MsiException(label, "is a transform: it holds changes to another package's tables, not a database of its own");
        }
        Database db = new Database();
        db.kind(kind); // a patch (.msp) has the same tables-and-streams layout as a database
        for (String w : storage.warnings()) db.addReadWarning(new ReadWarning(label, w, null));
        Map<String, String> byDecoded = new HashMap<>(); // decoded table name -> stored name
        Map<String, String> plain = new LinkedHashMap<>(); // decoded stream name -> stored name
        for (String stored : storage.streamNames()) {
            String name = StreamNames.decode(stored);
            Map<String, String> into = StreamNames.isTable(stored) ? byDecoded : plain;
            String other = into.get(name);
            if (other != null && name.startsWith("\u0005") && (other.equals(stored) || other.equals(name) || stored.equals(name))) {
                // Two directory entries for one \005 stream (putty's installer has \005SummaryInformation once plain and
                // once with compressed characters). Windows opens \005 streams by their plain name, so that one wins.
                if (stored.equals(name)) into.put(name, stored);
                db.addReadWarning(new ReadWarning(label, "the stream " + name.replace("\u0005", "\\005") + " is listed twice in the"
                        + " compound-file directory; the one stored under its plain name is read", null));
                continue;
            }
            if (other != null) throw new MsiException(label, "two streams are both named " + name.replace("\u0005", "\\005") + " once decoded");
            into.put(name, stored);
        }
        String poolName = byDecoded.get("_StringPool"), dataName = byDecoded.get("_StringData");
        if (poolName == null || dataName == null) {
            throw new MsiException(label, "the string pool streams _StringPool/_StringData are missing; not an installation database");
        }
        StringPoolReader pool = new StringPoolReader(storage.read(poolName, Math.min(limits.maxStringData(), limits.maxStringPool())),
                storage.read(dataName, limits.maxStringData()));
        db.codepage(pool.codepage());

        List<String> names = new ArrayList<>();
        for (Object[] r : tableRows(storage, byDecoded, SystemTables.TABLES, pool)) {
            String name = (String) r[0];
            if (name != null && SystemTables.isSystem(name)) throw new MsiException("_Tables", "lists the system table " + name + ", which is built in");
            names.add(name);
        }
        if (names.size() > limits.maxTables()) throw new MsiException("_Tables", names.size() + " tables, more than the " + limits.maxTables() + " allowed");
        Map<String, TreeMap<Integer, Column>> columns = new LinkedHashMap<>();
        for (Object[] r : tableRows(storage, byDecoded, SystemTables.COLUMNS, pool)) {
            String table = (String) r[0];
            Integer number = (Integer) r[1];
            String name = (String) r[2];
            Integer type = (Integer) r[3];
            if (table == null || number == null || name == null || type == null) throw new MsiException("_Columns", "a row has an empty cell");
            if (!names.contains(table)) throw new MsiException("_Columns", "describes table " + table + " which _Tables does not list");
            if ((type & Column.TEMPORARY) != 0) continue;
            TreeMap<Integer, Column> cols = columns.computeIfAbsent(table, t -> new TreeMap<>());
            if (cols.put(number, column(table, name, type & 0xFFFF)) != null) {
                throw new MsiException("_Columns", "table " + table + " has two columns numbered " + number);
            }
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || !seen.add(name)) throw new MsiException("_Tables", "lists table " + name + " twice (or an empty name)");
            TableSchema schema = schema(name, columns.get(name));
            Table table = schema == StandardSchema.get(name) ? db.table(name) : db.createTable(schema);
            for (Object[] cells : tableRows(storage, byDecoded, schema, pool)) {
                attachBinaries(storage, plain, schema, cells, label);
                for (int i : Table.overWide(schema, cells)) {
                    Column c = schema.columns().get(i);
                    String v = (String) cells[i];
                    db.addReadWarning(new ReadWarning("table " + name + " row " + keyText(schema, cells) + " column " + c.name(),
                            "'" + abbreviate(v) + "' is " + v.length() + " characters; the column holds " + c.size()
                                    + " (Windows Installer reads it whole; ICE03 reports it)", "ICE03"));
                }
                try {
                    table.addAsRead(cells);
                } catch (IllegalArgumentException e) {
                    throw new MsiException("table " + name, e.getMessage());
                }
            }
        }
        if (MsiClsids.DATABASE.equals(clsid) && db.hasTable("ModuleSignature")) db.kind("merge module");
        String sumName = plain.remove(SummaryInfoCodec.STREAM_NAME);
        if (sumName != null) {
            List<String> sumWarnings = new ArrayList<>();
            db.summary(SummaryInfoCodec.read(storage.read(sumName, limits.maxSummaryStream()), sumWarnings));
            for (String w : sumWarnings) db.addReadWarning(new ReadWarning(label + " summary information", w, null));
        }
        for (Map.Entry<String, String> e : plain.entrySet()) db.putStream(e.getKey(), stream(storage, e.getValue()));
        return db;
    }

    private static String keyText(TableSchema schema, Object[] cells) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < schema.keyCount(); i++) key.add(String.valueOf(cells[i] instanceof String s ? abbreviate(s) : cells[i]));
        return String.join("/", key);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static TableSchema schema(String table, TreeMap<Integer, Column> cols) throws MsiException {
        if (cols == null || cols.isEmpty()) throw new MsiException("_Columns", "has no columns for table " + table);
        if (cols.size() > 32) throw new MsiException("_Columns", "table " + table + " has " + cols.size() + " columns; a table has at most 32");
        int expect = 1;
        for (int n : cols.keySet()) {
            if (n != expect++) throw new MsiException("_Columns", "table " + table + " is missing column number " + (expect - 1));
        }
        TableSchema stored;
        try {
            stored = new TableSchema(table, new ArrayList<>(cols.values()));
        } catch (IllegalArgumentException e) {
            throw new MsiException("_Columns", e.getMessage());
        }
        TableSchema standard = StandardSchema.get(table);
        return standard != null && standard.sameStorage(stored) ? standard : stored;
    }

    /** A stored column; integer sizes other than 0-2 and 4 are refused (Wine: "Invalid column size"). */
    private static Column column(String table, String name, int type) throws MsiException {
        int size = type & 0xFF;
        if ((type & Column.STRING) == 0 && size > 2 && size != 4) {
            throw new MsiException("_Columns", "column " + table + "." + name + " has type 0x" + Integer.toHexString(type)
                    + ": an integer column of " + size + " bytes (2 or 4 expected)");
        }
        try {
            return Column.fromTypeWord(name, type);
        } catch (IllegalArgumentException e) {
            throw new MsiException("_Columns", "column " + table + "." + name + ": " + e.getMessage());
        }
    }

    private List<Object[]> tableRows(StorageReader storage, Map<String, String> byDecoded, TableSchema schema, StringPoolReader pool) throws IOException {
        String stored = byDecoded.get(schema.name());
        if (stored == null) return List.of(); // no stream: an empty table
        long rows = storage.size(stored) / TableCodec.rowWidth(schema, pool.longRefs());
        if (rows > limits.maxRows()) {
            throw new MsiException("table " + schema.name(), "its stream holds " + rows + " rows, more than the " + limits.maxRows() + " allowed");
        }
        byte[] data = storage.read(stored, limits.maxTableStream());
        return TableCodec.decode(schema, data, pool, "table " + schema.name());
    }

    private static void attachBinaries(StorageReader storage, Map<String, String> plain, TableSchema schema, Object[] cells, String label) throws MsiException {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == TableCodec.BINARY_PRESENT) {
                String name = DatabaseEncoder.binaryStreamName(schema, cells);
                String stored = plain.remove(name);
                if (stored == null) {
                    throw new MsiException("table " + schema.name(), "row " + name + " refers to a stream that is not in " + label);
                }
                cells[i] = stream(storage, stored);
            }
        }
    }

    private static StreamData stream(StorageReader storage, String stored) throws MsiException {
        long size;
        try {
            size = storage.size(stored);
        } catch (IOException e) {
            throw new MsiException("stream " + StreamNames.decode(stored), e.getMessage(), e);
        }
        return new StreamData() {
            @Override public long size() { return size; }
            @Override public InputStream open() throws IOException { return storage.open(stored); }
            @Override public java.nio.channels.SeekableByteChannel channel() throws IOException { return storage.channel(stored); }
            @Override public String toString() { return "stream " + StreamNames.decode(stored) + " (" + size + " bytes)"; }
        };
    }
}
