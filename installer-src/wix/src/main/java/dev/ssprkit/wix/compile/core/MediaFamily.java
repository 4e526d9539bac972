package dev.ssprkit.wix.compile.core;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.EnsureTableSymbol;
import dev.ssprkit.wix.model.MediaTemplateSymbol;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Scheduled;
import dev.ssprkit.wix.source.SourceElement;

import java.nio.file.Path;

/**
 * Package-wide resources: Media and MediaTemplate (where files go), Binary and Icon (streams), Upgrade/UpgradeVersion
 * and MajorUpgrade (the Upgrade table, as the WiX documentation describes MajorUpgrade), EnsureTable.
 *
 * <p>Upgrade.Attributes bits (SDK): MigrateFeatures 0x1, OnlyDetect 0x2, IgnoreRemoveFailure 0x4,
 * VersionMinInclusive 0x100, VersionMaxInclusive 0x200, LanguagesExclusive 0x400.
 */
public final class MediaFamily implements ElementFamily {
    /** The compression levels WiX accepts on Media, MediaTemplate and Package. */
    static final String[] COMPRESSION = {"none", "low", "medium", "high", "mszip"};

    @Override
    public void register(Grammar g) {
        g.on("Media", this::media, "Product", "Package", "Module", "Fragment");
        g.on("MediaTemplate", this::mediaTemplate, "Product", "Package", "Module", "Fragment");
        g.on("Binary", (ctx, e, s) -> stream(ctx, e, "Binary"), Grammar.SECTIONS);
        g.on("Icon", (ctx, e, s) -> stream(ctx, e, "Icon"), Grammar.SECTIONS);
        g.on("BinaryRef", (ctx, e, s) -> PackageFamily.ref(ctx, e, "Binary"), Grammar.SECTIONS);
        g.on("IconRef", (ctx, e, s) -> PackageFamily.ref(ctx, e, "Icon"), Grammar.SECTIONS);
        g.on("Upgrade", this::upgrade, "Product", "Package", "Fragment");
        g.on("UpgradeVersion", this::upgradeVersion, "Upgrade");
        g.on("MajorUpgrade", this::majorUpgrade, "Product", "Package");
        g.on("EnsureTable", this::ensureTable, Grammar.SECTIONS);
    }

