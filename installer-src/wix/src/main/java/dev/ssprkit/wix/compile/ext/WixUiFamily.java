package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.ElementFamily;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.model.Row;

/**
 * The UI extension's {@code <ui:WixUI Id="WixUI_InstallDir" InstallDirectory="INSTALLFOLDER"/>} (WiX v4+): a reference
 * to the named dialog set for the build's platform ({@code WixUI_InstallDir_X64}; with ExtendedPathValidation the
 * {@code _ExtendedPathValidation_} variant), and WIXUI_INSTALLDIR set to the directory, as the WiX documentation
 * describes. The sets themselves are the extension's library sources.
 */
public final class WixUiFamily implements ElementFamily {
    @Override
    public void register(Grammar g) {
        g.on("WixUI", this::wixUi, "Package", "Module", "Fragment", "UI");
    }

    private void wixUi(CompileContext ctx, dev.ssprkit.wix.source.SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id", "InstallDirectory", "ExtendedPathValidation");
        String id = a.id("Id", true);
        String dir = a.id("InstallDirectory", false);
        boolean extended = a.yesNo("ExtendedPathValidation", false);
        ctx.children(e, scope).run();
        if (id == null) return;
        String arch = switch (ctx.platform()) {
            case X64 -> "X64";
            case ARM64 -> "A64";
            default -> "X86";
        };
        ctx.reference("UI", id + (extended ? "_ExtendedPathValidation_" : "_") + arch, a.at("Id"));
        if (dir != null) {
            ctx.reference("Directory", dir, a.at("InstallDirectory"));
            Row p = ctx.row("Property", e.location()).set("Property", "WIXUI_INSTALLDIR").set("Value", dir);
            p.extra("Secure", false).extra("Hidden", false).extra("Admin", false);
        }
    }
}
