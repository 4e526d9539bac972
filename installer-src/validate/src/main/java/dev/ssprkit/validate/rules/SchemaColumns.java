package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Rule;
import dev.ssprkit.validate.Severity;

import java.util.List;

/**
 * ICE06: a standard table's stored columns must be the standard ones, with the standard types (a missing or
 * retyped column makes the installer read garbage). ICE32: a foreign-key column must have the same type and size
 * as the key it refers to.
 *
 * <p>The SDK's ICE06 compares against {@code _Validation}; we compare against {@link StandardSchema}, so columns a
 * newer schema added (that we do not declare) are reported as unknown only as warnings.
 */
public final class SchemaColumns implements Rule {
    @Override
    public List<String> ices() {
        return List.of("ICE06", "ICE32");
    }

    @Override
    public void check(Context ctx) {
        for (Table table : ctx.db().tables().values()) {
            TableSchema standard = StandardSchema.get(table.name());
            if (standard == null) continue;
            TableSchema stored = table.schema();
            for (Column c : standard.columns()) {
                int i = stored.indexOf(c.name());
                if (i < 0) {
                    ctx.report("ICE06", Severity.ERROR, table.name(), c.name(), "column is missing from the table (" + c.idtType() + " expected)");
                } else if (!stored.columns().get(i).sameStorage(c)) {
                    ctx.report("ICE06", Severity.ERROR, table.name(), c.name(),
                            "column is stored as " + stored.columns().get(i).idtType() + "; the standard type is " + c.idtType());
                }
            }
            for (Column c : stored.columns()) {
                if (standard.indexOf(c.name()) < 0) {
                    ctx.report("ICE06", Severity.WARNING, table.name(), c.name(), "column is not in the standard schema of " + table.name());
                }
            }
            for (Column c : stored.columns()) {
                int si = standard.indexOf(c.name());
                Column decl = si < 0 ? null : standard.columns().get(si);
                if (decl == null || decl.keyTable() == null || !c.isString()) continue;
                for (String target : decl.keyTable().split(";")) {
                    Table t = ctx.db().tableOrNull(target);
                    TableSchema ts = t != null ? t.schema() : StandardSchema.get(target);
                    int k = decl.keyColumn() == null ? 0 : decl.keyColumn() - 1;
                    if (ts == null || k >= ts.columns().size()) continue;
                    Column key = ts.columns().get(k);
                    if (key.kind() != c.kind() || (c.size() != 0 && key.size() != 0 && c.size() < key.size() && !c.name().equals("KeyPath"))) {
                        ctx.report("ICE32", Severity.ERROR, table.name(), c.name(), "foreign key " + c.idtType() + " does not match "
                                + target + "." + key.name() + " " + key.idtType());
                    }
                }
            }
        }
    }
}
