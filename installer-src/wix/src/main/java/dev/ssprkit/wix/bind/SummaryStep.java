package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.wix.model.PackageSymbol;
import dev.ssprkit.wix.source.Platform;

/**
 * The summary information stream, as the SDK's summary property pages and WiX fill it: Template
 * ({@code platform;language}), PageCount (the installer version, at least 200 for 64-bit and 500 for arm64),
 * WordCount (1 short names, 2 compressed, 4 administrative image, 8 elevation not required), Security, the text
 * fields, and the database codepage.
 */
final class SummaryStep {
    private final BindContext ctx;

    SummaryStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        PackageSymbol p = ctx.identity;
        int codepage = p.codepage() != null ? p.codepage() : 1252;
        ctx.db.codepage(codepage);
        SummaryInfo s = ctx.db.summary();
        s.codepage = p.summaryCodepage() != null ? p.summaryCodepage() : codepage == 65001 ? 1252 : codepage;
        s.title = ctx.isModule() ? "Merge Module" : "Installation Database";
        s.subject = p.description() != null ? p.description() : p.name();
        s.author = p.summaryManufacturer() != null ? p.summaryManufacturer() : p.manufacturer();
        boolean module = ctx.isModule();
        s.keywords = p.keywords() != null ? p.keywords() : module ? "MergeModule, MSI, database" : "Installer";
        s.comments = p.comments() != null ? p.comments()
                : "This " + (module ? "merge module" : "installer database") + " contains the logic and data required to install " + p.name() + ".";
        String platform = switch (ctx.platform) {
            case X64 -> "x64";
            case ARM64 -> "Arm64";
            default -> "Intel";
        };
        s.template = platform + ";" + p.language();
        int minimum = ctx.platform == Platform.ARM64 ? 500 : ctx.platform == Platform.X64 ? 200 : 0;
        s.pageCount = Math.max(p.installerVersion(), minimum);
        int words = (p.shortNames() ? 1 : 0) | (p.compressed() ? 2 : 0) | (p.adminImage() ? 4 : 0)
                | (p.effectiveScope() == PackageSymbol.InstallScope.PER_USER ? 8 : 0);
        s.wordCount = module ? 0 : words; // WiX writes 0 for a module: its files are always in MergeModule.CABinet
        s.security = p.security() != null ? p.security() : 2;
        s.appName = "ssprkit";
        // a module's revision number is its GUID; a package's code is derived from the content by the writer,
        // unless a step had to fix it earlier (a software tag names it)
        s.revisionNumber = module ? p.productCode() : ctx.packageCode == null ? null : "{" + ctx.packageCode + "}";
    }
}
