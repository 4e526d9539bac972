package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

/**
 * Searches that set a property when the installer starts (AppSearch): RegistrySearch (RegLocator), DirectorySearch
 * (DrLocator), FileSearch (Signature), ComponentSearch (CompLocator), IniFileSearch (IniLocator), their Ref forms,
 * and ProductSearch (an OnlyDetect Upgrade row whose action property is the property). A search nested in another
 * refines it: the innermost signature is what AppSearch evaluates, as the WiX documentation describes.
 *
 * <p>Locator Type values (SDK): directory 0, file 1, raw 2 (registry and INI), plus 0x10 for the 64-bit registry.
 */
public final class SearchFamily implements ElementFamily {
    private static final String[] SEARCH_PARENTS = {"Property"};

    @Override
    public void register(Grammar g) {
        g.on("RegistrySearch", (ctx, e, s) -> appSearch(ctx, e, s, registrySearch(ctx, e, s)), SEARCH_PARENTS);
        g.on("RegistrySearchRef", (ctx, e, s) -> appSearch(ctx, e, s, ref(ctx, e, "RegLocator")), SEARCH_PARENTS);
        g.on("DirectorySearch", (ctx, e, s) -> appSearch(ctx, e, s, directorySearch(ctx, e, null)), SEARCH_PARENTS);
        g.on("DirectorySearchRef", (ctx, e, s) -> appSearch(ctx, e, s, directorySearchRef(ctx, e, null)), SEARCH_PARENTS);
        g.on("FileSearch", (ctx, e, s) -> appSearch(ctx, e, s, fileSearch(ctx, e, null, false, null)), SEARCH_PARENTS);
        g.on("FileSearchRef", (ctx, e, s) -> appSearch(ctx, e, s, ref(ctx, e, "Signature")), SEARCH_PARENTS);
        g.on("ComponentSearch", (ctx, e, s) -> appSearch(ctx, e, s, componentSearch(ctx, e)), SEARCH_PARENTS);
        g.on("IniFileSearch", (ctx, e, s) -> appSearch(ctx, e, s, iniFileSearch(ctx, e)), SEARCH_PARENTS);
        g.on("ProductSearch", this::productSearch, SEARCH_PARENTS);
    }

    private static void appSearch(CompileContext ctx, SourceElement e, Scope scope, String signature) {
        String property = scope.get(Scope.PROPERTY);
        if (signature == null || property == null) return;
        if (!property.equals(property.toUpperCase(java.util.Locale.ROOT))) {
            ctx.report(CompilerMessage.BAD_VALUE, e.location(), "Property", property, "a search sets a public property: write its Id in upper case");
        }
        ctx.row("AppSearch", e.location()).set("Property", property).set("Signature_", signature);
    }

    private static String ref(CompileContext ctx, SourceElement e, String kind) {
        Attrs a = ctx.attrs(e, "Id");
        String id = a.id("Id", true);
        ctx.reference(kind, id, a.at("Id"));
        return id;
    }

    /** The platform's registry view unless Win64/Bitness says otherwise. */
    private static boolean search64(CompileContext ctx, Attrs a) {
        if (a.has("Bitness")) {
            String b = a.oneOf("Bitness", "default", "default", "always32", "always64");
            return b.equals("default") ? ctx.is64Bit() : b.equals("always64");
        }
        return a.yesNo("Win64", ctx.is64Bit());
    }

