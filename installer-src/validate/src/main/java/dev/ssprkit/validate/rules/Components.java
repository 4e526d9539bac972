package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Rule;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Components and their key paths.
 * <ul>
 * <li>ICE02: a component's KeyPath names a File row (or, with RegistryKeyPath 0x4, a Registry row; with
 *     ODBCDataSource 0x20, an ODBCDataSource row) that belongs to that same component.</li>
 * <li>ICE08: no two components share a ComponentId GUID.</li>
 * <li>ICE09: components installed into SystemFolder/System64Folder are Permanent (warning).</li>
 * <li>ICE18: a component whose key path is its directory (KeyPath null) and that has no files lists that directory
 *     in CreateFolder, unless (the SDK's ICE18 page) it removes, duplicates or moves files into that directory
 *     (RemoveFile.DirProperty, DuplicateFile/MoveFile.DestFolder). A root of the Directory table (TARGETDIR) is
 *     exempt too: the installer never creates or removes a root, so it is not reinstalled; WiX 3's light passes it
 *     (cli/cli's release build, build/windows/gh.wixproj, validates a component in TARGETDIR holding only an
 *     Environment row).</li>
 * <li>ICE21: every component belongs to at least one feature.</li>
 * <li>ICE35: components with compressed files are not SourceOnly (0x1) or Optional (0x2): compressed files cannot
 *     run from source.</li>
 * <li>ICE45: no reserved bits in Component.Attributes or File.Attributes (warning).</li>
 * <li>ICE92: a component without a ComponentId cannot be Permanent.</li>
 * </ul>
 */
public final class Components implements Rule {
    static final int SOURCE_ONLY = 0x1, OPTIONAL = 0x2, REGISTRY_KEY_PATH = 0x4, PERMANENT = 0x10, ODBC_KEY_PATH = 0x20;
    static final int COMPONENT_VALID_BITS = 0xFFF;
    static final int FILE_VALID_BITS = 0x1 | 0x2 | 0x4 | 0x200 | 0x400 | 0x1000 | 0x2000 | 0x4000;
    static final int FILE_NONCOMPRESSED = 0x2000, FILE_COMPRESSED = 0x4000;
    static final int WORDCOUNT_COMPRESSED = 0x2;

    @Override
    public List<String> ices() {
        return List.of("ICE02", "ICE08", "ICE09", "ICE18", "ICE21", "ICE35", "ICE45", "ICE92");
    }

    @Override
    public void check(Context ctx) {
        Map<String, Row> byGuid = new HashMap<>();
        Set<String> componentsWithFiles = new HashSet<>();
        Set<String> compressedComponents = new HashSet<>();
        boolean packageCompressed = ctx.db().summary().wordCount != null && (ctx.db().summary().wordCount & WORDCOUNT_COMPRESSED) != 0;
        for (Row f : ctx.rows("File")) {
            String comp = Context.text(f, "Component_");
            componentsWithFiles.add(comp);
            int attrs = Context.integer(f, "Attributes", 0);
            boolean compressed = (attrs & FILE_COMPRESSED) != 0 || packageCompressed && (attrs & FILE_NONCOMPRESSED) == 0;
            if (compressed) compressedComponents.add(comp);
            if ((attrs & ~FILE_VALID_BITS) != 0) {
                ctx.warning("ICE45", f, "Attributes", "reserved bits 0x" + Integer.toHexString(attrs & ~FILE_VALID_BITS)
                        + " are set; they should be 0 for compatibility with future installers");
            }
        }
        Set<String> removeFileDirs = new HashSet<>();
        for (Row r : ctx.rows("RemoveFile")) removeFileDirs.add(Context.text(r, "Component_") + "\u0000" + Context.text(r, "DirProperty"));
        for (String table : List.of("DuplicateFile", "MoveFile")) {
            for (Row r : ctx.rows(table)) removeFileDirs.add(Context.text(r, "Component_") + "\u0000" + Context.text(r, "DestFolder"));
        }
        Set<String> roots = new HashSet<>();
        for (Row d : ctx.rows("Directory")) {
            String parent = Context.text(d, "Directory_Parent");
            if (parent == null || parent.equals(Context.text(d, "Directory"))) roots.add(Context.text(d, "Directory"));
        }
        Set<String> createFolders = new HashSet<>();
        for (Row r : ctx.rows("CreateFolder")) createFolders.add(Context.text(r, "Component_") + "\u0000" + Context.text(r, "Directory_"));

        for (Row c : ctx.rows("Component")) {
            String id = Context.text(c, "Component");
            String guid = Context.text(c, "ComponentId");
            String dir = Context.text(c, "Directory_");
            String keyPath = Context.text(c, "KeyPath");
            int attrs = Context.integer(c, "Attributes", 0);

            if (keyPath != null) keyPath(ctx, c, id, keyPath, attrs);
            if (guid != null) {
                Row other = byGuid.putIfAbsent(guid, c);
                if (other != null) ctx.error("ICE08", c, "ComponentId", "component " + id + " has the same GUID " + guid
                        + " as component " + Context.text(other, "Component"));
            } else if ((attrs & PERMANENT) != 0) {
                ctx.error("ICE92", c, "Attributes", "component " + id + " has no ComponentId, so it cannot be Permanent");
            }
            if (("SystemFolder".equals(dir) || "System64Folder".equals(dir)) && (attrs & PERMANENT) == 0) {
                ctx.warning("ICE09", c, "Attributes", "component " + id + " installs into " + dir + " and should be Permanent");
            }
            if (keyPath == null && !componentsWithFiles.contains(id) && !removeFileDirs.contains(id + "\u0000" + dir)
                    && !createFolders.contains(id + "\u0000" + dir) && !roots.contains(dir)) {
                ctx.error("ICE18", c, "KeyPath", "the key path of component " + id + " is its directory " + dir
                        + ", which is not listed for it in CreateFolder (an empty folder would be removed and reinstalled every time)");
            }
            if (ctx.featuresOf(id).isEmpty()) {
                ctx.error("ICE21", c, "Component", "component " + id + " does not belong to any feature");
            }
            if (compressedComponents.contains(id) && (attrs & (SOURCE_ONLY | OPTIONAL)) != 0) {
                ctx.error("ICE35", c, "Attributes", "component " + id + " has compressed files but may run from source ("
                        + ((attrs & SOURCE_ONLY) != 0 ? "SourceOnly" : "Optional") + ")");
            }
            if ((attrs & ~COMPONENT_VALID_BITS) != 0) {
                ctx.warning("ICE45", c, "Attributes", "reserved bits 0x" + Integer.toHexString(attrs & ~COMPONENT_VALID_BITS)
                        + " are set; they should be 0 for compatibility with future installers");
            }
        }
    }

    private static void keyPath(Context ctx, Row c, String id, String keyPath, int attrs) {
        String table = (attrs & REGISTRY_KEY_PATH) != 0 ? "Registry" : (attrs & ODBC_KEY_PATH) != 0 ? "ODBCDataSource" : "File";
        Row target = ctx.find(table, keyPath);
        if (target == null) {
            ctx.error("ICE02", c, "KeyPath", "key path " + keyPath + " of component " + id + " is not a row of " + table
                    + (table.equals("File") && ctx.find("Registry", keyPath) != null ? " (it is a Registry row: set the RegistryKeyPath attribute 0x4)" : ""));
        } else if (!Objects.equals(Context.text(target, "Component_"), id)) {
            ctx.error("ICE02", c, "KeyPath", "key path " + table + " " + keyPath + " belongs to component "
                    + Context.text(target, "Component_") + ", not to " + id);
        }
    }
}
