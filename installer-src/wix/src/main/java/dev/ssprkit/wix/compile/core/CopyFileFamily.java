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
 * CopyFile: under a File, a copy of the installed file elsewhere (DuplicateFile); under a Component with a source,
 * a copy or move of files already on the machine (MoveFile, Options 1 = move).
 */
public final class CopyFileFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("CopyFile", this::copyFile, "File", "Component");
    }

    private void copyFile(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "FileId", "Delete", "DestinationDirectory", "DestinationLongName", "DestinationName",
                "DestinationProperty", "DestinationShortName", "SourceDirectory", "SourceLongName", "SourceName",
                "SourceProperty", "SourceShortName");
        String id = a.id("Id", !ctx.v4()); // WiX v4+ generates it when missing ("cf" + the copy's source and destination)
        a.exclusive("DestinationDirectory", "DestinationProperty");
        String dest = a.has("DestinationDirectory") ? StandardDirectories.attribute(ctx, a, "DestinationDirectory") : a.id("DestinationProperty", false);
        String destName = a.has("DestinationName") ? a.str("DestinationName") : a.str("DestinationLongName");
        String component = scope.get(Scope.COMPONENT);
        String file = "File".equals(scope.get(Scope.PARENT)) ? scope.get(Scope.FILE) : null;
        if (file == null && a.has("FileId")) {
            file = a.id("FileId", true); // a copy of a file the package installs in another component
            ctx.reference("File", file, a.at("FileId"));
        }
        ctx.children(e, scope).run();
        if (id == null && ctx.v4() && !a.has("Id")) {
            id = CompileContext.generatedId("cf", a.str("SourceDirectory"), a.str("SourceProperty"), dest, destName, file);
        }
        if (id == null || component == null) return;
        if (file != null) {
            if (a.has("SourceDirectory") || a.has("SourceProperty") || a.has("SourceName")) {
                ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, e.location(), "CopyFile", "a parent File and Source*", "under a File, the file is the source");
                return;
            }
            if (a.yesNo("Delete", false)) {
                ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("Delete"), "CopyFile", "Delete and a parent File", "a file being installed cannot be moved; copy it");
            }
            Row r = ctx.row("DuplicateFile", e.location()).set("FileKey", id).set("Component_", component).set("File_", file).set("DestFolder", dest);
            if (destName != null) r.extra("Name", destName).extra("ShortName", a.str("DestinationShortName")).extra("NameColumn", "DestName").extra("FolderColumn", "DestFolder");
            return;
        }
        a.exclusive("SourceDirectory", "SourceProperty");
        String source = a.has("SourceDirectory") ? StandardDirectories.attribute(ctx, a, "SourceDirectory") : a.id("SourceProperty", false);
        if (source == null && !(ctx.v4() && !a.has("SourceDirectory") && !a.has("SourceProperty") && a.has("SourceName"))) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "CopyFile", "SourceDirectory or SourceProperty (or a parent File)", "say where the files to copy are");
            return;
        }
        // WiX v4+ writes the MoveFile row without a source folder (its CopyFileFixture.CanBuildCopyFile: SourceName only)
        if (source == null) ctx.report(CompilerMessage.MOVE_WITHOUT_SOURCE_FOLDER, e.location());
        if (dest == null) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "CopyFile", "DestinationDirectory or DestinationProperty", "say where to copy them");
            return;
        }
        String sourceName = a.has("SourceName") ? a.str("SourceName") : a.str("SourceLongName");
        Row r = ctx.row("MoveFile", e.location()).set("FileKey", id).set("Component_", component).set("SourceName", sourceName)
                .set("SourceFolder", source).set("DestFolder", dest).set("Options", a.yesNo("Delete", false) ? 1 : 0);
        if (destName != null) r.extra("Name", destName).extra("ShortName", a.str("DestinationShortName")).extra("NameColumn", "DestName").extra("FolderColumn", "DestFolder");
    }
}
