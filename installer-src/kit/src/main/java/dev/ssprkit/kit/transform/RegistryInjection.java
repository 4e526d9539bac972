package dev.ssprkit.kit.transform;

import dev.ssprkit.builder.Guids;
import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.registry.Hive;
import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds registry settings to a package's database as components of their own — what an administrator does by hand
 * in Orca or InstEd: {@code Component} rows (registry key path; {@code Permanent} when asked; 64-bit on a 64-bit
 * package), {@code Registry}/{@code RemoveRegistry} rows, {@code FeatureComponents} rows tying each component to every
 * top-level feature, and the {@code WriteRegistryValues}/{@code RemoveRegistryValues} actions when the package's
 * {@code InstallExecuteSequence} lacks them (a package without registry values usually does). Tables the package
 * lacks are created (a transform then adds them with their {@code _Tables}/{@code _Columns} rows).
 *
 * <p>Views: on a 64-bit package, values under {@code HKLM\SOFTWARE\Wow6432Node\...} (as {@code reg export} shows
 * the 32-bit view) go into a 32-bit component with the path Windows Installer redirects there itself
 * ({@code SOFTWARE\...}); everything else into a 64-bit component. A 32-bit package writes the 32-bit view only.
 *
 * <p>A value the package itself already writes (same root, key and name in the same view) is left to the package and
 * listed in {@link Result#leftToPackage()}: two components writing one value fight on every repair and uninstall.
 *
 * <p>Generated identifiers are derived, never random (the same package and settings give the same transform):
 * component {@code ssprkit<Name><ROOT>[32]}, its GUID {@link #componentGuid}, registry rows {@code reg<hash>}.
 */
public final class RegistryInjection {
    /** {@code msidbComponentAttributesRegistryKeyPath}, {@code ...Permanent}, {@code ...64bit} (MSI SDK, Component table). */
    static final int ATTR_REGISTRY_KEY_PATH = 0x4, ATTR_PERMANENT = 0x10, ATTR_64BIT = 0x100;
    /** The standard sequence numbers (MSI SDK "Suggested InstallExecuteSequence"). */
    static final int SEQ_REMOVE_REGISTRY_VALUES = 2600, SEQ_WRITE_REGISTRY_VALUES = 5000;

    /** One component added. */
    public record AddedComponent(String component, String guid, int attributes, int values, int removals, List<String> features) {}

    /** What was added, and the values left to the package. */
    public record Result(List<AddedComponent> components, List<String> leftToPackage, List<String> actionsAdded) {}

    /** A value (or removal) after view mapping: where it lands and where it came from. */
    private record Target(int root, String key, String name, boolean is64, String origin) {
        String id() {
            return root + "\u0000" + key.toUpperCase(Locale.ROOT) + "\u0000" + (name == null ? "" : name.toUpperCase(Locale.ROOT)) + "\u0000" + is64;
        }
    }

    private RegistryInjection() {}

    /** Adds every settings group to {@code db}; {@code label} names the package in messages. */
    public static Result inject(Database db, List<RegistrySettings> settings, String label) throws MsiException {
        boolean package64 = is64BitPackage(db);
        String namespace = namespace(db, label);
        Map<String, String> existing = existingWrites(db, package64);
        String directory = rootDirectory(db, label);
        List<String> features = topLevelFeatures(db, label);
        Table component = db.table("Component");
        Table registry = db.table("Registry");
        Table featureComponents = db.table("FeatureComponents");

        List<AddedComponent> added = new ArrayList<>();
        List<String> left = new ArrayList<>();
        Map<String, String> placed = new HashMap<>(); // target id -> origin, across all settings
        boolean anyWrites = false, anyRemovals = false;
        for (RegistrySettings s : settings) {
            // root + view -> (values, removals), in the .reg file's order
            Map<String, List<Object[]>> writes = new TreeMap<>();
            Map<String, List<Target>> removals = new TreeMap<>();
            RegFile reg = s.reg();
            for (RegistryKey k : reg.deletedKeys()) {
                Target t = target(k, "-", package64, s, origin(s, reg.lineOfKeyDeletion(k)));
                removals.computeIfAbsent(group(t), g -> new ArrayList<>()).add(t);
            }
            for (Map.Entry<RegistryKey, java.util.Set<String>> e : reg.deletedValues().entrySet()) {
                for (String name : e.getValue()) {
                    String where = origin(s, reg.lineOf(e.getKey(), name));
                    if (name.isEmpty()) {
                        throw new MsiException(where, "deletes the default value of " + e.getKey() + "; the RemoveRegistry table cannot "
                                + "express that (an empty Name removes the whole key)");
                    }
                    Target t = target(e.getKey(), RegistryValueEncoding.literal(name), package64, s, where);
                    removals.computeIfAbsent(group(t), g -> new ArrayList<>()).add(t);
                }
            }
            for (RegistryKey k : reg.keys()) {
                for (Map.Entry<String, RegistryValue> v : reg.values(k).entrySet()) {
                    String name = v.getKey().isEmpty() ? null : v.getKey();
                    String where = origin(s, reg.lineOf(k, v.getKey()));
                    if (name != null && (name.equals("+") || name.equals("-") || name.equals("*"))) {
                        throw new MsiException(where, "value name '" + name + "' is reserved by the Registry table (key create/remove markers)");
                    }
                    String encoded;
                    try {
                        encoded = RegistryValueEncoding.encode(v.getValue());
                    } catch (RegistryValueEncoding.Unsupported u) {
                        throw new MsiException(where, k + "\\" + (name == null ? "@" : name) + ": " + u.getMessage());
                    }
                    Target t = target(k, name == null ? null : RegistryValueEncoding.literal(name), package64, s, where);
                    String pkg = existing.get(t.id());
                    if (pkg != null) {
                        left.add(k + "\\" + (name == null ? "@" : name) + " (" + where + "): already written by the package's " + pkg);
                        continue;
                    }
                    String before = placed.putIfAbsent(t.id(), where);
                    if (before != null) {
                        throw new MsiException(where, k + "\\" + (name == null ? "@" : name) + " is set again (first at " + before
                                + "); on this package both land on the same value");
                    }
                    writes.computeIfAbsent(group(t), g -> new ArrayList<>()).add(new Object[] {t, encoded});
                }
            }
            java.util.Set<String> groups = new java.util.TreeSet<>(writes.keySet());
            groups.addAll(removals.keySet());
            for (String g : groups) {
                List<Object[]> w = writes.getOrDefault(g, List.of());
                List<Target> r = removals.getOrDefault(g, List.of());
                Target first = w.isEmpty() ? r.get(0) : (Target) w.get(0)[0];
                String id = "ssprkit" + s.name() + rootTag(first.root()) + (package64 && !first.is64() ? "32" : "");
                if (component.find(id) != null) {
                    throw new MsiException(label, "already has component " + id + "; was a transform of these settings merged into it already?");
                }
                List<String> resources = new ArrayList<>();
                for (Object[] x : w) resources.add("write " + ((Target) x[0]).id());
                for (Target t : r) resources.add("remove " + t.id());
                String guid = componentGuid(namespace, id, s.permanent(), resources);
                String keyPath = null;
                for (Object[] x : w) {
                    Target t = (Target) x[0];
                    String rowId = rowId(namespace, "Registry", t);
                    if (registry.find(rowId) != null) throw new MsiException(label, "already has Registry row " + rowId);
                    registry.addFrom(t.origin(), rowId, t.root(), t.key(), t.name(), x[1], id);
                    if (keyPath == null) keyPath = rowId;
                }
                if (!r.isEmpty()) {
                    Table remove = db.table("RemoveRegistry");
                    for (Target t : r) remove.addFrom(t.origin(), rowId(namespace, "RemoveRegistry", t), t.root(), t.key(), t.name(), id);
                }
                int attributes = (keyPath != null ? ATTR_REGISTRY_KEY_PATH : 0) | (s.permanent() ? ATTR_PERMANENT : 0) | (first.is64() ? ATTR_64BIT : 0);
                component.addFrom(s.source(), id, guid, directory, attributes, null, keyPath);
                for (String f : features) featureComponents.add(f, id);
                added.add(new AddedComponent(id, guid, attributes, w.size(), r.size(), features));
                anyWrites |= !w.isEmpty();
                anyRemovals |= !r.isEmpty();
            }
        }
        List<String> actions = new ArrayList<>();
        if (anyWrites || anyRemovals) {
            Table seq = db.tableOrNull("InstallExecuteSequence");
            if (seq == null) throw new MsiException(label, "has no InstallExecuteSequence table; is this a product package?");
            // RemoveRegistryValues also removes the written values on uninstall, so writes need it too
            if (seq.find("RemoveRegistryValues") == null) {
                seq.add("RemoveRegistryValues", null, SEQ_REMOVE_REGISTRY_VALUES);
                actions.add("RemoveRegistryValues");
            }
            if (anyWrites && seq.find("WriteRegistryValues") == null) {
                seq.add("WriteRegistryValues", null, SEQ_WRITE_REGISTRY_VALUES);
                actions.add("WriteRegistryValues");
            }
        }
        return new Result(List.copyOf(added), List.copyOf(left), List.copyOf(actions));
    }

    /**
     * The ComponentId of an added component: name-based (SHA-1, {@link Guids#nameBased}) on the package's UpgradeCode
     * (its ProductCode when it has none), the component name, whether it is permanent, and every resource it holds. The
     * same settings on the same package give the same GUID; a different set of values gives a new one, as the
     * component rules require.
     */
    public static String componentGuid(String namespace, String componentId, boolean permanent, List<String> resources) {
        List<String> names = new ArrayList<>();
        names.add("ssprkit-transform-component");
        names.add(componentId);
        names.add(permanent ? "permanent" : "removable");
        names.addAll(resources);
        return Guids.nameBased(namespace, names.toArray(String[]::new));
    }

    static String namespace(Database db, String label) throws MsiException {
        String upgrade = property(db, "UpgradeCode");
        if (upgrade != null && Guids.isGuid(upgrade)) return Guids.normalize(upgrade);
        String product = property(db, "ProductCode");
        if (product != null && Guids.isGuid(product)) return Guids.normalize(product);
        throw new MsiException(label, "has neither an UpgradeCode nor a ProductCode property; is this a product package?");
    }

    private static String rowId(String namespace, String table, Target t) {
        return "reg" + Guids.nameBased(namespace, "ssprkit-transform-" + table, t.id()).replaceAll("[{}-]", "");
    }

    private static String origin(RegistrySettings s, int line) {
        return line > 0 ? s.source() + ":" + line : s.source();
    }

    private static String group(Target t) {
        return t.root() + (t.is64() ? "/64" : "/32");
    }

    private static String rootTag(int root) {
        return switch (root) {
            case 0 -> "HKCR";
            case 1 -> "HKCU";
            case 2 -> "HKLM";
            default -> "HKU";
        };
    }

    private static Target target(RegistryKey key, String name, boolean package64, RegistrySettings s, String where) throws MsiException {
        int root = switch (key.hive()) {
            case HKCR -> 0;
            case HKCU -> 1;
            case HKLM -> 2;
            case HKU -> 3;
            case HKCC -> throw new MsiException(where, key + ": HKEY_CURRENT_CONFIG cannot be written by the Registry table");
        };
        String path = key.path();
        boolean is64 = package64;
        if (key.hive() == Hive.HKLM) {
            String upper = path.toUpperCase(Locale.ROOT);
            if (upper.equals("SOFTWARE\\WOW6432NODE") || upper.startsWith("SOFTWARE\\WOW6432NODE\\")) {
                // the 32-bit view: a 32-bit component, whose SOFTWARE\... Windows Installer redirects to Wow6432Node
                path = "SOFTWARE" + path.substring("SOFTWARE\\Wow6432Node".length());
                is64 = false;
            }
        }
        if (path.isEmpty()) throw new MsiException(where, key + ": values directly under a hive cannot be written by a package");
        String literal = RegistryValueEncoding.literal(path);
        if (literal.length() > 255) throw new MsiException(where, key + ": the key is longer than the Registry table's 255 characters");
        return new Target(root, literal, name, is64, where);
    }

    /** Every value the package writes, by where it lands, with the component that writes it. */
    private static Map<String, String> existingWrites(Database db, boolean package64) {
        Map<String, String> out = new LinkedHashMap<>();
        Table registry = db.tableOrNull("Registry");
        Table component = db.tableOrNull("Component");
        if (registry == null) return out;
        for (Row r : registry.rows()) {
            Integer root = r.integer("Root");
            String comp = r.string("Component_");
            Row c = component == null ? null : component.find(comp);
            boolean is64 = package64 && c != null && c.integer("Attributes") != null && (c.integer("Attributes") & ATTR_64BIT) != 0;
            int effectiveRoot = root == null ? 2 : root == -1 ? 2 : root; // per-machine packages: -1 is HKLM
            String key = r.string("Key");
            String value = r.get("Value") instanceof String v ? v : "(key)";
            out.putIfAbsent(new Target(effectiveRoot, key, r.string("Name"), is64, null).id(),
                    "component " + comp + " (Registry row " + r.get(0) + ", Value '" + value + "')");
        }
        return out;
    }

    public static boolean is64BitPackage(Database db) {
        String t = db.summary().template == null ? "" : db.summary().template.toLowerCase(Locale.ROOT);
        String platform = t.contains(";") ? t.substring(0, t.indexOf(';')) : t;
        return platform.equals("x64") || platform.equals("intel64") || platform.equals("arm64") || platform.equals("amd64");
    }

    private static String rootDirectory(Database db, String label) throws MsiException {
        Table dirs = db.tableOrNull("Directory");
        if (dirs != null && dirs.find("TARGETDIR") != null) return "TARGETDIR";
        throw new MsiException(label, "has no TARGETDIR directory row for the registry components to belong to");
    }

    private static List<String> topLevelFeatures(Database db, String label) throws MsiException {
        Table features = db.tableOrNull("Feature");
        List<String> out = new ArrayList<>();
        if (features != null) {
            for (Row f : features.rows()) {
                Object parent = f.get("Feature_Parent");
                if (parent == null || parent.equals(f.get(0))) out.add((String) f.get(0));
            }
        }
        if (out.isEmpty()) throw new MsiException(label, "has no top-level feature to attach the registry components to");
        return out;
    }

    private static String property(Database db, String name) {
        Table t = db.tableOrNull("Property");
        Row r = t == null ? null : t.find(name);
        return r == null ? null : r.string("Value");
    }
}
