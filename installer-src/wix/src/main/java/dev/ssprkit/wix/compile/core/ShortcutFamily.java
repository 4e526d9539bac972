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
 * Shortcut (under a Component, or under a File: the file is the target) and ShortcutProperty
 * (MsiShortcutProperty). An advertised shortcut's Target is the feature of its component, which the binder fills
 * in; the compiler marks the row.
 */
public final class ShortcutFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("Shortcut", this::shortcut, "Component", "File");
        g.on("ShortcutProperty", this::property, "Shortcut");
    }

    private void shortcut(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Directory", "Name", "ShortName", "LongName", "Target", "Advertise", "Arguments",
                "Description", "Hotkey", "Icon", "IconIndex", "Show", "WorkingDirectory", "DisplayResourceDll",
                "DisplayResourceId", "DescriptionResourceDll", "DescriptionResourceId", "Subdirectory", "WorkingSubdirectory");
        String component = scope.get(Scope.COMPONENT);
        String file = scope.get(Scope.FILE);
        String name = a.has("Name") ? a.str("Name") : a.str("LongName");
        if (name == null) a.required("Name");
        String directory = a.has("Directory") ? StandardDirectories.attribute(ctx, a, "Directory") : scope.get(Scope.DIRECTORY);
        if (a.has("Subdirectory") && directory != null) directory = Subdirectories.create(ctx, a, "Subdirectory", directory);
        boolean advertise = a.yesNo("Advertise", false);
        String target = a.str("Target");
        if (file != null && target != null) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("Target"), "Shortcut", "Target and a parent File", "a shortcut under a File targets that file");
        }
        if (advertise && target != null) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("Target"), "Shortcut", "Target and Advertise=\"yes\"", "an advertised shortcut targets its component's feature");
        }
        if (!advertise && file == null && target == null) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "Shortcut", "Target, Advertise=\"yes\" or a parent File", "say what the shortcut starts");
        }
        if (!advertise && file != null) target = "[#" + file + "]";
        String icon = a.id("Icon", false);
        if (icon != null) ctx.reference("Icon", icon, a.at("Icon"));
        String show = a.oneOf("Show", null, "normal", "maximized", "minimized");
        Integer showCmd = show == null ? null : switch (show) {
            case "maximized" -> 3;
            case "minimized" -> 7;
            default -> 1;
        };
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("sct", directory, name);
        if (name != null && !ctx.installName(a, a.has("Name") ? "Name" : "LongName", name, false)) name = null;
        String workingDirectory = a.id("WorkingDirectory", false);
        // WiX v5+: folders below WorkingDirectory
        if (a.has("WorkingSubdirectory")) {
            if (workingDirectory == null) {
                ctx.report(CompilerMessage.MISSING_ONE_OF, a.at("WorkingSubdirectory"), "Shortcut", "WorkingDirectory", "WorkingSubdirectory names folders below it");
            } else {
                workingDirectory = Subdirectories.create(ctx, a, "WorkingSubdirectory", workingDirectory);
            }
        }
        // WiX (v3 and v4+) also takes the shortcut's icon as a child <Icon>, which defines the Icon row as well; like
        // WiX's ParseShortcutElement, a child replaces the Icon attribute (and a later child an earlier one)
        String[] childIcon = new String[1];
        ctx.children(e, scope.with("Shortcut", id)).on("Icon", (c, x, s) -> childIcon[0] = MediaFamily.stream(c, x, "Icon")).run();
        if (childIcon[0] != null) icon = childIcon[0];
        if (id == null || name == null || component == null || directory == null) return;
        Row r = ctx.row("Shortcut", e.location()).set("Shortcut", id).set("Directory_", directory).set("Component_", component)
                .set("Target", target).set("Arguments", a.str("Arguments")).set("Description", a.str("Description"))
                .set("Hotkey", a.integer("Hotkey", null, 0, 32767)).set("Icon_", icon).set("IconIndex", a.integer("IconIndex", null, -32767, 32767))
                .set("ShowCmd", showCmd).set("WkDir", workingDirectory).set("DisplayResourceDLL", a.str("DisplayResourceDll"))
                .set("DisplayResourceId", a.integer("DisplayResourceId", null, 0, 32767))
                .set("DescriptionResourceDLL", a.str("DescriptionResourceDll"))
                .set("DescriptionResourceId", a.integer("DescriptionResourceId", null, 0, 32767));
        r.extra("Name", name).extra("ShortName", a.str("ShortName")).extra("NameColumn", "Name").extra("Advertise", advertise);
    }

    private void property(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Key", "Value");
        String shortcut = scope.get("Shortcut");
        String key = a.required("Key");
        String value = a.required("Value");
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("scp", shortcut, key == null ? null : key.toUpperCase(java.util.Locale.ROOT));
        ctx.children(e, scope).run();
        if (id == null || shortcut == null || key == null || value == null) return;
        ctx.row("MsiShortcutProperty", e.location()).set("MsiShortcutProperty", id).set("Shortcut_", shortcut)
                .set("PropertyKey", key).set("PropVariantValue", value);
    }
}
