package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Membership;
import dev.ssprkit.wix.model.MergeSymbol;
import dev.ssprkit.wix.model.PackageSymbol;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Section;
import dev.ssprkit.wix.source.SourceElement;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Merge modules, both directions. Building one: {@code <Module>} (v3 with its {@code <Package>}, v4 with its
 * {@code <SummaryInformation>}) starts a module section; {@code Dependency}, {@code Exclusion}, {@code IgnoreTable},
 * {@code Configuration} and {@code Substitution} fill the ModuleDependency, ModuleExclusion, ModuleIgnoreTable,
 * ModuleConfiguration and ModuleSubstitution tables. Consuming one: {@code <Merge>} under a directory names the .msm
 * and its directory, {@code <MergeRef>} under a feature connects it (the binder's MergeStep does the merging).
 *
 * <p>Ids keep their authored form here; the binder appends the module's GUID to every id of a module
 * (modularization), as WiX does.
 */
public final class ModuleFamily implements ElementFamily {
    /** Scope keys: the module being compiled, and its language as written. */
    static final String MODULE_ID = "ModuleId";
    static final String MODULE_LANGUAGE = "ModuleLanguage";

    @Override
    public void register(Grammar g) {
        g.on("Module", this::module, "Wix");
        g.on("Dependency", this::dependency, "Module");
        g.on("Exclusion", this::exclusion, "Module");
        g.on("IgnoreTable", this::ignoreTable, "Module");
        g.on("Configuration", this::configuration, "Module");
        g.on("Substitution", this::substitution, "Module");
        g.on("Merge", this::merge, "Directory", "DirectoryRef", "StandardDirectory");
        g.on("MergeRef", this::mergeRef, "Feature", "FeatureRef", "FeatureGroup");
    }

    private void module(CompileContext ctx, SourceElement module, Scope scope) {
        Attrs a = ctx.attrs(module, "Id", "Language", "Version", "Guid", "Codepage", "InstallerVersion");
        String id = a.id("Id", true, 35); // ModuleID is 72 characters: the id, a dot and the 36-character GUID
        String version = a.version("Version", true);
        String guid = a.guid("Guid", false, false, false);
        int language = PackageFamily.language(ctx, a);
        if (!a.has("Language")) a.required("Language");
        String description = null, comments = null, keywords = null, manufacturer = null, platform = null;
        Integer summaryCodepage = null, security = null;
        int installerVersion = ctx.v4() ? 500 : 200;
        if (a.has("InstallerVersion")) installerVersion = a.integer("InstallerVersion", installerVersion, 0, Integer.MAX_VALUE);
        SourceElement pkg = ctx.v4() ? null : module.firstChild("Package").orElse(null);
        if (pkg != null) {
            Attrs p = ctx.attrs(pkg, "Id", "Description", "Comments", "Manufacturer", "InstallerVersion", "Languages",
                    "Platform", "Platforms", "SummaryCodepage", "Keywords", "ReadOnly", "AdminImage", "Compressed",
                    "ShortNames", "InstallPrivileges", "InstallScope");
            String packageId = p.guid("Id", false, false, false);
            if (guid == null) guid = packageId;
            else if (packageId != null && !packageId.equals(guid)) {
                ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, p.at("Id"), "Module", "Guid and Package/@Id with different GUIDs", "a module has one GUID; give it once");
            }
            description = p.str("Description");
            comments = p.str("Comments");
            keywords = p.str("Keywords");
            manufacturer = p.str("Manufacturer");
            installerVersion = p.integer("InstallerVersion", installerVersion, 0, Integer.MAX_VALUE);
            platform = p.oneOf("Platform", null, "x86", "x64", "intel", "arm64");
            summaryCodepage = Attrs.deferred(p.str("SummaryCodepage")) ? null : p.integer("SummaryCodepage", null, 0, 65535);
            String readOnly = p.oneOf("ReadOnly", null, "no", "yes", "enforced");
            if (readOnly != null) security = readOnly.equals("no") ? 0 : readOnly.equals("yes") ? 2 : 4;
        }
        SourceElement summary = ctx.v4() ? module.firstChild("SummaryInformation").orElse(null) : null;
        if (summary != null) {
            Attrs si = ctx.attrs(summary, "Description", "Manufacturer", "Keywords", "Comments", "Codepage");
            description = si.str("Description");
            manufacturer = si.str("Manufacturer");
            keywords = si.str("Keywords");
            comments = si.str("Comments");
            summaryCodepage = PackageFamily.codepage(ctx, si);
        }
        if (guid == null) {
            ctx.report(CompilerMessage.MISSING_ATTRIBUTE, module.location(), "Module", ctx.v4() ? "Guid" : "Guid (or Package/@Id)");
        }
        ctx.beginSection(Section.Type.MODULE, id, module.location());
        ctx.add(new PackageSymbol(Section.Type.MODULE, id, id, manufacturer, version, null, guid, language,
                PackageFamily.codepage(ctx, a), summaryCodepage, installerVersion, null, platform, true, false, false,
                security, description, comments, keywords, manufacturer, ctx.v4(),
                new PackageSymbol.Deferred(Attrs.deferred(a.str("Language")) ? a.str("Language") : null, null, null),
                module.location()));
        Scope inner = scope.with(MODULE_ID, id).with(MODULE_LANGUAGE, Integer.toString(Math.max(language, 0)));
        ctx.children(module, inner).onIf(!ctx.v4(), "Package", (c, e, s) -> { })
                .onIf(ctx.v4(), "SummaryInformation", (c, e, s) -> { }).run();
    }

    /** A row of a merge-module table (the standard schema declares them). */
    private static Row moduleRow(CompileContext ctx, String table, SourceElement e) {
        return ctx.row(table, e.location());
    }

    private void dependency(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "RequiredId", "RequiredLanguage", "RequiredVersion");
        String required = a.id("RequiredId", true);
        Integer language = a.integer("RequiredLanguage", null, 0, Short.MAX_VALUE);
        if (!a.has("RequiredLanguage")) a.required("RequiredLanguage");
        String version = a.version("RequiredVersion", false);
        ctx.children(e, scope).run();
        if (required == null || language == null) return;
        moduleRow(ctx, "ModuleDependency", e).set("ModuleID", scope.get(MODULE_ID))
                .set("ModuleLanguage", Integer.parseInt(scope.get(MODULE_LANGUAGE)))
                .set("RequiredID", required).set("RequiredLanguage", language).set("RequiredVersion", version);
    }

    private void exclusion(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "ExcludedId", "ExcludeExceptLanguage", "ExcludeLanguage", "ExcludedMinVersion", "ExcludedMaxVersion");
        String excluded = a.id("ExcludedId", true);
        Integer except = a.integer("ExcludeExceptLanguage", null, 0, Short.MAX_VALUE);
        Integer only = a.integer("ExcludeLanguage", null, 0, Short.MAX_VALUE);
        a.exclusive("ExcludeExceptLanguage", "ExcludeLanguage");
        // the SDK's ExcludedLanguage: a language id, its negation for "every language but", 0 for all
        int language = except != null ? -except : only != null ? only : 0;
        String min = a.version("ExcludedMinVersion", false), max = a.version("ExcludedMaxVersion", false);
        ctx.children(e, scope).run();
        if (excluded == null) return;
        moduleRow(ctx, "ModuleExclusion", e).set("ModuleID", scope.get(MODULE_ID))
                .set("ModuleLanguage", Integer.parseInt(scope.get(MODULE_LANGUAGE)))
                .set("ExcludedID", excluded).set("ExcludedLanguage", language)
                .set("ExcludedMinVersion", min).set("ExcludedMaxVersion", max);
    }

    private void ignoreTable(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id");
        String table = a.id("Id", true, 31);
        ctx.children(e, scope).run();
        if (table != null) ignore(ctx, table, e);
    }

    /** One ModuleIgnoreTable row per table, however many elements ask for it. */
    private static void ignore(CompileContext ctx, String table, SourceElement e) {
        Set<String> ignored = ctx.state("module/ignored", java.util.HashSet::new);
        if (ignored.add(table)) moduleRow(ctx, "ModuleIgnoreTable", e).set("Table", table);
    }

    private void configuration(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Name", "Format", "Type", "ContextData", "DefaultValue", "KeyNoOrphan", "NonNullable",
                "DisplayName", "Description", "HelpLocation", "HelpKeyword");
        String name = a.id("Name", true);
        String format = a.has("Format") ? a.oneOf("Format", null, "Text", "text", "Key", "key", "Integer", "integer", "Bitfield", "bitfield")
                : a.required("Format");
        int attributes = (a.yesNo("KeyNoOrphan", false) ? 1 : 0) | (a.yesNo("NonNullable", false) ? 2 : 0);
        ctx.children(e, scope).run();
        if (name == null || format == null) return;
        int code = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "key" -> 1;
            case "integer" -> 2;
            case "bitfield" -> 3;
            default -> 0;
        };
        moduleRow(ctx, "ModuleConfiguration", e).set("Name", name).set("Format", code).set("Type", a.str("Type"))
                .set("ContextData", a.str("ContextData")).set("DefaultValue", a.str("DefaultValue")).set("Attributes", attributes)
                .set("DisplayName", a.str("DisplayName")).set("Description", a.str("Description"))
                .set("HelpLocation", a.str("HelpLocation")).set("HelpKeyword", a.str("HelpKeyword"));
        ignore(ctx, "ModuleConfiguration", e); // WiX lists the module's own configuration tables as not merged
    }

    private void substitution(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Table", "Row", "Column", "Value");
        String table = a.id("Table", true);
        String row = a.required("Row");
        String column = a.id("Column", true);
        ctx.children(e, scope).run();
        if (table == null || row == null || column == null) return;
        moduleRow(ctx, "ModuleSubstitution", e).set("Table", table).set("Row", row).set("Column", column).set("Value", a.str("Value"));
        ignore(ctx, "ModuleSubstitution", e);
    }

    private void merge(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "SourceFile", "src", "Language", "DiskId", "FileCompression");
        String id = a.id("Id", true);
        String written = a.has("SourceFile") ? a.str("SourceFile") : a.str("src");
        if (written == null) a.required("SourceFile");
        Path source = written == null ? null : ctx.payload(a, a.has("SourceFile") ? "SourceFile" : "src", written);
        Integer language = a.integer("Language", null, 0, Short.MAX_VALUE);
        if (!a.has("Language")) a.required("Language");
        Integer diskId = a.integer("DiskId", null, 1, Short.MAX_VALUE);
        if (diskId == null && scope.has(Scope.DISK_ID)) diskId = Integer.valueOf(scope.get(Scope.DISK_ID));
        Boolean compression = a.yesNoOrNull("FileCompression");
        Map<String, String> configuration = new LinkedHashMap<>();
        ctx.children(e, scope).on("ConfigurationData", (c, x, s) -> {
            Attrs d = c.attrs(x, "Name", "Value");
            String name = d.id("Name", true);
            String value = d.str("Value", "");
            c.children(x, s).run();
            if (name != null && configuration.putIfAbsent(name, value) != null) {
                c.report(CompilerMessage.CONFLICTING_ATTRIBUTES, d.at("Name"), "Merge", "two ConfigurationData named '" + name + "'", "give each configurable item one value");
            }
        }).run();
        String directory = scope.get(Scope.DIRECTORY);
        if (id == null || source == null || language == null || directory == null) return;
        ctx.add(new MergeSymbol(id, source, language, directory, diskId, compression, configuration, e.location()));
    }

    private void mergeRef(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Primary");
        String id = a.id("Id", true);
        boolean primary = a.yesNo("Primary", false);
        ctx.children(e, scope).run();
        if (id == null) return;
        ctx.reference("Merge", id, a.at("Id"));
        String parent = scope.get(Scope.PARENT);
        if ("FeatureGroup".equals(parent)) {
            ctx.add(new Membership("FeatureGroup", scope.get(Scope.FEATURE_GROUP), "Merge", id, primary, e.location()));
        } else if (scope.get(Scope.FEATURE) != null) {
            ctx.add(new Membership("Feature", scope.get(Scope.FEATURE), "Merge", id, primary, e.location()));
        }
    }
}
