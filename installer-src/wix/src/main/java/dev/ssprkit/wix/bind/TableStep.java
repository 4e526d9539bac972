package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.CustomTableSymbol;
import dev.ssprkit.wix.model.EnsureTableSymbol;
import dev.ssprkit.wix.model.Row;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes every bound row into the database. Each cell is checked against its column's declaration (type, width,
 * nullability) by the database model; a rejected cell is reported at the row's source location, and a primary key
 * used twice in a table is reported at both rows. Rows with no Value in the Property table (flags only) are skipped.
 * Declared custom tables and EnsureTable tables exist even when empty. Each database row keeps its source location,
 * so a validation finding about a row can be reported where the row was written ({@link Binder#locate}).
 */
final class TableStep {
    private final BindContext ctx;

    TableStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        Set<String> unreal = new HashSet<>();
        Set<String> declared = new HashSet<>();
        for (CustomTableSymbol t : ctx.linked.all(CustomTableSymbol.class)) {
            if (t.unreal()) unreal.add(t.schema().name());
            else declared.add(table(t.schema()).name());
        }
        for (EnsureTableSymbol t : ctx.linked.all(EnsureTableSymbol.class)) table(ctx.linked.all(CustomTableSymbol.class).stream()
                .filter(c -> c.schema().name().equals(t.table())).map(CustomTableSymbol::schema).findFirst()
                .orElse(dev.ssprkit.msi.schema.StandardSchema.get(t.table())));
        // what the steps before kept about each file is not needed from here on; nor is a compiler row once written
        ctx.files.clear();
        Map<String, RowKeys> keys = new HashMap<>();
        ctx.linked.drain(symbol -> {
            if (!(symbol instanceof Row r) || unreal.contains(r.table())) return;
            if (r.table().equals("Property") && r.get("Value") == null) return;
            if (r.schema().name().startsWith("Wix") && dev.ssprkit.msi.schema.StandardSchema.get(r.table()) == null && !declared.contains(r.table())) return;
            Object[] cells = r.handOverCells();
            for (int i = 0; i < cells.length; i++) if (cells[i] instanceof Path p) cells[i] = StreamData.of(p);
            Table table = table(r.schema());
            RowKeys used = keys.computeIfAbsent(r.table(), t -> new RowKeys(table));
            int other = used.find(cells);
            if (other >= 0) {
                ctx.report(CompilerMessage.DUPLICATE_ROW, r.location(), r.table(), key(r.schema(), cells), table.rows().get(other).originValue());
                return;
            }
            if (!checkCells(r, cells)) return;
            used.add(cells, table.rows().size());
            table.adopt(r.location(), false, cells);
        });
    }

    /** Checks every cell against its column before the database model sees it; reports each problem at the row. */
    private boolean checkCells(Row r, Object[] cells) {
        boolean ok = true;
        var columns = r.schema().columns();
        for (int i = 0; i < cells.length; i++) {
            var c = columns.get(i);
            Object v = cells[i];
            String problem = null;
            if (v == null) {
                if (!c.nullable()) problem = "a value is required";
            } else {
                switch (c.kind()) {
                    case STRING -> {
                        // a string longer than the column's declared width is stored and read by Windows Installer;
                        // the ICE validation warns about it (ICE03 "string overflow"), as light does (LGHT1076)
                        if (!(v instanceof String)) problem = "expected text, got a number";
                    }
                    case INT16 -> {
                        if (!(v instanceof Integer n)) problem = "expected a number, got '" + v + "'";
                        else if (n < -32767 || n > 32767) problem = n + " does not fit the column's 16 bits (-32767..32767)";
                    }
                    case INT32 -> {
                        if (!(v instanceof Integer n)) problem = "expected a number, got '" + v + "'";
                        else if (n == Integer.MIN_VALUE) problem = "-2147483648 cannot be stored (it means null)";
                    }
                    case BINARY -> {
                        if (!(v instanceof StreamData)) problem = "expected a file's content";
                    }
                }
            }
            if (problem != null) {
                ctx.report(CompilerMessage.CELL_REJECTED, r.location(), r.table(), c.name(), problem);
                ok = false;
            }
        }
        return ok;
    }

    private Table table(TableSchema schema) {
        Table t = ctx.db.tableOrNull(schema.name());
        return t != null ? t : ctx.db.createTable(schema);
    }

    /** The primary key cells joined by '/', as validation findings name rows. */
    static String key(TableSchema schema, Object[] cells) {
        StringJoiner j = new StringJoiner("/");
        for (int i = 0; i < schema.keyCount(); i++) j.add(String.valueOf(cells[i]));
        return j.toString();
    }
}
