package dev.ssprkit.wix.compile.core;

import dev.ssprkit.msi.schema.Category;
import dev.ssprkit.msi.schema.Col;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.CustomTableSymbol;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CustomTable: a table the source declares (Column elements: type, width, key, nullability, category, key table,
 * range, set) and fills (Row/Data), or rows added to a declared or standard table (CustomTableRef, and a CustomTable
 * without columns naming an existing table). The declaration drives the database schema and _Validation like any
 * standard table.
 */
public final class CustomTableFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("CustomTable", this::customTable, Grammar.SECTIONS);
        g.on("CustomTableRef", this::customTableRef, Grammar.SECTIONS);
    }

    private void customTable(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Unreal", "BootstrapperApplicationData");
        String id = a.id("Id", true, 31);
        boolean unreal = a.yesNo("Unreal", false);
        if (a.yesNo("BootstrapperApplicationData", false)) {
            ctx.report(CompilerMessage.NOT_SUPPORTED_YET, a.at("BootstrapperApplicationData"), "CustomTable/@BootstrapperApplicationData", "bundles are not supported");
        }
        List<Column> columns = new ArrayList<>();
        for (SourceElement c : e.children("Column")) {
            Column col = column(ctx, c);
            if (col != null) columns.add(col);
        }
        if (id == null) return;
        TableSchema schema;
        if (columns.isEmpty()) {
            schema = ctx.schema(id);
            if (schema == null) {
                ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "CustomTable", "Column children", "declare the table's columns, or name a table declared elsewhere");
                return;
            }
        } else {
            columns.sort((x, y) -> Boolean.compare(y.key(), x.key())); // key columns first, as tables store them
            try {
                schema = new TableSchema(id, columns);
            } catch (IllegalArgumentException ex) {
                ctx.report(CompilerMessage.BAD_VALUE, e.location(), "CustomTable", id, ex.getMessage());
                return;
            }
            ctx.declareTable(schema);
            ctx.add(new CustomTableSymbol(schema, unreal, e.location()));
        }
        rows(ctx, e, schema, scope);
    }

    private void customTableRef(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id");
        String id = a.id("Id", true, 31);
        if (id == null) return;
        ctx.reference("CustomTable", id, a.at("Id"));
        TableSchema schema = ctx.schema(id);
        if (schema == null) {
            ctx.report(CompilerMessage.UNRESOLVED_REFERENCE, a.at("Id"), "CustomTable", id);
            return;
        }
        rows(ctx, e, schema, scope);
    }

    private void rows(CompileContext ctx, SourceElement e, TableSchema schema, Scope scope) {
        ctx.children(e, scope).skip("Column").on("Row", (c, row, s) -> {
            c.attrs(row);
            Row r = c.row(schema.name(), row.location());
            Map<String, Boolean> seen = new HashMap<>();
            for (SourceElement d : row.children("Data")) {
                Attrs da = c.v4() ? c.attrsWithText(d, "Column", "Value") : c.attrsWithText(d, "Column");
                String column = da.required("Column");
                if (column == null) continue;
                int index = schema.indexOf(column);
                if (index < 0) {
                    c.report(CompilerMessage.BAD_VALUE, da.at("Column"), "Column", column, "table " + schema.name() + " has columns " + schema.columnNames());
                    continue;
                }
                if (seen.put(column, true) != null) {
                    c.report(CompilerMessage.CONFLICTING_ATTRIBUTES, d.location(), "Row", "two Data elements for " + column, "give each column once");
                    continue;
                }
                String text = da.has("Value") ? da.str("Value") : d.text();
                Column col = schema.columns().get(index);
                if (col.kind() == dev.ssprkit.msi.schema.ColumnKind.INT16 || col.kind() == dev.ssprkit.msi.schema.ColumnKind.INT32) {
                    if (text == null || text.isBlank()) continue;
                    try {
                        r.set(index, Integer.valueOf(text.strip()));
                    } catch (NumberFormatException x) {
                        c.report(CompilerMessage.BAD_INTEGER, d.location(), column, text, "an integer");
                    }
                } else if (col.kind() == dev.ssprkit.msi.schema.ColumnKind.BINARY) {
                    if (text != null && !text.isBlank()) r.set(index, c.payload(da, "Column", text.strip()));
                } else {
                    r.set(index, text);
                }
            }
            for (SourceElement other : row.children()) {
                if (!other.localName().equals("Data")) c.report(CompilerMessage.UNKNOWN_ELEMENT, other.location(), other.localName(), "Row", "Data");
            }
        }).run();
    }

    private static Column column(CompileContext ctx, SourceElement c) {
        Attrs a = ctx.attrs(c, "Id", "Type", "Width", "PrimaryKey", "Nullable", "Localizable", "Category", "KeyTable",
                "KeyColumn", "MinValue", "MaxValue", "Set", "Description", "Modularize", "Unreal", "Escape");
        String name = a.id("Id", true, 64);
        String type = a.required("Type") == null ? null : a.oneOf("Type", null, "binary", "int", "string");
        Integer width = a.integer("Width", null, 0, 255);
        if (name == null || type == null) return null;
        Col col = switch (type) {
            case "int" -> width != null && width == 2 ? Col.i2(name) : Col.i4(name);
            case "binary" -> Col.v(name);
            default -> a.yesNo("Localizable", false) ? Col.l(name, width == null ? 0 : width) : Col.s(name, width == null ? 0 : width);
        };
        if (a.yesNo("PrimaryKey", false)) col.key();
        if (a.yesNo("Nullable", false)) col.nullable();
        if (a.has("Category")) {
            String cat = a.str("Category");
            Category found = null;
            for (Category k : Category.values()) if (k.msiName().equalsIgnoreCase(cat)) found = k;
            if (found == null) ctx.report(CompilerMessage.BAD_VALUE, a.at("Category"), "Category", cat, "one of the SDK's column categories (Text, Identifier, Formatted, Condition, Guid...)");
            else col.cat(found);
        }
        if (a.has("KeyTable")) col.ref(a.str("KeyTable"), a.integer("KeyColumn", 1, 1, 32));
        Long min = a.has("MinValue") ? Long.valueOf(a.integer("MinValue", 0, Integer.MIN_VALUE + 1, Integer.MAX_VALUE)) : null;
        Long max = a.has("MaxValue") ? Long.valueOf(a.integer("MaxValue", 0, Integer.MIN_VALUE + 1, Integer.MAX_VALUE)) : null;
        if (min != null || max != null) col.range(min == null ? -2147483647L : min, max == null ? 2147483647L : max);
        if (a.has("Set")) col.set(a.str("Set"));
        if (a.has("Description")) col.doc(a.str("Description"));
        a.str("Modularize");
        return col.build();
    }
}
