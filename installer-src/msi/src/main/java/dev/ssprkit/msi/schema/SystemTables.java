package dev.ssprkit.msi.schema;

import java.util.List;

/**
 * The two tables every database has built in: they describe the others and do not describe themselves (they have
 * no {@code _Tables}/{@code _Columns} rows of their own).
 */
public final class SystemTables {
    private SystemTables() {}

    public static final TableSchema TABLES = new TableSchema("_Tables",
            List.of(Col.s("Name", 64).key().build()));

    public static final TableSchema COLUMNS = new TableSchema("_Columns", List.of(
            Col.s("Table", 64).key().build(),
            Col.i2("Number").key().build(),
            Col.s("Name", 64).build(),
            Col.i2("Type").build()));

    public static boolean isSystem(String table) {
        return table.equals("_Tables") || table.equals("_Columns") || table.equals("_StringPool")
                || table.equals("_StringData") || table.equals("_Streams") || table.equals("_Storages");
    }
}
