package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

/**
 * IniFile: lines written to (IniFile table: addLine 0, createLine 1, addTag 3) or removed from (RemoveIniFile:
 * removeLine 2, removeTag 4) an INI file in a directory, as the SDK's IniFile and RemoveIniFile pages define.
 */
public final class IniFileFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("IniFile", this::iniFile, "Component");
    }

    private void iniFile(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Action", "Directory", "Key", "LongName", "Name", "Section", "ShortName", "Value");
        String action = a.required("Action") == null ? null : a.oneOf("Action", null, "addLine", "addTag", "createLine", "removeLine", "removeTag");
        String name = a.has("Name") ? a.str("Name") : a.str("LongName");
        if (name == null) a.required("Name");
        String section = a.required("Section");
        String key = a.required("Key");
        String value = a.str("Value");
        // DirProperty names a property holding a folder (SDK IniFile table), not necessarily a Directory row: WiX reads
        // the attribute as a plain identifier and references nothing (its FontTitle test writes ConfigurationFolder)
        String directory = a.has("Directory") ? a.id("Directory", false) : scope.get(Scope.DIRECTORY);
        if (a.has("Directory") && directory != null) directory = StandardDirectories.resolve(directory, ctx.platform());
        String component = scope.get(Scope.COMPONENT);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("ini", directory, name, section, key, value);
        if (name != null && !ctx.installName(a, a.has("Name") ? "Name" : "LongName", name, false)) name = null;
        ctx.children(e, scope).run();
        if (id == null || action == null || name == null || section == null || key == null || component == null) return;
        int code = switch (action) {
            case "addLine" -> 0;
            case "createLine" -> 1;
            case "removeLine" -> 2;
            case "addTag" -> 3;
            default -> 4;
        };
        boolean remove = code == 2 || code == 4;
        if (!remove && value == null) a.required("Value");
        Row r = ctx.row(remove ? "RemoveIniFile" : "IniFile", e.location()).set(remove ? "RemoveIniFile" : "IniFile", id)
                .set("DirProperty", directory).set("Section", section).set("Key", key).set("Value", value)
                .set("Action", code).set("Component_", component);
        r.extra("Name", name).extra("ShortName", a.str("ShortName")).extra("NameColumn", "FileName").extra("FolderColumn", "DirProperty");
    }
}
