package dev.ssprkit.wix.bind;

import dev.ssprkit.builder.ShortNames;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;

import java.util.HashMap;
import java.util.Map;

/**
 * The file-name columns other than File and Directory (Shortcut.Name, RemoveFile.FileName, IniFile.FileName,
 * DuplicateFile.DestName, MoveFile.DestName...): {@code short|long} with short names unique per folder, for rows the
 * compiler marked with the column to fill ({@code NameColumn}) and the folder column ({@code FolderColumn}, default
 * Directory_). Advertised shortcuts get their component's feature as Target.
 */
final class NamesStep {
    private final BindContext ctx;
    private final Map<String, ShortNames> byFolder = new HashMap<>();
    private final Map<String, String> named = new HashMap<>(); // the same long name in the same folder: the same value

    NamesStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        for (var symbol : ctx.linked.symbols()) {
            if (!(symbol instanceof Row r) || !(r.extra("NameColumn") instanceof String column)) continue;
            String name = (String) r.extra("Name");
            if (name == null) continue;
            String folderColumn = r.extra("FolderColumn") instanceof String f ? f : r.schema().indexOf("Directory_") >= 0 ? "Directory_" : "DirProperty";
            String folder = r.schema().indexOf(folderColumn) >= 0 ? r.str(folderColumn) : null;
            String shortName = (String) r.extra("ShortName");
            String where = r.table() + "/" + folder;
            String value = shortName != null ? (shortName.equalsIgnoreCase(name) ? name : shortName + "|" + name)
                    : named.computeIfAbsent(where + "/" + name.toLowerCase(java.util.Locale.ROOT),
                            x -> byFolder.computeIfAbsent(where, y -> new ShortNames()).column(name));
            r.set(column, value);
        }
        for (Row s : ctx.rows("Shortcut")) {
            if (!s.flag("Advertise")) continue;
            String feature = FeatureStep.primaryFeature(ctx, s.str("Component_"));
            if (feature == null) {
                ctx.report(CompilerMessage.ADVERTISED_SHORTCUT_WITHOUT_FEATURE, s.location(), s.str("Shortcut"), s.str("Component_"));
            } else {
                s.set("Target", feature);
            }
        }
    }
}
