package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Rule;

import java.util.List;

/**
 * ICE03 "string overflow": a string longer than its column's declared width (the {@code _Columns} type's size; 0 is
 * unlimited). Windows Installer reads such a package (Microsoft's own VC++ 2005 redistributable has 73-75 character
 * {@code Component.KeyPath} values in a 72-character column), so our reader accepts it with a warning; the SDK's ICE03
 * reports it as an error, and so does this rule. Applies to every table, standard or custom, by its stored schema.
 */
public final class ColumnWidths implements Rule {
    @Override
    public List<String> ices() {
        return List.of("ICE03");
    }

    @Override
    public void check(Context ctx) {
        for (Table table : ctx.db().tables().values()) {
            List<Column> cols = table.schema().columns();
            for (Row row : table.rows()) {
                for (int i : Table.overWide(table.schema(), row.cells())) {
                    Column c = cols.get(i);
                    String v = (String) row.get(i);
                    ctx.error("ICE03", row, c.name(), "string overflow: '" + (v.length() <= 60 ? v : v.substring(0, 57) + "...") + "' is "
                            + v.length() + " characters; the column holds at most " + c.size());
                }
            }
        }
    }
}
