package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.InstallNames;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.SourceLocation;

/**
 * WiX v4's inline directory syntax ({@code Subdirectory="bin\plugins"} on Component, ComponentGroup, File, Files,
 * RemoveFile...): the folders of the path are created under the parent with ids derived from parent and name, so
 * that every element naming the same subfolder shares its Directory row.
 */
public final class Subdirectories {
    /** Marks a row the same source may define more than once with identical cells (shared inline folders). */
    public static final String SHARED = "SharedDefinition";

    private Subdirectories() {}

    /** The id of the innermost folder of {@code attribute}'s path under {@code parent}. */
    public static String create(CompileContext ctx, Attrs a, String attribute, String parent) {
        return create(ctx, attribute, a.str(attribute), a.at(attribute), parent);
    }

    public static String create(CompileContext ctx, String attribute, String path, SourceLocation at, String parent) {
        String current = parent;
        for (String part : path.replace('/', '\\').split("\\\\")) {
            if (part.isEmpty() || part.equals(".")) continue;
            String why = InstallNames.problem(part, false);
            if (why != null) {
                ctx.report(CompilerMessage.BAD_INSTALL_NAME, at, attribute, InstallNames.shown(part), why);
                return parent;
            }
            String id = CompileContext.generatedId("dir", current, part);
            ctx.row("Directory", at).set("Directory", id).set("Directory_Parent", current)
                    .extra("Name", part).extra(SHARED, true);
            ctx.reference("Directory", current, at);
            current = id;
        }
        return current;
    }
}
