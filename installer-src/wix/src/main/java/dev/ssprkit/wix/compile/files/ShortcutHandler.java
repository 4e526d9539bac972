package dev.ssprkit.wix.compile.files;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.model.Kind;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

/** Shortcut, under a Component (explicit Target) or under a File (targets that file, or its feature when advertised). */
public final class ShortcutHandler {
    private final CompileContext ctx;

    public ShortcutHandler(CompileContext ctx) {
        this.ctx = ctx;
    }

    public void shortcut(SourceElement e, String component, String componentDirectory, String file) {
        Attrs a = ctx.attrs(e, "Id", "Name", "Directory", "Target", "Advertise", "Arguments", "Description", "Icon",
                "IconIndex", "Show", "WorkingDirectory");
        String id = a.id("Id", true);
        String name = a.required("Name");
        if (name != null && !ctx.installName(a, "Name", name, false)) name = null;
        String directory = a.has("Directory") ? a.id("Directory", true) : componentDirectory;
        if (a.has("Directory")) {
            directory = directory == null ? null : StandardDirectories.resolve(directory, ctx.x64());
            ctx.section().reference(Kind.DIRECTORY, directory, a.at("Directory"));
        }
        boolean advertise = a.yesNo("Advertise", false);
        String target = a.str("Target");
        if (file != null && target != null) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("Target"), "Shortcut", "a parent File and Target",
                    "a shortcut under a File targets that file; move it under the Component to give a Target");
        }
        if (advertise && file == null) {
            ctx.report(CompilerMessage.UNSUPPORTED, a.at("Advertise"), "an advertised shortcut outside a File",
                    "place the shortcut under the File it starts");
        }
        if (file == null && target == null && !advertise) a.required("Target");
        if (file != null) target = advertise ? file : "[#" + file + "]";
        String icon = a.id("Icon", false);
        ctx.section().reference(Kind.ICON, icon, a.at("Icon"));
        Integer iconIndex = a.integer("IconIndex", null, -32767, 32767);
        String show = a.oneOf("Show", null, "normal", "maximized", "minimized");
        Integer showCmd = show == null ? null : switch (show) {
            case "maximized" -> 3;
            case "minimized" -> 7;
            default -> 1;
        };
        String wkDir = a.id("WorkingDirectory", false);
        if (wkDir != null) ctx.section().reference(Kind.DIRECTORY, wkDir, a.at("WorkingDirectory"));
        ctx.children(e).run();
        if (id == null || name == null || directory == null || target == null || component == null) return;
        ctx.section().add(new Symbols.Shortcut(id, component, directory, name, target, advertise, a.str("Arguments"),
                a.str("Description"), icon, iconIndex, showCmd, wkDir, e.location()));
    }
}
