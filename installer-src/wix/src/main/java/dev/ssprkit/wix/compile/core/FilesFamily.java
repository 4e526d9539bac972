package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.harvest.WildcardFiles;
import dev.ssprkit.wix.model.Row;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WiX v4's {@code <Files Include="bin\**" Directory="INSTALLFOLDER">} with {@code <Exclude Files="..."/>}: every
 * matched file becomes a component of its own (Guid="*", the file as key path), in subdirectories mirroring the
 * folders below the wildcard, as the WiX documentation describes. Ids derive from folder and name, so they are
 * stable across builds; a file matched twice is harvested once.
 */
public final class FilesFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("Files", this::files, "Directory", "DirectoryRef", "StandardDirectory", "ComponentGroup", "Feature",
                "FeatureRef", "FeatureGroup", "Package", "Fragment", "Module");
    }

    private void files(CompileContext ctx, dev.ssprkit.wix.source.SourceElement e, Scope scope) {
        if (!ctx.v4()) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "Files", scope.get(Scope.PARENT), "<Files> is WiX v4+; in v3 harvest with sspr harvest (or heat)");
            return;
        }
        Attrs a = ctx.attrs(e, "Include", "Directory", "Subdirectory");
        String include = a.required("Include");
        String directory = a.has("Directory") ? StandardDirectories.attribute(ctx, a, "Directory") : scope.get(Scope.DIRECTORY);
        if (directory == null) {
            directory = "INSTALLFOLDER";
            ctx.reference("Directory", directory, e.location());
        }
        if (a.has("Subdirectory")) directory = Subdirectories.create(ctx, a, "Subdirectory", directory);
        List<String> excludes = new ArrayList<>();
        ctx.children(e, scope).on("Exclude", (c, x, s) -> {
            Attrs ex = c.attrs(x, "Files");
            String f = ex.required("Files");
            if (f != null) for (String part : f.split(";")) if (!part.isBlank()) excludes.add(part.strip());
        }).run();
        if (include == null) return;
        Path base = ctx.sourceDirectory();
        String fs = scope.get(Scope.FILE_SOURCE);
        if (fs != null && !fs.isEmpty()) base = base.resolve(fs.replace('\\', '/')).normalize();
        Set<Path> excluded = new HashSet<>();
        Map<Path, WildcardFiles.Match> included = new LinkedHashMap<>();
        try {
            for (String pattern : excludes) for (WildcardFiles.Match m : find(ctx, a, pattern, base)) excluded.add(m.path());
            for (String pattern : include.split(";")) {
                if (pattern.isBlank()) continue;
                for (WildcardFiles.Match m : find(ctx, a, pattern.strip(), base)) {
                    if (!excluded.contains(m.path())) included.putIfAbsent(m.path(), m);
                }
            }
        } catch (IOException ex) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Include"), "Include", include, "the folder cannot be read: " + ex.getMessage());
            return;
        }
        if (included.isEmpty()) {
            ctx.report(CompilerMessage.DEPRECATED, a.at("Include"), "Files Include=\"" + include + "\" matched no file", "check the path; WiX warns about this too");
        }
        Map<String, String> folders = new LinkedHashMap<>();
        for (WildcardFiles.Match m : included.values()) {
            String dir = directory;
            if (!m.recursiveDir().isEmpty()) {
                String known = folders.get(m.recursiveDir());
                dir = known != null ? known : Subdirectories.create(ctx, "Include", m.recursiveDir(), a.at("Include"), directory);
                folders.put(m.recursiveDir(), dir);
            }
            if (!ctx.installName(a, "Include", m.path().getFileName().toString(), false)) continue;
            if (!ctx.payloadAllowed(a, "Include", m.path())) continue;
            String name = m.path().getFileName().toString();
            String id = CompileContext.generatedId("fls", dir, name);
            ctx.row("File", e.location()).set("File", id).set("Component_", id).set("Attributes", 0x200)
                    .extra("Name", name).extra("Source", m.path()).extra("KeyPath", "yes");
            Row c = ctx.row("Component", e.location()).set("Component", id).set("ComponentId", "*").set("Directory_", dir);
            c.extra("BaseAttributes", 0);
            ComponentFamily.placeIn(ctx, scope, "Component", id, e);
        }
    }

    /** A pattern's matches, with {@code !(bindpath.NAME)} resolved against the named bind path. */
    private static List<WildcardFiles.Match> find(CompileContext ctx, Attrs a, String pattern, Path base) throws IOException {
        return WildcardFiles.find(pattern, base);
    }
}
