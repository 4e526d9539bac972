package dev.ssprkit.wix.bind;

import dev.ssprkit.builder.ShortNames;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.compile.core.StandardDirectories;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The Directory table: TARGETDIR added when a directory hangs from it without defining it, parent chains checked
 * (cycles and dangling parents are reported at the directory), DefaultDir made from the names ({@code short|long},
 * {@code target:source}), and each directory's path below its root remembered for component GUIDs.
 */
final class DirectoryStep {
    private final BindContext ctx;
    private final Map<String, Row> byId = new HashMap<>();
    private final Map<String, ShortNames> shortNamesByParent = new HashMap<>();

    DirectoryStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        for (Row d : ctx.rows("Directory")) byId.putIfAbsent(d.str("Directory"), d);
        boolean needsTargetDir = false;
        for (Row d : byId.values()) if ("TARGETDIR".equals(d.str("Directory_Parent"))) needsTargetDir = true;
        if (needsTargetDir && !byId.containsKey("TARGETDIR")) {
            Row t = new Row(StandardSchema.require("Directory"), null).set("Directory", "TARGETDIR").extra("Name", "SourceDir");
            ctx.linked.add(t);
            byId.put("TARGETDIR", t);
        }
        for (Row d : ctx.rows("Directory")) {
            String id = d.str("Directory");
            path(id, new LinkedHashSet<>());
            d.set("DefaultDir", defaultDir(d));
        }
    }

    /** The directory's path below its root (standard folder ids and TARGETDIR are roots), or null when broken. */
    private String path(String id, LinkedHashSet<String> seen) {
        if (ctx.directoryPaths.containsKey(id)) return ctx.directoryPaths.get(id);
        Row d = byId.get(id);
        if (d == null) return null;
        String parent = d.str("Directory_Parent");
        String result;
        if (parent == null || id.equals("TARGETDIR")) {
            result = "";
        } else if (StandardDirectories.isStandard(id)) {
            result = id; // standard folders are roots: Windows Installer resolves them, whatever their DefaultDir
        } else {
            if (!seen.add(id)) {
                ctx.report(CompilerMessage.DIRECTORY_CYCLE, d.location(), id, String.join(" -> ", seen) + " -> " + id);
                ctx.directoryPaths.put(id, null);
                return null;
            }
            if (!byId.containsKey(parent)) {
                ctx.report(CompilerMessage.UNRESOLVED_REFERENCE, d.location(), "Directory", parent);
                ctx.directoryPaths.put(id, null);
                return null;
            }
            String parentPath = StandardDirectories.isStandard(parent) && !parent.equals("TARGETDIR") ? parent : path(parent, seen);
            if (parentPath == null) return null;
            String name = (String) d.extra("Name");
            if (name == null || name.equals(".")) result = parentPath;
            else result = parentPath.isEmpty() ? name : parentPath + "\\" + name;
        }
        ctx.directoryPaths.put(id, result);
        return result;
    }

    /** DefaultDir: {@code [short|]long} for the target, then {@code :[short|]long} when the source name differs. */
    private String defaultDir(Row d) {
        String name = (String) d.extra("Name");
        if (name == null) name = ".";
        String parent = d.str("Directory_Parent");
        String target = column(parent, name, (String) d.extra("ShortName"));
        String sourceName = (String) d.extra("SourceName");
        if (sourceName == null) return target;
        return target + ":" + column(parent + "\u0000source", sourceName, (String) d.extra("ShortSourceName"));
    }

    private String column(String parent, String name, String shortName) {
        if (name.equals(".") || name.equals("SourceDir") && parent == null) return name;
        if (shortName != null) return shortName.equalsIgnoreCase(name) ? name : shortName + "|" + name;
        return shortNamesByParent.computeIfAbsent(String.valueOf(parent), p -> new ShortNames()).column(name);
    }
}
