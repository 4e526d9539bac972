package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.model.Row;

import java.util.HashMap;
import java.util.Map;

/**
 * Each directory's path in the package's source layout (where uncompressed files lie beside the MSI): the source
 * part of DefaultDir ({@code target:source}), long name of {@code short|long}, {@code .} adding nothing, TARGETDIR
 * being the package's own folder.
 */
final class SourceDirectories {
    private final Map<String, Row> byId = new HashMap<>();
    private final Map<String, String> paths = new HashMap<>();

    SourceDirectories(BindContext ctx) {
        for (Row d : ctx.rows("Directory")) byId.putIfAbsent(d.str("Directory"), d);
    }

    String sourcePath(String id) {
        String known = paths.get(id);
        if (known != null) return known;
        Row d = byId.get(id);
        if (d == null) return "";
        String parent = d.str("Directory_Parent");
        String result;
        if (parent == null || parent.equals(id)) {
            result = "";
        } else {
            paths.put(id, ""); // a cycle was reported by the directory step; stop here
            String defaultDir = d.str("DefaultDir");
            String part = defaultDir == null ? "." : defaultDir.contains(":") ? defaultDir.substring(defaultDir.indexOf(':') + 1) : defaultDir;
            if (part.contains("|")) part = part.substring(part.indexOf('|') + 1);
            String base = sourcePath(parent);
            result = part.equals(".") || part.isEmpty() ? base : base.isEmpty() ? part : base + "/" + part;
        }
        paths.put(id, result);
        return result;
    }
}
