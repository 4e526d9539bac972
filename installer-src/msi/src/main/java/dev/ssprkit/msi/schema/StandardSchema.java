package dev.ssprkit.msi.schema;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every table of the Windows Installer SDK's table reference (https://learn.microsoft.com/windows/win32/msi/database-tables,
 * plus the merge-module tables of https://learn.microsoft.com/windows/win32/msi/merge-module-database-tables), declared
 * once. The writer, the reader, the {@code _Validation} rows ({@link ValidationRows}) and the validator all read
 * these declarations; nothing else spells a column. The declarations live in one class per family
 * ({@link CoreTables}, {@link FileTables}, {@link RegistryTables}, {@link SearchTables}, {@link UiTables},
 * {@link ComTables}, {@link ServiceTables}, {@link OdbcTables}, {@link MergeModuleTables}, {@link PatchTables});
 * this class is the one registry.
 *
 * <p>Sources: each table's SDK page gives the columns, their order, keys, nullability and data category; the
 * string widths, integer sizes, ranges and value sets are those of the SDK's {@code _Validation} as WiX v4 carries
 * it ({@code WindowsInstallerTableDefinitions.cs}) and as WiX- and Microsoft-built packages store it (checked by
 * {@code ForeignSchemaAgreementTest}). Where they differ:
 * <ul>
 *   <li>Sequence-number columns ({@code File.Sequence}, {@code Media.LastSequence}, {@code Patch.Sequence}) are
 *       4-byte as in the SDK's "large package" schema (and as WiX and wixl write them); older packages have 2.</li>
 *   <li>Keys and nullability follow the SDK's pages (so {@code Complus.ExpType} is a key, which WiX omits).</li>
 *   <li>A string column WiX widened (e.g. {@code PublishComponent.AppData} to unlimited) takes WiX's width, which
 *       holds everything the narrower one does.</li>
 * </ul>
 * The descriptions ({@code _Validation.Description}) are our own words.
 */
public final class StandardSchema {
    private static final Map<String, TableSchema> TABLES = new TreeMap<>();

    static {
        TableDeclarations t = new TableDeclarations();
        CoreTables.declare(t);
        FileTables.declare(t);
        RegistryTables.declare(t);
        SearchTables.declare(t);
        UiTables.declare(t);
        ComTables.declare(t);
        ServiceTables.declare(t);
        OdbcTables.declare(t);
        MergeModuleTables.declare(t);
        PatchTables.declare(t);
        TABLES.putAll(t.tables());
    }

    private StandardSchema() {}

    /** The declared schema of a standard table, or null when the table is not one we declare. */
    public static TableSchema get(String table) {
        return TABLES.get(table);
    }

    public static TableSchema require(String table) {
        TableSchema t = TABLES.get(table);
        if (t == null) throw new IllegalArgumentException("no standard table " + table + "; known: " + TABLES.keySet());
        return t;
    }

    /** Every declared table, by name. */
    public static Map<String, TableSchema> all() {
        return Collections.unmodifiableMap(TABLES);
    }
}
