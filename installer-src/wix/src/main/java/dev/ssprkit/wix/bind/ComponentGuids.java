package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.compile.core.StandardDirectories;
import dev.ssprkit.wix.model.NameGuid;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.Platform;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Component GUIDs for {@code Guid="*"}, derived as WiX derives them, so a package built here keeps the component
 * identities of the same source built with WiX (which Windows Installer's component rules and patches rely on):
 * an RFC 4122 version-5 UUID in WiX's component namespace of the key path's canonical target, lower-cased. For a file,
 * the canonical path is its directory's path (standard folders by their id, other folders by their lower-cased long
 * names, a ComponentGuidGenerationSeed replacing everything above its folder) joined with the file's long name; for a
 * registry value, the bitness, root, key and value name.
 */
final class ComponentGuids {
    /** WiX's namespace for generated component GUIDs (WixComponentGuidNamespace). */
    static final UUID WIX_COMPONENT_NAMESPACE = UUID.fromString("3064E5C6-FB63-4FE9-AC49-E446A792EFA5");

    private final Map<String, Row> directories;
    private final Platform platform;
    private final Map<String, String> canonical = new HashMap<>();

    ComponentGuids(Map<String, Row> directories, Platform platform) {
        this.directories = directories;
        this.platform = platform;
    }

    /** The canonical path of a directory, or null when its chain is broken (reported elsewhere). */
    String directoryPath(String id) {
        return directoryPath(id, 0);
    }

    private String directoryPath(String id, int depth) {
        if (id == null || depth > 1000) return null;
        String known = canonical.get(id);
        if (known != null) return known;
        Row d = directories.get(id);
        String path;
        if (d != null && d.extra("ComponentGuidGenerationSeed") instanceof String seed) {
            path = seed;
        } else if (StandardDirectories.isStandard(id)) {
            path = StandardDirectories.resolve(id, platform);
        } else if (d == null) {
            return null;
        } else {
            String name = (String) d.extra("Name");
            String lower = name == null || name.equals(".") ? null : name.toLowerCase(Locale.ROOT);
            String parent = d.str("Directory_Parent");
            if (parent == null) path = lower;
            else {
                String parentPath = directoryPath(parent, depth + 1);
                if (parentPath == null) return null;
                path = lower == null ? parentPath : parentPath + "\\" + lower;
            }
        }
        canonical.put(id, path);
        return path;
    }

    /** The GUID of a component whose key path is {@code fileName} in {@code directory}. */
    String forFile(String directory, String fileName) {
        String dir = directoryPath(directory);
        return guid((dir == null ? "" : dir + "\\") + fileName.toLowerCase(Locale.ROOT));
    }

    /**
     * The GUID of a component whose key path is a registry value. WiX v4+ names the root (LocalMachine...); WiX 3 and
     * v4's backward-compatible mode write its number.
     */
    String forRegistry(boolean win64, int root, String key, String name, boolean numericRoot) {
        String rootText = numericRoot ? Integer.toString(root) : switch (root) {
            case 0 -> "ClassesRoot";
            case 1 -> "CurrentUser";
            case 2 -> "LocalMachine";
            case 3 -> "Users";
            default -> "MachineUser";
        };
        return guid(((win64 ? "64" : "") + rootText + "\\" + key + "\\" + (name == null ? "" : name)).toLowerCase(Locale.ROOT));
    }

    /** WiX's name GUID (RFC 4122 version 5, UTF-16LE name) in the component namespace. */
    static String guid(String name) {
        return NameGuid.of(WIX_COMPONENT_NAMESPACE, name);
    }
}
