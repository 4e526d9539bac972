package dev.ssprkit.validate;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What rules see: the database (read-only by convention), lookups shared by several rules (properties, directory
 * ancestry, feature membership, sequences), and the finding collector.
 *
 * <p>Every lookup is an index built once, on first use, and then a hash lookup: rows by primary key ({@link #find}),
 * rows by the value of any column ({@link #rowsWith}, e.g. the files of a component), directories, features of a
 * component, target paths. A rule that looks rows up inside a loop over rows must use these, never a scan, so that
 * validation grows with the size of the package and not with its square (bench/validate measures it).
 */
public final class Context {
    private final Database db;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Map<Object, Row>> byKey = new HashMap<>();
    private final Map<String, Map<Object, List<Row>>> byColumn = new HashMap<>();
    private final Map<String, String> targetPaths = new HashMap<>();
    private final Map<String, List<String>> ancestries = new HashMap<>();
    private Map<String, Row> directories;
    private Set<String> directoriesSetByActions;
    private Map<String, Set<String>> featuresOfComponent;

    Context(Database db) {
        this.db = db;
    }

    public Database db() {
        return db;
    }

    List<Finding> findings() {
        return findings;
    }

    // ---- reporting ----

    public void error(String ice, Row row, String column, String message) {
        report(ice, Severity.ERROR, row, column, message);
    }

    public void warning(String ice, Row row, String column, String message) {
        report(ice, Severity.WARNING, row, column, message);
    }

    /** A finding about the whole package (summary information, platform). */
    public void reportPackage(String ice, Severity severity, String message) {
        findings.add(new Finding(ice, severity, null, null, null, null, message));
    }

    /** A finding about a table rather than one row. */
    public void report(String ice, Severity severity, String table, String column, String message) {
        findings.add(new Finding(ice, severity, table, column, null, null, message));
    }

    public void report(String ice, Severity severity, Row row, String column, String message) {
        if (row == null) {
            report(ice, severity, (String) null, column, message);
            return;
        }
        findings.add(new Finding(ice, severity, row.table().name(), column, rowKey(row), row.origin(), message));
    }

    /** The primary key cells of a row joined by {@code /} (null cells as empty). */
    public static String rowKey(Row row) {
        int keys = row.table().schema().keyCount();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            if (i > 0) sb.append('/');
            Object v = row.get(i);
            if (v != null) sb.append(v);
        }
        return sb.toString();
    }

    // ---- tables ----

    /** The rows of a table, or none when the database has no such table. */
    public List<Row> rows(String table) {
        Table t = db.tableOrNull(table);
        return t == null ? List.of() : t.rows();
    }

    public boolean has(String table) {
        Table t = db.tableOrNull(table);
        return t != null && !t.rows().isEmpty();
    }

    /** The first row of {@code table} whose first column equals {@code key}, or null. */
    public Row find(String table, Object key) {
        if (key == null) return null;
        return byKey.computeIfAbsent(table, t -> {
            Map<Object, Row> index = new HashMap<>();
            for (Row r : rows(t)) if (r.get(0) != null) index.putIfAbsent(r.get(0), r);
            return index;
        }).get(key);
    }

    /**
     * The rows of {@code table} whose {@code column} equals {@code value} (e.g. {@code rowsWith("File", "Component_",
     * id)}: the files of a component), in table order; none when the table or column does not exist.
     */
    public List<Row> rowsWith(String table, String column, Object value) {
        if (value == null) return List.of();
        Map<Object, List<Row>> index = byColumn.computeIfAbsent(table + "\u0000" + column, k -> {
            Map<Object, List<Row>> m = new HashMap<>();
            Table t = db.tableOrNull(table);
            int i = t == null ? -1 : t.schema().indexOf(column);
            if (i < 0) return m;
            for (Row r : t.rows()) {
                Object v = r.get(i);
                if (v != null) m.computeIfAbsent(v, x -> new ArrayList<>(2)).add(r);
            }
            return m;
        });
        return index.getOrDefault(value, List.of());
    }

    /** A cell by column name, or null when the table (as stored) has no such column. */
    public static Object cell(Row row, String column) {
        int i = row.table().schema().indexOf(column);
        return i < 0 ? null : row.get(i);
    }

    public static String text(Row row, String column) {
        Object v = cell(row, column);
        return v == null ? null : v.toString();
    }

    public static int integer(Row row, String column, int absent) {
        return cell(row, column) instanceof Integer n ? n : absent;
    }

    // ---- properties ----

    public String property(String name) {
        Row r = find("Property", name);
        return r == null ? null : text(r, "Value");
    }

    // ---- directories ----

    public Map<String, Row> directories() {
        if (directories == null) {
            directories = new LinkedHashMap<>();
            for (Row r : rows("Directory")) directories.putIfAbsent(text(r, "Directory"), r);
        }
        return directories;
    }

    /** The directory and its ancestors (nearest first), stopping at a cycle or a missing parent. */
    public List<String> ancestry(String directory) {
        // asked for every component and file: each directory's chain is walked once
        List<String> known = ancestries.get(directory);
        if (known != null) return known;
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String d = directory;
        while (d != null && seen.add(d)) {
            chain.add(d);
            Row r = directories().get(d);
            d = r == null ? null : text(r, "Directory_Parent");
        }
        chain = Collections.unmodifiableList(chain);
        if (directory != null) ancestries.put(directory, chain);
        return chain;
    }

    /** True when {@code directory} is one of {@code folders} or lies below one. */
    public boolean isUnder(String directory, Set<String> folders) {
        for (String d : ancestry(directory)) if (folders.contains(d)) return true;
        return false;
    }

    /** The first of {@code folders} found walking up from {@code directory}, or null. */
    public String folderOf(String directory, Set<String> folders) {
        for (String d : ancestry(directory)) {
            if (folders.contains(d)) return d;
            // a folder a custom action points elsewhere at run time (a merge module's CommonFilesFolder.GUID alias)
            // is not below its parent row any more: what lies above it says nothing about where it ends up
            if (!Knowledge.FOLDER_PROPERTIES.contains(d) && isFolderProperty(d)) return null;
        }
        return null;
    }

    /**
     * The install-time path of a directory as the Directory table spells it, lower-cased: the root's id (a folder
     * property) and then each target long name ({@code .} adds nothing). Good enough to tell whether two rows end
     * up in the same place.
     */
    public String targetPath(String directory) {
        if (directory == null) return "";
        String known = targetPaths.get(directory);
        if (known != null) return known;
        String path = spellTargetPath(directory);
        targetPaths.put(directory, path);
        return path;
    }

    private String spellTargetPath(String directory) {
        List<String> chain = new ArrayList<>(ancestry(directory));
        Collections.reverse(chain);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            String id = chain.get(i);
            Row r = directories().get(id);
            if (i == 0 || r == null || isFolderProperty(id)) {
                sb.setLength(0);
                sb.append(id);
                continue;
            }
            String name = targetLongName(text(r, "DefaultDir"));
            if (name != null && !name.equals(".")) sb.append('\\').append(name);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The long target name in a DefaultDir value ({@code short|long[:source]}). */
    public static String targetLongName(String defaultDir) {
        if (defaultDir == null) return null;
        String target = defaultDir.split(":", 2)[0];
        int bar = target.indexOf('|');
        return bar >= 0 ? target.substring(bar + 1) : target;
    }

    /**
     * A directory whose path is a property's value: a standard folder, or one a custom action sets at run time (type 35
     * sets a directory, type 51 a property, which for a Directory key is the same thing). The SDK says ICE30 does not
     * evaluate properties, so such a directory starts a path of its own. Merge modules depend on this: they alias the
     * standard folders ({@code CommonFilesFolder.GUID}, DefaultDir {@code Common}) and a type-51 action points each
     * alias at the real folder, so a 32-bit and a 64-bit module side by side do not collide.
     */
    private boolean isFolderProperty(String id) {
        if (Knowledge.FOLDER_PROPERTIES.contains(id)) return true;
        if (directoriesSetByActions == null) {
            directoriesSetByActions = new HashSet<>();
            for (Row a : rows("CustomAction")) {
                int base = integer(a, "Type", 0) & 0x3F;
                String source = text(a, "Source");
                if ((base == 35 || base == 51) && source != null) directoriesSetByActions.add(source);
            }
        }
        return directoriesSetByActions.contains(id);
    }

    // ---- features and components ----

    /** The features that install each component (FeatureComponents). */
    public Set<String> featuresOf(String component) {
        if (featuresOfComponent == null) {
            featuresOfComponent = new HashMap<>();
            for (Row r : rows("FeatureComponents")) {
                // nearly every component is in one feature: a one-element set until a second comes (a HashSet each
                // was a tenth of the heap at 100,000 components)
                featuresOfComponent.merge(text(r, "Component_"), Collections.singleton(text(r, "Feature_")), (had, one) -> {
                    if (had.containsAll(one)) return had;
                    Set<String> more = new HashSet<>(had);
                    more.addAll(one);
                    return more;
                });
            }
        }
        return featuresOfComponent.getOrDefault(component, Set.of());
    }

    // ---- sequences ----

    /** Action name to sequence number (null when the row has none) for one sequence table. */
    public Map<String, Integer> sequence(String table) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Row r : rows(table)) m.put(text(r, "Action"), cell(r, "Sequence") instanceof Integer n ? n : null);
        return m;
    }

    /** The CustomAction row of an action, or null. */
    public Row customAction(String action) {
        return find("CustomAction", action);
    }

    /** True for a 64-bit package ({@code Template} platform x64, Intel64, Arm64). */
    public boolean is64BitPackage() {
        String template = db.summary().template;
        String platform = template == null ? "" : template.split(";", 2)[0].trim();
        return platform.equalsIgnoreCase("x64") || platform.equalsIgnoreCase("Intel64") || platform.equalsIgnoreCase("Arm64") || platform.equalsIgnoreCase("AMD64");
    }
}
