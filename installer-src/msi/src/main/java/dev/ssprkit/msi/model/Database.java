package dev.ssprkit.msi.model;

import dev.ssprkit.msi.ReadWarning;
import java.util.ArrayList;
import java.util.List;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an MSI file holds, with no I/O: the database codepage, the tables, the summary information and the other
 * streams ({@code _Streams} rows such as embedded cabinets) and sub-storages ({@code _Storages} rows such as
 * embedded transforms). A database read from a file keeps that file open for its streams until {@link #close()}.
 */
public final class Database implements Closeable {
    private int codepage = 1252;
    private SummaryInfo summary = new SummaryInfo();
    private final Map<String, Table> tables = new TreeMap<>();
    private final Map<String, StreamData> streams = new TreeMap<>();
    private final Map<String, StorageData> storages = new TreeMap<>();
    private Closeable resource;
    private final List<ReadWarning> readWarnings = new ArrayList<>();
    private String kind = "installation database";

    public int codepage() {
        return codepage;
    }

    public Database codepage(int codepage) {
        this.codepage = codepage;
        return this;
    }

    public SummaryInfo summary() {
        return summary;
    }

    public Database summary(SummaryInfo summary) {
        this.summary = summary;
        return this;
    }

    /** The table with this name, created empty from the standard schema when absent. */
    public Table table(String name) {
        return tables.computeIfAbsent(name, n -> new Table(StandardSchema.require(n)));
    }

    /** Adds (or replaces) a table with a custom or stored schema. */
    public Table createTable(TableSchema schema) {
        Table t = new Table(schema);
        tables.put(schema.name(), t);
        return t;
    }

    public Table tableOrNull(String name) {
        return tables.get(name);
    }

    public boolean hasTable(String name) {
        return tables.containsKey(name);
    }

    public void dropTable(String name) {
        tables.remove(name);
    }

    /** All tables, by name. */
    public Map<String, Table> tables() {
        return Collections.unmodifiableMap(tables);
    }

    /** Streams that are not tables, summary information or binary cells, by (decoded) name. */
    public Map<String, StreamData> streams() {
        return Collections.unmodifiableMap(streams);
    }

    public Database putStream(String name, StreamData data) {
        streams.put(name, data);
        return this;
    }

    /** Sub-storages ({@code _Storages} rows, e.g. embedded instance transforms), by storage name. */
    public Map<String, StorageData> storages() {
        return Collections.unmodifiableMap(storages);
    }

    public Database putStorage(String name, StorageData data) {
        storages.put(name, data);
        return this;
    }

    /**
     * What the reader accepted although it is wrong (as Windows Installer does): over-wide strings, a short last
     * sector... Empty for a database built in memory.
     */
    public List<ReadWarning> readWarnings() {
        return Collections.unmodifiableList(readWarnings);
    }

    public void addReadWarning(ReadWarning warning) {
        readWarnings.add(warning);
    }

    /** "installation database", "merge module" or "patch": what the file was, by its CLSID and tables. */
    public String kind() {
        return kind;
    }

    public Database kind(String kind) {
        this.kind = kind;
        return this;
    }

    /** Keeps a resource (the open file) to close with this database. */
    public void holdOpen(Closeable resource) {
        this.resource = resource;
    }

    @Override
    public void close() throws IOException {
        if (resource != null) resource.close();
        resource = null;
    }
}
