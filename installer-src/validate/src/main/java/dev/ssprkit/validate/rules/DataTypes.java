package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Category;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Formats;
import dev.ssprkit.validate.Rule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ICE03: every cell against its column's {@code _Validation} metadata, which here is the declaration in
 * {@link StandardSchema}: nullability, integer ranges and value sets, string categories (Identifier, Guid,
 * Version, Language, Filename, DefaultDir, RegPath, Formatted, Condition, UpperCase, Property, Cabinet, Shortcut...)
 * and foreign keys ({@code KeyTable}/{@code KeyColumn}, several tables separated by {@code ;}).
 *
 * <p>Tables without a standard declaration are skipped (the SDK would use the package's own {@code _Validation}
 * rows). Condition and Formatted values are checked for balance only, not parsed completely.
 */
public final class DataTypes implements Rule {
    static final String ICE = "ICE03";

    @Override
    public List<String> ices() {
        return List.of(ICE);
    }

    @Override
    public void check(Context ctx) {
        Lookups keyCache = new Lookups(ctx);
        for (Table table : ctx.db().tables().values()) {
            TableSchema standard = StandardSchema.get(table.name());
            if (standard == null || table.name().startsWith("_")) continue;
            List<Column> stored = table.schema().columns();
            Column[] declared = new Column[stored.size()]; // per stored column, its standard declaration (looked up once)
            for (int i = 0; i < declared.length; i++) {
                int si = standard.indexOf(stored.get(i).name());
                declared[i] = si < 0 ? null : standard.columns().get(si); // ICE06 reports unknown columns
            }
            for (Row row : table.rows()) {
                for (int i = 0; i < declared.length; i++) {
                    if (declared[i] != null) checkCell(ctx, row, declared[i], row.get(i), keyCache);
                }
            }
        }
    }

    private void checkCell(Context ctx, Row row, Column col, Object v, Lookups keyCache) {
        String name = col.name();
        if (v == null) {
            if (!col.nullable()) ctx.error(ICE, row, name, "null in a non-nullable column");
            return;
        }
        if (v instanceof Integer n) {
            if (col.minValue() != null && n < col.minValue() || col.maxValue() != null && n > col.maxValue()) {
                ctx.error(ICE, row, name, "value " + n + " is outside " + col.minValue() + ".." + col.maxValue());
            }
            if (col.set() != null && !keyCache.members(col).contains(n.toString())) {
                ctx.error(ICE, row, name, "value " + n + " is not one of " + col.set());
            }
        }
        if (!(v instanceof String s)) return;
        if (col.set() != null && !keyCache.members(col).contains(s) && !documentedOutsideTheSet(row, name, s)) {
            ctx.error(ICE, row, name, "'" + s + "' is not one of " + col.set());
        }
        String why = category(col, s, row);
        if (why != null) {
            ctx.error(ICE, row, name, "'" + s + "': " + why + " (" + col.category().msiName() + ")");
            return;
        }
        if (col.keyTable() != null && !isCompanionVersion(ctx, col, s) && !contentTypeWithoutMimeTable(ctx, row, name)) {
            boolean found = false;
            for (Set<Object> keys : keyCache.foreignKeys(col)) {
                if (keys.contains(s)) {
                    found = true;
                    break;
                }
            }
            if (!found) ctx.error(ICE, row, name, "'" + s + "' is not a key of " + col.keyTable().replace(";", " or ") + " (foreign key)");
        }
    }

    /**
     * Extension.MIME_ in a package without a MIME table: WiX (v3 and v4+) writes an advertised Extension's ContentType
     * there without adding a MIME row unless the source has a MIME child, so packages WiX builds carry such rows (a
     * real one: powertabeditor's WiX 3 project). Not failed for that here; whether the SDK's own ICE03 reports it could
     * not be checked (it runs only on Windows). With a MIME table, the key is checked.
     */
    private static boolean contentTypeWithoutMimeTable(Context ctx, Row row, String column) {
        return column.equals("MIME_") && row.table().name().equals("Extension") && ctx.db().tableOrNull("MIME") == null;
    }

