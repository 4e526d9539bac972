package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.model.DefaultMajorUpgradeSymbol;
import dev.ssprkit.wix.model.PackageSymbol;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Scheduled;

import java.util.Map;

/**
 * WiX v6's default major upgrade (Package/@UpgradeStrategy, majorUpgrade unless "none"; the WiX schema: "a default
 * major upgrade will be provided if you don't" author one). When the linked package has an UpgradeCode and no Upgrade
 * row that removes something (every authored one is detect-only, Attributes 0x2), it gets what a bare
 * {@code <MajorUpgrade>} gives: an Upgrade row finding older versions (WIX_UPGRADE_DETECTED, MigrateFeatures), a
 * detect-only row finding newer ones (WIX_DOWNGRADE_DETECTED), the launch condition {@code NOT WIX_DOWNGRADE_DETECTED}
 * and RemoveExistingProducts after InstallValidate, overridable by the source's own placement. WiX v4 and v5 did not
 * do this; {@code UpgradeStrategy="none"} keeps their behaviour.
 *
 * <p>The message is the project's {@code WixDowngradePreventedMessage} string when its .wxl defines one (WiX's
 * string id), else ssprkit's own wording in the package's language where we have one.
 */
final class DefaultUpgradeStep {
    static final String MESSAGE_ID = "WixDowngradePreventedMessage";
    /** Our own texts, by LANGID; Japanese only in a code page 932 package (it cannot be written in 1252). */
    private static final Map<Integer, String> MESSAGES = Map.of(
            1033, "This computer already has a later version of [ProductName]. Setup ends without changing anything.",
            1031, "Auf diesem Computer ist bereits eine neuere Version von [ProductName] installiert. Das Setup wird ohne Änderungen beendet.",
            1036, "Une version plus récente de [ProductName] est déjà installée sur cet ordinateur. L'installation se termine sans rien modifier.",
            3082, "Este equipo ya tiene una versión posterior de [ProductName]. El programa de instalación termina sin hacer cambios.",
            1041, "このコンピューターには [ProductName] の新しいバージョンがすでにインストールされています。変更を加えずにセットアップを終了します。");

    private final BindContext ctx;

    DefaultUpgradeStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        var wanted = ctx.linked.all(DefaultMajorUpgradeSymbol.class);
        PackageSymbol p = ctx.linked.identity();
        if (wanted.isEmpty() || p == null || p.upgradeCode() == null) return;
        for (Row up : ctx.rows("Upgrade")) {
            Object attributes = up.get("Attributes");
            if (!(attributes instanceof Integer bits) || (bits & 0x2) == 0) return; // the package authors its own upgrade
        }
        var at = wanted.get(0).location();
        // the cells the package knows (code, version, language) are filled by IdentityStep, as for <MajorUpgrade>
        ctx.linked.add(new Row(StandardSchema.require("Upgrade"), at).set("Attributes", 0x1).set("ActionProperty", "WIX_UPGRADE_DETECTED")
                .extra("FromPackage", true).extra("VersionMaxFromPackage", true));
        ctx.linked.add(new Row(StandardSchema.require("Upgrade"), at).set("Attributes", 0x2).set("ActionProperty", "WIX_DOWNGRADE_DETECTED")
                .extra("FromPackage", true).extra("VersionMinFromPackage", true));
        ctx.linked.add(new Row(StandardSchema.require("LaunchCondition"), at).set("Condition", "NOT WIX_DOWNGRADE_DETECTED").set("Description", message(p)));
        boolean placed = ctx.linked.all(Scheduled.class).stream()
                .anyMatch(s -> s.table().equals("InstallExecuteSequence") && s.action().equals("RemoveExistingProducts"));
        if (!placed) {
            ctx.linked.add(new Scheduled("InstallExecuteSequence", "RemoveExistingProducts", null, null, null, "InstallValidate", false, true, at));
        }
    }

    private String message(PackageSymbol p) {
        if (ctx.options.localization().containsKey(MESSAGE_ID)) return "!(loc." + MESSAGE_ID + ")";
        int language = p.language() != 0 ? p.language() : ctx.options.cultureLanguage() != null ? ctx.options.cultureLanguage() : 1033;
        Integer codepage = p.codepage() != null ? p.codepage() : ctx.options.cultureCodepage();
        String text = MESSAGES.get(language);
        if (text == null || (language == 1041 && !Integer.valueOf(932).equals(codepage))) return MESSAGES.get(1033);
        return text;
    }
}
