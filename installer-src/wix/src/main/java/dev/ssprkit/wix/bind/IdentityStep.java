package dev.ssprkit.wix.bind;

import dev.ssprkit.builder.Guids;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.PackageSymbol;
import dev.ssprkit.wix.model.PackageSymbol.InstallScope;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.Platform;

/**
 * The package's identity: resolves its bind-time strings, checks what must be there, decides the platform (a v3
 * Package/@Platform wins over -arch, as candle does), and adds the Property rows the identity implies (ProductCode,
 * ProductLanguage, ProductName, ProductVersion, Manufacturer, UpgradeCode, PackageId, ALLUSERS/MSIINSTALLPERUSER by
 * scope) and the cells MajorUpgrade left to it.
 */
final class IdentityStep {
    private final BindContext ctx;
    private final VariableResolver variables;

    private boolean lateVersion;

    IdentityStep(BindContext ctx, VariableResolver variables) {
        this.ctx = ctx;
        this.variables = variables;
    }

    void run() {
        PackageSymbol p = ctx.linked.identity();
        String name = variables.resolve(p.name(), p.location(), false);
        String manufacturer = variables.resolve(p.manufacturer(), p.location(), false);
        // a version read from a file (Version="!(bind.FileVersion.app.exe)", as WiX allows) is only known once the files
        // are read: its rows are resolved with the other bind variables, and it is checked then (finishLateVersion)
        lateVersion = p.version() != null && p.version().contains("!(bind.");
        String version = lateVersion ? p.version() : variables.resolve(p.version(), p.location(), false);
        // a v4+ version from a variable may carry WiX's "v" prefix, which WiX's binder drops from ProductVersion
        if (p.v4() && !lateVersion) version = Attrs.withoutVersionPrefix(version);
        String description = variables.resolve(p.description(), p.location(), false);
        String comments = variables.resolve(p.comments(), p.location(), false);
        String keywords = variables.resolve(p.keywords(), p.location(), false);
        String summaryManufacturer = variables.resolve(p.summaryManufacturer(), p.location(), false);
        int language = p.language();
        if (p.deferred().language() != null) language = number(variables.resolve(p.deferred().language(), p.location(), false), "Language", p);
        else if (language < 0) language = ctx.options.cultureLanguage() != null ? ctx.options.cultureLanguage() : 0;
        Integer codepage = p.codepage() != null ? p.codepage() : ctx.options.cultureCodepage();
        if (p.deferred().codepage() != null) codepage = codepage(variables.resolve(p.deferred().codepage(), p.location(), false), p);
        Integer summaryCodepage = p.summaryCodepage();
        if (p.deferred().summaryCodepage() != null) summaryCodepage = codepage(variables.resolve(p.deferred().summaryCodepage(), p.location(), false), p);
        ctx.identity = new PackageSymbol(p.type(), p.id(), name, manufacturer, version, p.upgradeCode(), p.productCode(),
                language, codepage, summaryCodepage, p.installerVersion(), p.scope(), p.platform(), p.compressed(),
                p.shortNames(), p.adminImage(), p.security(), description, comments, keywords, summaryManufacturer,
                p.v4(), PackageSymbol.Deferred.NONE, p.location());
        ctx.platform = p.platform() == null ? ctx.options.platform() : Platform.parse(p.platform());
        if (ctx.isModule()) return;
        if (!lateVersion) checkVersion(version, p, false);
        if (p.upgradeCode() == null) {
            ctx.report(CompilerMessage.DEPRECATED, p.location(), "the package has no UpgradeCode",
                    "without one it can never be upgraded; add UpgradeCode=\"{GUID}\"");
        }
        // WiX v6+ adds the Package/@Id as Property PackageId (Compiler_Package.cs)
        if (p.v4() && p.id() != null) property("PackageId", p.id(), p);
        property("ProductCode", productCode(), p);
        property("ProductLanguage", Integer.toString(language), p);
        property("ProductName", name, p);
        property("ProductVersion", version, p);
        property("Manufacturer", manufacturer, p);
        if (p.upgradeCode() != null) property("UpgradeCode", p.upgradeCode(), p);
        InstallScope scope = p.effectiveScope();
        if (scope == InstallScope.PER_MACHINE) property("ALLUSERS", "1", p);
        else if (scope == InstallScope.PER_USER_OR_MACHINE) {
            property("ALLUSERS", "2", p);
            property("MSIINSTALLPERUSER", "1", p);
        }
        for (Row up : ctx.rows("Upgrade")) {
            if (!up.flag("FromPackage")) continue;
            up.set("UpgradeCode", p.upgradeCode());
            if (up.flag("VersionMaxFromPackage")) up.set("VersionMax", version);
            if (up.flag("VersionMinFromPackage")) up.set("VersionMin", version);
            if (!up.flag("IgnoreLanguage")) up.set("Language", Integer.toString(language));
            if (p.upgradeCode() == null) {
                ctx.report(CompilerMessage.MISSING_ATTRIBUTE, up.location(), p.v4() ? "Package" : "Product", "UpgradeCode");
            }
        }
    }