    private void media(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "Cabinet", "EmbedCab", "CompressionLevel", "DiskPrompt", "VolumeLabel", "Layout", "Source", "src");
        Integer id = a.integer("Id", null, 1, 32767);
        if (!a.has("Id")) a.required("Id");
        Boolean embed = a.yesNoOrNull("EmbedCab");
        String cabinet = a.str("Cabinet");
        String level = a.oneOf("CompressionLevel", null, COMPRESSION);
        if (Boolean.TRUE.equals(embed)) {
            if (cabinet == null) a.required("Cabinet");
            else if (cabinet.length() > 62) {
                ctx.report(CompilerMessage.BAD_VALUE, a.at("Cabinet"), "Cabinet", cabinet, "an embedded cabinet's name is a stream name: at most 62 characters");
                cabinet = null;
            }
        }
        if (cabinet != null && !Boolean.TRUE.equals(embed) && !Attrs.deferred(cabinet)) {
            String why = dev.ssprkit.wix.compile.InstallNames.problem(cabinet, false);
            if (why != null) {
                ctx.report(CompilerMessage.BAD_INSTALL_NAME, a.at("Cabinet"), "Cabinet", cabinet, why);
                cabinet = null;
            }
        }
        String diskPrompt = a.str("DiskPrompt");
        if (diskPrompt != null) ctx.reference("Property", "DiskPrompt", a.at("DiskPrompt"));
        ctx.children(e, scope).skip("DigitalSignature").skip("SymbolPath").run();
        if (id == null) return;
        Row row = ctx.row("Media", e.location()).set("DiskId", id).set("LastSequence", 0).set("DiskPrompt", diskPrompt)
                .set("Cabinet", cabinet == null ? null : (Boolean.TRUE.equals(embed) ? "#" + cabinet : cabinet))
                .set("VolumeLabel", a.str("VolumeLabel")).set("Source", a.str("Source"));
        row.extra("CompressionLevel", level).extra("Layout", a.str("Layout")).extra("Authored", true);
    }

    private void mediaTemplate(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "CabinetTemplate", "EmbedCab", "CompressionLevel", "MaximumUncompressedMediaSize",
                "MaximumCabinetSizeForLargeFileSplitting", "DiskPrompt", "VolumeLabel");
        String template = a.str("CabinetTemplate");
        if (template == null || template.isEmpty()) template = "cab{0}.cab";
        if (!template.contains("{0}")) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("CabinetTemplate"), "CabinetTemplate", template, "the template must contain {0} for the cabinet number");
            template = "cab{0}.cab";
        }
        String level = a.oneOf("CompressionLevel", null, COMPRESSION);
        Integer maxSize = a.integer("MaximumUncompressedMediaSize", null, 1, Integer.MAX_VALUE);
        a.integer("MaximumCabinetSizeForLargeFileSplitting", null, 20, 2048);
        boolean embed = a.yesNo("EmbedCab", false);
        ctx.children(e, scope).run();
        ctx.add(new MediaTemplateSymbol(template, level, embed, maxSize, a.str("DiskPrompt"), a.str("VolumeLabel"), e.location()));
    }

    /** A Binary or Icon row from its element; its Id (null when the element has none usable). */
    static String stream(CompileContext ctx, SourceElement e, String table) {
        Attrs a = ctx.attrs(e, "Id", "SourceFile", "src", "SuppressModularization");
        String id = a.id("Id", true);
        String written = a.has("SourceFile") ? a.str("SourceFile") : a.str("src");
        if (written == null) a.required("SourceFile");
        a.yesNo("SuppressModularization", false);
        ctx.children(e, Scope.ROOT).run();
        if (written != null && Attrs.deferred(written)) {
            // e.g. SourceFile="!(wix.WixUIBannerBmp)": the binder resolves the variable, then finds the file
            if (id != null) ctx.row(table, e.location()).set("Name", id).extra("DeferredSource", written).extra("SourceFolder", ctx.sourceDirectory());
            return id;
        }
        Path payload = written == null ? null : ctx.payload(a, a.has("SourceFile") ? "SourceFile" : "src", written);
        if (id == null || payload == null) return id;
        ctx.row(table, e.location()).set("Name", id).set("Data", payload);
        return id;
    }

    private void upgrade(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id");
        String code = a.guid("Id", true, false, false);
        ctx.children(e, scope.with("UpgradeCode", code)).on("Property", (c, x, s) -> {
            // v3 allowed Property elements inside Upgrade; they define ordinary properties
            Attrs p = c.attrsWithText(x, "Id", "Value", "Secure", "Hidden", "Admin", "SuppressModularization", "ComplianceCheck");
            String pid = p.id("Id", true);
            String value = p.has("Value") ? p.str("Value") : CompileContext.text(x);
            if (pid != null) c.row("Property", x.location()).set("Property", pid).set("Value", value)
                    .extra("Secure", p.yesNo("Secure", false)).extra("Hidden", p.yesNo("Hidden", false)).extra("Admin", p.yesNo("Admin", false));
        }).run();
    }

    private void upgradeVersion(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Minimum", "Maximum", "Language", "IncludeMinimum", "IncludeMaximum", "OnlyDetect",
                "IgnoreRemoveFailure", "MigrateFeatures", "ExcludeLanguages", "RemoveFeatures", "Property");
        String min = a.version("Minimum", false), max = a.version("Maximum", false);
        if (min == null && max == null) ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "UpgradeVersion", "Minimum or Maximum", "");
        String property = a.id("Property", true);
        if (property != null && !property.equals(property.toUpperCase(java.util.Locale.ROOT))) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Property"), "Property", property, "the upgrade property must be public and secure: upper-case letters only");
        }
        int bits = 0;
        if (a.yesNo("MigrateFeatures", false)) bits |= 0x1;
        if (a.yesNo("OnlyDetect", false)) bits |= 0x2;
        if (a.yesNo("IgnoreRemoveFailure", false)) bits |= 0x4;
        if (a.yesNo("IncludeMinimum", true)) bits |= 0x100;
        if (a.yesNo("IncludeMaximum", false)) bits |= 0x200;
        if (a.yesNo("ExcludeLanguages", false)) bits |= 0x400;
        ctx.children(e, scope).run();
        String code = scope.get("UpgradeCode");
        if (code == null || property == null) return;
        if (min == null) bits &= ~0x100;
        if (max == null) bits &= ~0x200;
        ctx.row("Upgrade", e.location()).set("UpgradeCode", code).set("VersionMin", min).set("VersionMax", max)
                .set("Language", a.str("Language")).set("Attributes", bits).set("Remove", a.str("RemoveFeatures"))
                .set("ActionProperty", property);
    }

    /**
     * MajorUpgrade, as WiX documents it: one Upgrade row that detects older versions (WIX_UPGRADE_DETECTED, removed by
     * RemoveExistingProducts) and, unless downgrades are allowed, one that detects newer versions
     * (WIX_DOWNGRADE_DETECTED) with the launch condition {@code NOT WIX_DOWNGRADE_DETECTED}.
     */
    private void majorUpgrade(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "AllowDowngrades", "AllowSameVersionUpgrades", "Disallow", "DowngradeErrorMessage",
                "DisallowUpgradeErrorMessage", "MigrateFeatures", "IgnoreLanguage", "IgnoreRemoveFailure", "RemoveFeatures", "Schedule");
        boolean allowDowngrades = a.yesNo("AllowDowngrades", false);
        boolean sameVersion = a.yesNo("AllowSameVersionUpgrades", false);
        boolean disallow = a.yesNo("Disallow", false);
        String downgradeMessage = a.str("DowngradeErrorMessage");
        String disallowMessage = a.str("DisallowUpgradeErrorMessage");
        boolean migrate = a.yesNo("MigrateFeatures", true);
        boolean ignoreLanguage = a.yesNo("IgnoreLanguage", false);
        boolean ignoreFailure = a.yesNo("IgnoreRemoveFailure", false);
        String schedule = a.oneOf("Schedule", "afterInstallValidate", "afterInstallValidate", "afterInstallInitialize",
                "afterInstallExecute", "afterInstallExecuteAgain", "afterInstallFinalize");
        if (!allowDowngrades && downgradeMessage == null) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "MajorUpgrade", "DowngradeErrorMessage or AllowDowngrades=\"yes\"", "say what to tell a user who installs an older version over a newer one");
        }
        if (allowDowngrades && downgradeMessage != null) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("DowngradeErrorMessage"), "MajorUpgrade", "DowngradeErrorMessage and AllowDowngrades=\"yes\"", "a message for downgrades is only shown when they are blocked");
        }
        if (allowDowngrades && sameVersion) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("AllowSameVersionUpgrades"), "MajorUpgrade", "AllowSameVersionUpgrades and AllowDowngrades=\"yes\"", "");
        }
        if (disallow && disallowMessage == null) a.required("DisallowUpgradeErrorMessage");
        ctx.children(e, scope).run();
        // The upgrade code, version and language come from the package: the binder fills the cells marked here.
        int bits = (migrate ? 0x1 : 0) | (ignoreFailure ? 0x4 : 0);
        Row up = ctx.row("Upgrade", e.location()).set("Remove", a.str("RemoveFeatures")).set("ActionProperty", "WIX_UPGRADE_DETECTED");
        if (allowDowngrades) {
            up.set("VersionMin", "0").set("Attributes", bits | 0x100);
        } else {
            up.set("Attributes", bits | (sameVersion ? 0x200 : 0)).extra("VersionMaxFromPackage", true);
        }
        up.extra("FromPackage", true).extra("IgnoreLanguage", ignoreLanguage);
        if (disallow) {
            ctx.row("LaunchCondition", e.location()).set("Condition", "NOT WIX_UPGRADE_DETECTED").set("Description", disallowMessage);
        }
        if (!allowDowngrades) {
            Row down = ctx.row("Upgrade", e.location()).set("Attributes", 0x2 | (ignoreFailure ? 0x4 : 0)).set("ActionProperty", "WIX_DOWNGRADE_DETECTED");
            down.extra("FromPackage", true).extra("VersionMinFromPackage", true).extra("IgnoreLanguage", ignoreLanguage);
            if (downgradeMessage != null) {
                ctx.row("LaunchCondition", e.location()).set("Condition", "NOT WIX_DOWNGRADE_DETECTED").set("Description", downgradeMessage);
            }
        }
        String after = switch (schedule) {
            case "afterInstallInitialize" -> "InstallInitialize";
            case "afterInstallExecute" -> "InstallExecute";
            case "afterInstallExecuteAgain" -> "InstallExecuteAgain";
            case "afterInstallFinalize" -> "InstallFinalize";
            default -> "InstallValidate";
        };
        ctx.add(new Scheduled("InstallExecuteSequence", "RemoveExistingProducts", null, null, null, after, false, false, e.location()));
    }

    private void ensureTable(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id");
        String id = a.id("Id", true, 31);
        ctx.children(e, scope).run();
        if (id == null) return;
        if (ctx.schema(id) == null) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Id"), "Id", id, "not a standard table or a table declared with <CustomTable>");
            return;
        }
        ctx.add(new EnsureTableSymbol(id, e.location()));
    }
}