    /** File.Version may instead name another File row (a companion file). */
    private static boolean isCompanionVersion(Context ctx, Column col, String s) {
        return col.category() == Category.VERSION && Formats.version(s) == null;
    }

    /**
     * What the cell checks look up, computed once per validation: a column's value set, and the key sets of the tables
     * a foreign-key column may name (shared by every column naming the same table and key column). Per cell, the
     * splitting and the map key texts were most of this rule's allocation on a large package.
     */
    private static final class Lookups {
        private final Context ctx;
        private final Map<Column, List<String>> members = new java.util.IdentityHashMap<>();
        private final Map<Column, List<Set<Object>>> foreign = new java.util.IdentityHashMap<>();
        private final Map<String, Set<Object>> tableKeys = new HashMap<>();

        Lookups(Context ctx) {
            this.ctx = ctx;
        }

        List<String> members(Column col) {
            return members.computeIfAbsent(col, c -> Arrays.asList(c.set().split(";")));
        }

        List<Set<Object>> foreignKeys(Column col) {
            List<Set<Object>> sets = foreign.get(col);
            if (sets == null) {
                int keyColumn = col.keyColumn() == null ? 1 : col.keyColumn();
                sets = new java.util.ArrayList<>();
                for (String t : col.keyTable().split(";")) {
                    sets.add(tableKeys.computeIfAbsent(t + "#" + keyColumn, k -> keys(ctx, t, keyColumn)));
                }
                foreign.put(col, sets);
            }
            return sets;
        }
    }

    private static Set<Object> keys(Context ctx, String table, int column) {
        Set<Object> keys = new HashSet<>();
        for (Row r : ctx.rows(table)) if (column - 1 < r.size()) keys.add(r.get(column - 1));
        return keys;
    }

    /**
     * LockPermissions.Table: the stored set (the SDK's schema and WiX's) lists Directory;File;Registry, but the SDK's
     * LockPermissions page says to "enter File, Registry, or CreateFolder", and every WiX writes CreateFolder for a
     * Permission under CreateFolder (wazuh's packages hold such rows).
     */
    private static boolean documentedOutsideTheSet(Row row, String column, String value) {
        return "Table".equals(column) && "CreateFolder".equals(value) && "LockPermissions".equals(row.table().name());
    }

    private static String category(Column col, String s, Row row) {
        Category c = col.category();
        if (c == null) return null;
        return switch (c) {
            case IDENTIFIER, PROPERTY, CUSTOM_SOURCE -> Formats.identifier(s);
            case UPPER_CASE -> Formats.identifier(s) != null ? Formats.identifier(s)
                    : !s.equals(s.toUpperCase(java.util.Locale.ROOT)) ? "must be upper case" : null;
            case LOWER_CASE -> !s.equals(s.toLowerCase(java.util.Locale.ROOT)) ? "must be lower case" : null;
            case GUID -> Formats.guid(s);
            case VERSION -> Formats.version(s) == null || col.keyTable() != null && Formats.identifier(s) == null ? null : Formats.version(s);
            case LANGUAGE -> Formats.language(s);
            case FILENAME -> Formats.filename(s, false);
            case WILD_CARD_FILENAME -> Formats.filename(s, true);
            case DEFAULT_DIR -> Context.cell(row, "Directory_Parent") == null ? null : Formats.defaultDir(s);
            case REG_PATH -> Formats.regPath(s);
            // a ScrollableText control's RTF (a licence from Word) is shown as it is, not formatted: its brackets are text
            case FORMATTED, KEY_FORMATTED, FORMATTED_SDDL -> s.startsWith("{\\rtf") ? null : Formats.formatted(s);
            case CONDITION -> Formats.condition(s);
            case CABINET -> s.startsWith("#") ? Formats.identifier(s.substring(1)) : Formats.longName(s, false);
            case SHORTCUT -> s.indexOf('[') >= 0 ? Formats.formatted(s) : Formats.identifier(s);
            default -> null;
        };
    }
}