    private void checkVersion(String version, PackageSymbol p, boolean late) {
        if (p.v4() && version != null && dev.ssprkit.wix.compile.Attrs.isLabelledVersion(dev.ssprkit.wix.compile.Attrs.withoutVersionPrefix(version))) {
            // WiX v4+ keeps such a version and warns (a written one was reported by the compiler already)
            if (late) ctx.report(CompilerMessage.VERSION_WITH_LABEL, p.location(), "Version", version);
            return;
        }
        // WiX v4+ (WixVersion) takes a one-field version; v3's light wants at least major.minor
        String pattern = p.v4() ? "\\d{1,10}(\\.\\d{1,10}){0,3}" : "\\d{1,10}(\\.\\d{1,10}){1,3}";
        if (version != null && !version.matches(pattern)) {
            ctx.report(CompilerMessage.BAD_VERSION, p.location(), "Version", version);
        }
    }

    /** After the bind variables are resolved: the version a file gave the package, checked and kept in the identity. */
    void finishLateVersion() {
        if (!lateVersion) return;
        PackageSymbol p = ctx.identity;
        String version = variables.resolve(p.version(), p.location(), true);
        checkVersion(version, p, true);
        ctx.identity = p.withVersion(version);
    }

    /**
     * The ProductCode: as written, or derived from the identity so the same source gives the same code on every
     * build (WiX generates a new one each time; a stable one keeps builds reproducible, and a new version of the
     * package gets a new code because the version is part of the name).
     */
    String productCode() {
        PackageSymbol p = ctx.identity;
        if (p.productCode() != null) return p.productCode();
        String ns = p.upgradeCode() != null ? p.upgradeCode() : Guids.nameBased("{6F1D5F3E-2A66-4C55-9A7B-2F4C1E0B5D11}", p.name());
        return Guids.nameBased(ns, "ProductCode", String.valueOf(p.version()), ctx.platform.wixName(), Integer.toString(p.language()));
    }

    private int number(String value, String what, PackageSymbol p) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            ctx.report(CompilerMessage.BAD_INTEGER, p.location(), what, value, "0..65535");
            return 0;
        }
    }

    private Integer codepage(String value, PackageSymbol p) {
        Integer cp = dev.ssprkit.wix.compile.core.Codepages.parse(value);
        if (cp == null) ctx.report(CompilerMessage.BAD_VALUE, p.location(), "Codepage", value, "use a Windows code page number such as 1252");
        return cp;
    }

    private void property(String id, String value, PackageSymbol p) {
        if (value == null) return;
        if (ctx.linked.row("Property", id) != null) {
            Row existing = ctx.linked.row("Property", id);
            if (!id.equals("ALLUSERS") && !id.equals("MSIINSTALLPERUSER")) {
                ctx.report(CompilerMessage.DUPLICATE_ID, existing.location(), "Property", id, p.location());
            }
            return;
        }
        ctx.linked.add(new Row(StandardSchema.require("Property"), p.location()).set("Property", id).set("Value", value));
    }
}
