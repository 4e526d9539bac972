package dev.ssprkit.wix.compile.files;

import dev.ssprkit.builder.Identifiers;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.model.Kind;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.source.SourceElement;

/** Directory, DirectoryRef and (v4) StandardDirectory: the directory tree, with components placed in it. */
public final class DirectoryHandler {
    private final CompileContext ctx;
    private final ComponentHandler components;

    public DirectoryHandler(CompileContext ctx, ComponentHandler components) {
        this.ctx = ctx;
        this.components = components;
    }

    /** A {@code <Directory>} under {@code parent} (null at section level: v4 places it under TARGETDIR). */
    public void directory(SourceElement e, String parent) {
        Attrs a = ctx.attrs(e, "Id", "Name");
        String name = a.str("Name");
        String id = a.id("Id", !ctx.v4() || name == null);
        if (id == null && name != null) id = Identifiers.from("dir_" + (parent == null ? "" : parent + "_") + name);
        if (parent == null && !"TARGETDIR".equals(id)) parent = "TARGETDIR";
        if (name != null) ctx.installName(a, "Name", name, true);
        if (id != null) {
            String dirName = "TARGETDIR".equals(id) ? (name == null ? "SourceDir" : name) : (name == null ? "." : name);
            ctx.section().add(new Symbols.Directory(id, "TARGETDIR".equals(id) ? null : parent, dirName, e.location()));
        }
        contents(e, id);
    }

    public void directoryRef(SourceElement e) {
        Attrs a = ctx.attrs(e, "Id");
        String id = a.id("Id", true);
        if (id != null) id = StandardDirectories.resolve(id, ctx.x64());
        ctx.section().reference(Kind.DIRECTORY, id, a.at("Id"));
        contents(e, id);
    }

    public void standardDirectory(SourceElement e) {
        Attrs a = ctx.attrs(e, "Id");
        String id = a.oneOf("Id", null, StandardDirectories.NAMES.stream().sorted().toArray(String[]::new));
        if (!a.has("Id")) a.required("Id");
        if (id != null) id = StandardDirectories.resolve(id, ctx.x64());
        ctx.section().reference(Kind.DIRECTORY, id, a.at("Id"));
        contents(e, id);
    }

    private void contents(SourceElement e, String id) {
        ctx.children(e)
                .on("Directory", c -> directory(c, id))
                .on("Component", c -> components.component(c, new ComponentHandler.Scope(id, null, null)))
                .run();
    }
}
