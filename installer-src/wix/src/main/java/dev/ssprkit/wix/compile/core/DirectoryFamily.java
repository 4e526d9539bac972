package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

/**
 * Directory, DirectoryRef and (v4) StandardDirectory: the directory tree, with what is placed in it. A Directory row's
 * DefaultDir is left to the binder (which makes the short names); the names are carried as extras.
 */
public final class DirectoryFamily implements ElementFamily {
    static final String[] CONTAINERS = {"Directory", "DirectoryRef", "StandardDirectory"};

    @Override
    public void register(Grammar g) {
        g.on("Directory", this::directory, Grammar.SECTIONS);
        g.on("Directory", this::directory, CONTAINERS);
        g.on("DirectoryRef", this::directoryRef, Grammar.SECTIONS);
        g.on("StandardDirectory", this::standardDirectory, Grammar.SECTIONS);
    }

    private void directory(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Name", "ShortName", "SourceName", "ShortSourceName", "LongName", "LongSource",
                "FileSource", "DiskId", "ComponentGuidGenerationSeed", "src", "ShortSource");
        String parent = scope.get(Scope.DIRECTORY);
        String name = a.has("Name") ? a.str("Name") : a.str("LongName");
        String id = a.id("Id", false);
        if (id != null) id = StandardDirectories.resolve(id, ctx.platform());
        if (!a.has("Id") && name == null) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Directory", "Id or Name", "a directory needs an Id, or a Name to derive one from");
        }
        if (parent == null && !"TARGETDIR".equals(id) && (ctx.v4() || (id != null && StandardDirectories.isStandard(id)))) {
            parent = "TARGETDIR"; // v4 roots every top-level directory at TARGETDIR; v3 only the standard folders
        }
        String sourceName = a.has("SourceName") ? a.str("SourceName") : a.str("LongSource");
        // v4 allows Name="a\b\c": the folders before the last are created on the way
        if (name != null && ctx.v4() && name.contains("\\") && !name.contains("/")) {
            String[] parts = name.split("\\\\");
            for (int i = 0; i < parts.length - 1; i++) {
                if (parts[i].isEmpty()) continue;
                if (!ctx.installName(a, "Name", parts[i], true)) return;
                String sub = CompileContext.generatedId("dir", parent, parts[i]);
                ctx.row("Directory", e.location()).set("Directory", sub).set("Directory_Parent", parent).extra("Name", parts[i])
                        .extra(Subdirectories.SHARED, true);
                ctx.reference("Directory", parent, e.location());
                parent = sub;
            }
            name = parts[parts.length - 1];
        }
        if (name != null && !ctx.installName(a, a.has("Name") ? "Name" : "LongName", name, true)) name = null;
        if (id == null && a.has("Id")) return; // malformed, reported
        if (id == null) id = CompileContext.generatedId("dir", parent, name, sourceName);
        Row row = ctx.row("Directory", e.location()).set("Directory", id).set("Directory_Parent", "TARGETDIR".equals(id) ? null : parent);
        row.extra("Name", name == null ? ("TARGETDIR".equals(id) ? "SourceDir" : ".") : name);
        row.extra("ShortName", a.str("ShortName"));
        row.extra("SourceName", sourceName);
        row.extra("ShortSourceName", a.has("ShortSourceName") ? a.str("ShortSourceName") : a.str("ShortSource"));
        String seed = a.guid("ComponentGuidGenerationSeed", false, false, false);
        row.extra("ComponentGuidGenerationSeed", seed);
        if (parent != null && !"TARGETDIR".equals(id)) ctx.reference("Directory", parent, e.location());
        contents(ctx, e, a, scope, id, name, sourceName);
    }

    private void directoryRef(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "DiskId", "FileSource", "src");
        String id = a.id("Id", true);
        if (id != null) id = StandardDirectories.resolve(id, ctx.platform());
        ctx.reference("Directory", id, a.at("Id"));
        contents(ctx, e, a, scope.with(Scope.FILE_SOURCE, null), id, null, null);
    }

    private void standardDirectory(CompileContext ctx, SourceElement e, Scope scope) {
        if (!ctx.v4()) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "StandardDirectory", scope.get(Scope.PARENT), "WiX v3 writes standard folders as <Directory Id=\"ProgramFilesFolder\">");
            return;
        }
        Attrs a = ctx.attrs(e, "Id");
        String id = a.id("Id", true);
        if (id != null && !StandardDirectories.isStandard(id)) {
            a.oneOf("Id", null, StandardDirectories.NAMES.toArray(String[]::new));
            id = null;
        }
        if (id != null) id = StandardDirectories.resolve(id, ctx.platform());
        ctx.reference("Directory", id, a.at("Id"));
        contents(ctx, e, a, scope.with(Scope.FILE_SOURCE, null), id, null, null);
    }

    /** The children of a directory element, with the file source and disk they inherit. */
    private void contents(CompileContext ctx, SourceElement e, Attrs a, Scope scope, String id, String name, String sourceName) {
        String fileSource = scope.get(Scope.FILE_SOURCE);
        if (a.has("FileSource") || a.has("src")) {
            String fs = a.has("FileSource") ? a.str("FileSource") : a.str("src");
            fileSource = fs.endsWith("\\") || fs.endsWith("/") ? fs : fs + "\\";
        } else {
            String append = sourceName != null ? sourceName : name;
            if (append != null && !append.equals(".") && !"TARGETDIR".equals(id)) {
                fileSource = (fileSource == null ? "" : fileSource) + append + "\\";
            }
        }
        Scope inner = scope.with(Scope.DIRECTORY, id).with(Scope.FILE_SOURCE, fileSource);
        if (a.has("DiskId")) {
            Integer disk = a.integer("DiskId", null, 1, 32767);
            if (disk != null) inner = inner.with(Scope.DISK_ID, disk.toString());
        }
        ctx.children(e, inner).run();
    }
}
