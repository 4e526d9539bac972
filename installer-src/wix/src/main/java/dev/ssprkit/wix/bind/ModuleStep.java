package dev.ssprkit.wix.bind;

import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.cab.CabinetWriter;
import dev.ssprkit.cab.WixCompressionLevel;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.EnsureTableSymbol;
import dev.ssprkit.wix.model.ModuleTables;
import dev.ssprkit.wix.model.PackageSymbol;
import dev.ssprkit.wix.model.Row;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a merge module a module (the SDK's "Merge Module Database" and "Authoring Merge Modules"): its
 * ModuleSignature row (ModuleID, Language, Version), a ModuleComponents row for every component, the tables every
 * module has (Component, Directory, FeatureComponents, File, and the empty standard sequence tables a merge tool
 * writes into), the module's GUID appended to its ids ({@link Modularizer}), and its files in the
 * {@code MergeModule.CABinet} stream, in File.Sequence order, named by their (modularized) File keys.
 */
final class ModuleStep {
    static final String CABINET = "MergeModule.CABinet";
    /** Tables a package has and a module must not (WiX reports them as unexpected in a merge module). */
    private static final Set<String> PACKAGE_ONLY = Set.of("Feature", "Media", "Upgrade", "LaunchCondition", "Patch", "BBControl",
            "Billboard", "CCPSearch");

    private final BindContext ctx;

    ModuleStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        PackageSymbol p = ctx.identity;
        if (p.productCode() == null) return; // reported by the compiler
        for (String table : PACKAGE_ONLY) {
            for (Row r : ctx.rows(table)) {
                ctx.report(CompilerMessage.UNSUPPORTED, r.location(), "a " + table + " row in a merge module",
                        "a module has no features, media or launch conditions of its own; the package that merges it does");
            }
        }
        for (dev.ssprkit.wix.model.MergeSymbol m : ctx.linked.all(dev.ssprkit.wix.model.MergeSymbol.class)) {
            ctx.report(CompilerMessage.NOT_SUPPORTED_YET, m.location(), "<Merge> inside a merge module",
                    "merge both modules into the package instead (and say the dependency with <Dependency>)");
        }
        int language = p.language();
        ctx.linked.add(moduleRow("ModuleSignature", p).set("ModuleID", p.id()).set("Language", language).set("Version", p.version()));
        for (Row c : new ArrayList<>(ctx.rows("Component"))) {
            ctx.linked.add(moduleRow("ModuleComponents", p).set("Component", c.str("Component")).set("ModuleID", p.id()).set("Language", language));
        }
        for (String table : List.of("ModuleDependency", "ModuleExclusion")) {
            for (Row r : ctx.rows(table)) r.set("ModuleLanguage", language); // a language from a .wxl is known only now
        }
        for (String table : List.of("Component", "Directory", "FeatureComponents", "File", "CustomAction", "AdminExecuteSequence",
                "AdminUISequence", "AdvtExecuteSequence", "InstallExecuteSequence", "InstallUISequence")) {
            ctx.linked.add(new EnsureTableSymbol(table, p.location()));
        }
        if (ctx.failed()) return;
        List<BindContext.FileFacts> files = new ArrayList<>();
        for (Row r : ctx.rows("File")) {
            BindContext.FileFacts f = ctx.files.get(r.str("File"));
            if (f != null) files.add(f);
        }
        new Modularizer(ctx, p.productCode()).run();
        writeCabinet(files);
    }

    private static Row moduleRow(String table, PackageSymbol p) {
        return new Row(ModuleTables.require(table), p.location());
    }

    /** MergeModule.CABinet: every file, named by its File key, in sequence order; MsiFileHash for unversioned ones. */
    private void writeCabinet(List<BindContext.FileFacts> files) {
        if (files.isEmpty()) return;
        CabinetWriter writer = new CabinetWriter(options());
        Map<String, BindContext.FileFacts> byName = new HashMap<>();
        int sequence = 0;
        for (BindContext.FileFacts f : files) {
            String key = f.row.str("File");
            f.row.set("Sequence", ++sequence);
            writer.add(key, f.source());
            byName.put(key, f);
        }
        writer.md5((entry, md5) -> {
            BindContext.FileFacts f = byName.get(entry);
            if (f != null) f.md5 = md5;
        });
        Path cab = ctx.options.workDirectory().resolve("module.cab");
        try {
            writer.write(cab);
        } catch (IOException e) {
            ctx.report(CompilerMessage.CABINET_FAILED, ctx.identity.location(), CABINET,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), "check the payload files and the free space of the temporary folder");
            return;
        }
        ctx.db.putStream(CABINET, StreamData.of(cab));
        for (BindContext.FileFacts f : files) {
            if (f.version == null && f.md5 != null) MediaStep.fileHash(ctx, f);
        }
    }

    /**
     * The build's compression level as WiX reads it (none stores, low/medium/high are LZX:15/18/21, mszip); without
     * one, MSZIP, as for a package's cabinets. A merge re-compresses the files into the package's cabinet anyway.
     */
    private CabOptions options() {
        CabOptions.Builder b = CabOptions.builder();
        String level = ctx.options.compression();
        if (level == null) return b.build();
        WixCompressionLevel.parseIgnoringCase(level).orElseThrow(() -> new IllegalStateException("unchecked CompressionLevel " + level)).applyTo(b);
        return b.build();
    }

    /** The declaration rows of {@code table} go into (the standard schema declares the merge-module tables too). */
    static TableSchema schema(String table) {
        return StandardSchema.get(table);
    }
}
