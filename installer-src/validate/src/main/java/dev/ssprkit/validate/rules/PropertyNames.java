package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Category;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Formats;
import dev.ssprkit.validate.Knowledge;
import dev.ssprkit.validate.Rule;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names used in conditions and formatted strings.
 * <ul>
 * <li>ICE46: a property referenced in a condition or formatted string differs only in case from a defined or system
 *     property (property names are case-sensitive, so it silently reads as empty) (warning).</li>
 * <li>ICE52: AppSearch properties are public (upper case) (warning).</li>
 * <li>ICE79: {@code &Feature}, {@code !Feature}, {@code $Component} and {@code ?Component} in conditions name
 *     existing features and components.</li>
 * <li>ICE86: conditions use Privileged rather than AdminUser (warning).</li>
 * <li>ICE99: no Directory key is a reserved installer property name (CustomActionData, ProductCode...).</li>
 * </ul>
 */
public final class PropertyNames implements Rule {
    @Override
    public List<String> ices() {
        return List.of("ICE46", "ICE52", "ICE79", "ICE86", "ICE99");
    }

    @Override
    public void check(Context ctx) {
        Set<String> defined = new HashSet<>(Knowledge.SYSTEM_PROPERTIES);
        defined.addAll(Knowledge.FOLDER_PROPERTIES);
        for (Row r : ctx.rows("Property")) defined.add(Context.text(r, "Property"));
        defined.addAll(ctx.directories().keySet());
        for (Row r : ctx.rows("AppSearch")) defined.add(Context.text(r, "Property"));
        for (Row r : ctx.rows("Upgrade")) defined.add(Context.text(r, "ActionProperty"));
        for (Row r : ctx.rows("CustomAction")) {
            int base = Context.integer(r, "Type", 0) & 0x3F;
            if (base == 51 || base == 35) defined.add(Context.text(r, "Source"));
        }
        Map<String, String> byLower = new HashMap<>();
        for (String d : defined) if (d != null) byLower.putIfAbsent(d.toLowerCase(Locale.ROOT), d);

        for (Table table : ctx.db().tables().values()) {
            TableSchema standard = StandardSchema.get(table.name());
            if (standard == null) continue;
            for (Column col : standard.columns()) {
                Category cat = col.category();
                boolean condition = cat == Category.CONDITION;
                boolean formatted = cat == Category.FORMATTED || cat == Category.KEY_FORMATTED || cat == Category.SHORTCUT;
                if (!condition && !formatted || table.schema().indexOf(col.name()) < 0) continue;
                for (Row row : table.rows()) {
                    String v = Context.text(row, col.name());
                    if (v == null) continue;
                    List<Formats.Reference> refs = condition ? Formats.conditionReferences(v) : Formats.formattedReferences(v);
                    for (Formats.Reference ref : refs) reference(ctx, row, col.name(), ref, condition, defined, byLower);
                }
            }
        }
        for (Row r : ctx.rows("AppSearch")) {
            String p = Context.text(r, "Property");
            if (p != null && !p.equals(p.toUpperCase(Locale.ROOT))) {
                ctx.warning("ICE52", r, "Property", "AppSearch property " + p + " must be public (upper case) to be set from the command line and the UI");
            }
        }
        for (Row d : ctx.rows("Directory")) {
            String id = Context.text(d, "Directory");
            if (Knowledge.SYSTEM_PROPERTIES.contains(id) && !Knowledge.FOLDER_PROPERTIES.contains(id)) {
                ctx.error("ICE99", d, "Directory", "the directory name " + id + " is the same as an installer property and can cause unforeseen side effects");
            }
        }
    }

    private static void reference(Context ctx, Row row, String column, Formats.Reference ref, boolean condition,
                                  Set<String> defined, Map<String, String> byLower) {
        String name = ref.name();
        switch (ref.sigil()) {
            case '&', '!' -> {
                if (condition && ctx.find("Feature", name) == null) {
                    ctx.error("ICE79", row, column, "the condition refers to feature " + name + ", which is not in the Feature table");
                }
            }
            case '$', '?' -> {
                if (condition && ctx.find("Component", name) == null) {
                    ctx.error("ICE79", row, column, "the condition refers to component " + name + ", which is not in the Component table");
                }
            }
            case 0 -> {
                if (name.equals("AdminUser") && condition) {
                    ctx.warning("ICE86", row, column, "the condition uses AdminUser; use Privileged, which is also true for elevated installs");
                }
                if (!defined.contains(name)) {
                    String other = byLower.get(name.toLowerCase(Locale.ROOT));
                    if (other != null) ctx.warning("ICE46", row, column, "property " + name + " differs only in case from the defined property " + other);
                }
            }
            default -> { }
        }
    }
}
