package dev.ssprkit.msi.layout;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where each file of a package goes, relative to the root (TARGETDIR), using long names: {@code Directory.DefaultDir}
 * and {@code File.FileName} are {@code short|long} (target part before any {@code :}), {@code .} means "the parent".
 * Standard folders (ProgramFiles64Folder...) appear under their own id, as msiextract does.
 */
public final class InstallLayout {
    private final Map<String, String> dirPaths = new HashMap<>();
    private final Map<String, String> filePaths = new LinkedHashMap<>();

    public InstallLayout(Database db) throws MsiException {
        Map<String, Row> dirs = new HashMap<>();
        Table dirTable = db.tableOrNull("Directory");
        if (dirTable != null) for (Row r : dirTable.rows()) dirs.put(r.string("Directory"), r);
        for (String id : dirs.keySet()) resolve(id, dirs, new HashSet<>());
        Table files = db.tableOrNull("File");
        Table comps = db.tableOrNull("Component");
        if (files == null) return;
        for (Row f : files.rows()) {
            Row comp = comps == null ? null : comps.find(f.string("Component_"));
            if (comp == null) throw new MsiException("table File", "file " + f.string("File") + " names component " + f.string("Component_") + " which does not exist");
            String dir = dirPaths.get(comp.string("Directory_"));
            if (dir == null) throw new MsiException("table Component", "component " + comp.string("Component") + " names directory " + comp.string("Directory_") + " which does not exist");
            String name = longName(f.string("FileName"));
            checkSegment(name, "file " + f.string("File"));
            filePaths.put(f.string("File"), dir.isEmpty() ? name : dir + "/" + name);
        }
    }

    private String resolve(String id, Map<String, Row> dirs, Set<String> visiting) throws MsiException {
        String known = dirPaths.get(id);
        if (known != null) return known;
        Row r = dirs.get(id);
        if (r == null) throw new MsiException("table Directory", "directory " + id + " is referenced but not defined");
        if (!visiting.add(id)) throw new MsiException("table Directory", "directory " + id + " is its own ancestor");
        String parent = r.string("Directory_Parent");
        String name = longName(target(r.string("DefaultDir")));
        String path;
        if (parent == null || parent.equals(id)) {
            path = "";
        } else {
            String parentPath = resolve(parent, dirs, visiting);
            if (name.equals(".")) {
                path = parentPath.isEmpty() && dirs.get(parent).string("Directory_Parent") == null ? id : parentPath;
            } else {
                checkSegment(name, "directory " + id);
                path = parentPath.isEmpty() ? name : parentPath + "/" + name;
            }
        }
        dirPaths.put(id, path);
        return path;
    }

    private static String target(String defaultDir) {
        int colon = defaultDir.indexOf(':');
        return colon >= 0 ? defaultDir.substring(0, colon) : defaultDir;
    }

    /** The long part of a {@code short|long} name. */
    public static String longName(String name) {
        int bar = name.indexOf('|');
        return bar >= 0 ? name.substring(bar + 1) : name;
    }

    private static void checkSegment(String name, String what) throws MsiException {
        if (name.isEmpty() || name.equals("..") || name.contains("/") || name.contains("\\") || name.contains("\0") || name.contains(":")) {
            throw new MsiException("layout", what + " has an unsafe name '" + name + "'");
        }
    }

    /** File key → relative path with '/' separators. */
    public Map<String, String> files() {
        return filePaths;
    }

    public String directory(String id) {
        return dirPaths.get(id);
    }
}