    private String registrySearch(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Root", "Key", "Name", "Type", "Win64", "Bitness");
        a.exclusive("Win64", "Bitness");
        Integer root = RegistryFamily.root(a, "Root");
        if (!a.has("Root")) a.required("Root");
        if (Integer.valueOf(-1).equals(root)) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Root"), "Root", "HKMU", "a search reads one hive: use HKLM or HKCU");
        }
        String key = a.required("Key");
        String name = a.str("Name");
        String typeName = a.required("Type") == null ? null : a.oneOf("Type", null, "directory", "file", "raw");
        boolean win64 = search64(ctx, a);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("reg", String.valueOf(root), RegistryFamily.lowerOrNull(key), RegistryFamily.lowerOrNull(name), String.valueOf(win64));
        String[] signature = {id};
        String[] locatorId = {id};
        String rid = id;
        boolean[] one = {false};
        ctx.children(e, scope)
                .on("DirectorySearch", (c, x, s) -> signature[0] = only(c, x, one, directorySearch(c, x, rid)))
                .on("DirectorySearchRef", (c, x, s) -> signature[0] = only(c, x, one, directorySearchRef(c, x, rid)))
                .on("FileSearch", (c, x, s) -> {
                    String sig = only(c, x, one, fileSearch(c, x, rid, false, null));
                    signature[0] = sig;
                    locatorId[0] = sig; // a FileSearch signature replaces the registry search's own
                })
                .on("FileSearchRef", (c, x, s) -> {
                    String sig = only(c, x, one, ref(c, x, "Signature"));
                    locatorId[0] = sig;
                    signature[0] = null;
                })
                .run();
        if (locatorId[0] == null || root == null || key == null || typeName == null) return null;
        int type = switch (typeName) {
            case "directory" -> 0;
            case "file" -> 1;
            default -> 2;
        };
        ctx.row("RegLocator", e.location()).set("Signature_", locatorId[0]).set("Root", root).set("Key", key).set("Name", name)
                .set("Type", type | (win64 ? 0x10 : 0));
        return signature[0] != null ? signature[0] : locatorId[0];
    }

    /** Reports a second search nested where only one may be, and passes the signature through. */
    private static String only(CompileContext ctx, SourceElement e, boolean[] one, String signature) {
        if (one[0]) ctx.report(CompilerMessage.BAD_VALUE, e.location(), e.localName(), "a second nested search", "a search may refine into one nested search only");
        one[0] = true;
        return signature;
    }

    private static String directorySearch(CompileContext ctx, SourceElement e, String parentSignature) {
        Attrs a = ctx.attrs(e, "Id", "Path", "Depth", "AssignToProperty");
        String path = a.str("Path");
        Integer depth = a.integer("Depth", null, 0, 32767);
        boolean assign = a.yesNo("AssignToProperty", false);
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("dir", path, String.valueOf(depth));
        String[] signature = {id};
        boolean[] one = {false};
        boolean[] hasFile = {false};
        String did = id;
        ctx.children(e, Scope.ROOT)
                .on("DirectorySearch", (c, x, s) -> signature[0] = only(c, x, one, directorySearch(c, x, did)))
                .on("DirectorySearchRef", (c, x, s) -> signature[0] = only(c, x, one, directorySearchRef(c, x, did)))
                .on("FileSearch", (c, x, s) -> {
                    hasFile[0] = true;
                    signature[0] = only(c, x, one, fileSearch(c, x, did, assign, depth));
                })
                .on("FileSearchRef", (c, x, s) -> signature[0] = only(c, x, one, ref(c, x, "Signature")))
                .run();
        if (assign && one[0] && !hasFile[0]) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("AssignToProperty"), "AssignToProperty", "yes", "only a nested FileSearch (or nothing) may go with AssignToProperty");
        }
        if (id == null) return null;
        String rowId = id;
        if (assign && hasFile[0]) {
            // the file's row is made here; the property gets the directory (the FileSearch made its locator)
            rowId = signature[0];
            signature[0] = id;
        }
        ctx.row("DrLocator", e.location()).set("Signature_", rowId).set("Parent", parentSignature).set("Path", path).set("Depth", depth);
        return signature[0];
    }

    private static String directorySearchRef(CompileContext ctx, SourceElement e, String parentSignature) {
        Attrs a = ctx.attrs(e, "Id", "Parent", "Path");
        String id = a.id("Id", true);
        String parent = a.has("Parent") ? a.id("Parent", true) : parentSignature;
        String[] signature = {id};
        boolean[] one = {false};
        ctx.children(e, Scope.ROOT)
                .on("DirectorySearch", (c, x, s) -> signature[0] = only(c, x, one, directorySearch(c, x, id)))
                .on("DirectorySearchRef", (c, x, s) -> signature[0] = only(c, x, one, directorySearchRef(c, x, id)))
                .on("FileSearch", (c, x, s) -> signature[0] = only(c, x, one, fileSearch(c, x, id, false, null)))
                .on("FileSearchRef", (c, x, s) -> signature[0] = only(c, x, one, ref(c, x, "Signature")))
                .run();
        if (id != null) ctx.reference("DrLocator", id + "/" + (parent == null ? "" : parent) + "/" + (a.str("Path") == null ? "" : a.str("Path")), a.at("Id"));
        return signature[0];
    }

    private static String fileSearch(CompileContext ctx, SourceElement e, String parentSignature, boolean parentAssigns, Integer parentDepth) {
        Attrs a = ctx.attrs(e, "Id", "Name", "ShortName", "LongName", "MinVersion", "MaxVersion", "MinSize", "MaxSize", "MinDate", "MaxDate", "Languages");
        String name = a.has("Name") ? a.str("Name") : a.str("LongName");
        String shortName = a.str("ShortName");
        if (name == null && shortName == null) a.required("Name");
        if (name != null && shortName == null && dev.ssprkit.builder.ShortNames.isShort(name)) {
            shortName = name;
            name = null;
        }
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = parentSignature == null ? CompileContext.generatedId("fs", name != null ? name : shortName) : parentSignature;
        boolean same = id != null && id.equals(parentSignature);
        if (parentAssigns && same) {
            ctx.report(CompilerMessage.BAD_VALUE, e.location(), "FileSearch", "Id", "with AssignToProperty on the parent DirectorySearch, give the FileSearch an Id of its own");
        }
        ctx.children(e, Scope.ROOT).run();
        if (id == null) return null;
        String fileName = name == null ? shortName : shortName == null ? name : shortName + "|" + name;
        ctx.row("Signature", e.location()).set("Signature", id).set("FileName", fileName)
                .set("MinVersion", a.str("MinVersion")).set("MaxVersion", a.str("MaxVersion"))
                .set("MinSize", a.integer("MinSize", null, 0, Integer.MAX_VALUE)).set("MaxSize", a.integer("MaxSize", null, 0, Integer.MAX_VALUE))
                .set("MinDate", date(ctx, a, "MinDate")).set("MaxDate", date(ctx, a, "MaxDate")).set("Languages", a.str("Languages"));
        if (!same && parentSignature != null) {
            if (parentAssigns) ctx.row("DrLocator", e.location()).set("Signature_", parentSignature).set("Parent", id);
            else ctx.row("DrLocator", e.location()).set("Signature_", id).set("Parent", parentSignature);
        }
        return id;
    }

    /** MinDate/MaxDate: an ISO date-time as the SDK's Signature table stores it (DOS date in the high word, time low). */
    private static Integer date(CompileContext ctx, Attrs a, String name) {
        String v = a.str(name);
        if (v == null) return null;
        try {
            java.time.LocalDateTime t = java.time.LocalDateTime.parse(v.length() == 10 ? v + "T00:00:00" : v);
            int date = ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
            int time = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
            return (date << 16) | time;
        } catch (java.time.format.DateTimeParseException e) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at(name), name, v, "write an ISO date and time such as 2024-01-31T12:00:00");
            return null;
        }
    }

    private static String componentSearch(CompileContext ctx, SourceElement e) {
        Attrs a = ctx.attrs(e, "Id", "Guid", "Type");
        String guid = a.guid("Guid", true, false, false);
        String type = a.oneOf("Type", "file", "directory", "file");
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("cmp", guid, type);
        String[] signature = {id};
        String cid = id;
        boolean[] one = {false};
        ctx.children(e, Scope.ROOT)
                .on("DirectorySearch", (c, x, s) -> signature[0] = only(c, x, one, directorySearch(c, x, cid)))
                .on("DirectorySearchRef", (c, x, s) -> signature[0] = only(c, x, one, directorySearchRef(c, x, cid)))
                .on("FileSearch", (c, x, s) -> signature[0] = only(c, x, one, fileSearch(c, x, cid, false, null)))
                .on("FileSearchRef", (c, x, s) -> signature[0] = only(c, x, one, ref(c, x, "Signature")))
                .run();
        if (id == null || guid == null) return null;
        ctx.row("CompLocator", e.location()).set("Signature_", id).set("ComponentId", guid).set("Type", type.equals("directory") ? 0 : 1);
        return signature[0];
    }

    private static String iniFileSearch(CompileContext ctx, SourceElement e) {
        Attrs a = ctx.attrs(e, "Id", "Name", "ShortName", "LongName", "Section", "Key", "Field", "Type");
        String name = a.has("Name") ? a.str("Name") : a.str("LongName");
        if (name == null) a.required("Name");
        String section = a.required("Section");
        String key = a.required("Key");
        String type = a.oneOf("Type", "file", "directory", "file", "raw");
        String id = a.id("Id", false);
        if (id == null && !a.has("Id")) id = CompileContext.generatedId("ini", name, section, key);
        String[] signature = {id};
        String[] locatorId = {id};
        String iid = id;
        boolean[] one = {false};
        // a nested FileSearch's signature replaces the INI search's own as the IniLocator key, so that AppSearch's
        // signature finds the IniLocator row and the Signature row (WiX's ParseIniFileSearchElement; its test
        // MsiQueryFixture.PopulatesAppSearchTablesFromFileSearch expects IniLocator and AppSearch keyed by the FileSearch)
        ctx.children(e, Scope.ROOT)
                .on("DirectorySearch", (c, x, s) -> signature[0] = only(c, x, one, directorySearch(c, x, iid)))
                .on("DirectorySearchRef", (c, x, s) -> signature[0] = only(c, x, one, directorySearchRef(c, x, iid)))
                .on("FileSearch", (c, x, s) -> {
                    String sig = only(c, x, one, fileSearch(c, x, iid, false, null));
                    signature[0] = sig;
                    locatorId[0] = sig;
                })
                .on("FileSearchRef", (c, x, s) -> {
                    // WiX keys the IniLocator by the referenced signature too but then writes no AppSearch row, which
                    // leaves the search unused; here AppSearch names it, as for a RegistrySearch's FileSearchRef
                    String sig = only(c, x, one, ref(c, x, "Signature"));
                    signature[0] = sig;
                    locatorId[0] = sig;
                })
                .run();
        if (locatorId[0] == null || name == null || section == null || key == null) return null;
        String shortName = a.str("ShortName");
        String fileName = shortName == null ? name : shortName + "|" + name;
        ctx.row("IniLocator", e.location()).set("Signature_", locatorId[0]).set("FileName", fileName).set("Section", section).set("Key", key)
                .set("Field", a.integer("Field", null, 0, 32767)).set("Type", switch (type) {
                    case "directory" -> 0;
                    case "raw" -> 2;
                    default -> 1;
                });
        return signature[0];
    }

    /** ProductSearch: an OnlyDetect Upgrade row that sets the property to the found product's code. */
    private void productSearch(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "UpgradeCode", "Minimum", "Maximum", "IncludeMinimum", "IncludeMaximum", "Language", "ExcludeLanguages");
        String property = scope.get(Scope.PROPERTY);
        String code = a.has("UpgradeCode") ? a.guid("UpgradeCode", true, false, false) : a.guid("Id", false, false, false);
        if (code == null && !a.has("UpgradeCode") && !a.has("Id")) a.required("UpgradeCode");
        String min = a.version("Minimum", false), max = a.version("Maximum", false);
        int bits = 0x2;
        if (a.yesNo("IncludeMinimum", true) && min != null) bits |= 0x100;
        if (a.yesNo("IncludeMaximum", false) && max != null) bits |= 0x200;
        if (a.yesNo("ExcludeLanguages", false)) bits |= 0x400;
        ctx.children(e, scope).run();
        if (code == null || property == null) return;
        ctx.row("Upgrade", e.location()).set("UpgradeCode", code).set("VersionMin", min).set("VersionMax", max)
                .set("Language", a.str("Language")).set("Attributes", bits).set("ActionProperty", property);
    }
}
