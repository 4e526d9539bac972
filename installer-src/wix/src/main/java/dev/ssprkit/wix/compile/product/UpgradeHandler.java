package dev.ssprkit.wix.compile.product;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.source.SourceElement;

/** MajorUpgrade, and Upgrade with UpgradeVersion rows for authored upgrade detection. */
public final class UpgradeHandler {
    private final CompileContext ctx;

    public UpgradeHandler(CompileContext ctx) {
        this.ctx = ctx;
    }

    public void majorUpgrade(SourceElement e) {
        Attrs a = ctx.attrs(e, "DowngradeErrorMessage", "AllowSameVersionUpgrades", "AllowDowngrades", "Schedule");
        if (a.yesNo("AllowDowngrades", false)) {
            ctx.report(CompilerMessage.UNSUPPORTED, a.at("AllowDowngrades"), "AllowDowngrades=\"yes\"", "packages always refuse to downgrade; give DowngradeErrorMessage");
        }
        String message = a.required("DowngradeErrorMessage");
        String schedule = a.oneOf("Schedule", "afterInstallValidate", "afterInstallValidate", "afterInstallInitialize", "afterInstallFinalize");
        int sequence = switch (schedule) {
            case "afterInstallInitialize" -> 1501;
            case "afterInstallFinalize" -> 6601;
            default -> 1401;
        };
        ctx.children(e).run();
        if (message != null) {
            ctx.section().add(new Symbols.MajorUpgrade(message, a.yesNo("AllowSameVersionUpgrades", false), sequence, e.location()));
        }
    }

    public void upgrade(SourceElement e) {
        Attrs a = ctx.attrs(e, "Id");
        String code = a.guid("Id", true, false, false);
        ctx.children(e).on("UpgradeVersion", c -> version(c, code)).run();
    }

    private void version(SourceElement e, String code) {
        Attrs a = ctx.attrs(e, "Minimum", "Maximum", "IncludeMinimum", "IncludeMaximum", "Language", "ExcludeLanguages",
                "OnlyDetect", "IgnoreRemoveFailure", "MigrateFeatures", "Property", "RemoveFeatures");
        String min = a.version("Minimum", false);
        String max = a.version("Maximum", false);
        if (!a.has("Minimum") && !a.has("Maximum")) {
            ctx.report(CompilerMessage.MISSING_ONE_OF, e.location(), "UpgradeVersion", "Minimum or Maximum", "");
        }
        String property = a.id("Property", true);
        if (property != null && !property.equals(property.toUpperCase(java.util.Locale.ROOT))) {
            ctx.report(CompilerMessage.BAD_VALUE, a.at("Property"), "Property", property, "an upgrade's action property must be public (upper case)");
        }
        int attributes = (a.yesNo("MigrateFeatures", false) ? 0x1 : 0) | (a.yesNo("OnlyDetect", false) ? 0x2 : 0)
                | (a.yesNo("IgnoreRemoveFailure", false) ? 0x4 : 0) | (a.yesNo("IncludeMinimum", true) && min != null ? 0x100 : 0)
                | (a.yesNo("IncludeMaximum", false) && max != null ? 0x200 : 0) | (a.yesNo("ExcludeLanguages", false) ? 0x400 : 0);
        ctx.children(e).run();
        if (code != null && property != null) {
            ctx.section().add(new Symbols.Upgrade(code, min, max, a.str("Language"), attributes, a.str("RemoveFeatures"), property, e.location()));
        }
    }
}
