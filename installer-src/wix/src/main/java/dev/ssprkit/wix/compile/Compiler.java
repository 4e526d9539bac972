package dev.ssprkit.wix.compile;

import dev.ssprkit.wix.compile.actions.ActionHandler;
import dev.ssprkit.wix.compile.features.FeatureHandler;
import dev.ssprkit.wix.compile.files.ComponentHandler;
import dev.ssprkit.wix.compile.files.DirectoryHandler;
import dev.ssprkit.wix.compile.files.ShortcutHandler;
import dev.ssprkit.wix.compile.model.Section;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.compile.product.ProductHandler;
import dev.ssprkit.wix.compile.product.UpgradeHandler;
import dev.ssprkit.wix.compile.registry.RegistryHandler;
import dev.ssprkit.wix.compile.services.ServiceHandler;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.source.SourceDocument;
import dev.ssprkit.wix.source.SourceElement;
import dev.ssprkit.wix.source.SourceRoots;
import dev.ssprkit.wix.source.WixNamespace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compile phase: turns each preprocessed document into sections of symbols (one per Product/Package and one per
 * Fragment). Element handling lives in one class per family; this class only wires them and walks the root and the
 * section-level elements. Problems go to the diagnostics; compilation carries on to report them all.
 */
public final class Compiler {
    /** A compiled section and, for a product section, the product's identity. */
    public record Compiled(Section section, Symbols.Product product) {}

    private final Diagnostics diagnostics;
    private final boolean x64;
    private final SourceRoots roots;

    /** A compiler that reads payload from anywhere (no confinement; {@code WixBuild} confines). */
    public Compiler(Diagnostics diagnostics, boolean x64) {
        this(diagnostics, x64, SourceRoots.unconfined());
    }

    /** A compiler whose File/@Source, Binary/@SourceFile and Icon/@SourceFile must lie under {@code roots}. */
    public Compiler(Diagnostics diagnostics, boolean x64, SourceRoots roots) {
        this.diagnostics = diagnostics;
        this.x64 = x64;
        this.roots = java.util.Objects.requireNonNull(roots);
    }

    public List<Compiled> compile(SourceDocument doc) {
        List<Compiled> out = new ArrayList<>();
        if (!doc.hasRoot() || doc.namespace().isEmpty()) return out;
        WixNamespace ns = doc.namespace().get();
        Path dir = doc.path().toAbsolutePath().getParent();
        CompileContext ctx = new CompileContext(diagnostics, ns, dir, x64, roots);
        Handlers h = new Handlers(ctx);
        SourceElement root = doc.root();
        ctx.attrs(root, "RequiredVersion");
        ctx.children(root)
                .onIf(ns == WixNamespace.V3, "Product", e -> out.add(section(ctx, h, e, true)))
                .onIf(ns == WixNamespace.V4, "Package", e -> out.add(section(ctx, h, e, true)))
                .on("Fragment", e -> out.add(section(ctx, h, e, false)))
                .run();
        return out;
    }

    private Compiled section(CompileContext ctx, Handlers h, SourceElement e, boolean product) {
        Section section = new Section(product, e.location());
        ctx.section(section);
        Symbols.Product identity = null;
        if (product) {
            identity = ctx.v4() ? h.product.v4Package(e)
                    : h.product.v3Product(e, e.firstChild("Package").orElse(null));
        } else {
            Attrs a = ctx.attrs(e, "Id");
            a.id("Id", false);
        }
        boolean v4 = ctx.v4();
        ctx.children(e)
                .onIf(product && !v4, "Package", x -> { })
                .onIf(product && v4, "SummaryInformation", x -> { })
                .on("Media", h.product::media)
                .on("MediaTemplate", h.product::mediaTemplate)
                .onIf(product, "MajorUpgrade", h.upgrade::majorUpgrade)
                .on("Upgrade", h.upgrade::upgrade)
                .on("Property", h.product::property)
                .on("SetProperty", h.actions::setProperty)
                .onIf(!v4, "Condition", h.product::v3LaunchCondition)
                .onIf(v4, "Launch", h.product::v4Launch)
                .on("Directory", x -> h.directories.directory(x, null))
                .on("DirectoryRef", h.directories::directoryRef)
                .onIf(v4, "StandardDirectory", h.directories::standardDirectory)
                .onIf(v4, "Component", x -> h.components.component(x, new ComponentHandler.Scope(null, null, null)))
                .on("ComponentGroup", h.components::componentGroup)
                .on("Feature", x -> h.features.feature(x, null))
                .on("FeatureRef", h.features::featureRef)
                .on("CustomAction", h.actions::customAction)
                .on("Binary", x -> h.actions.binary(x, false))
                .on("Icon", x -> h.actions.binary(x, true))
                .on("InstallExecuteSequence", h.actions::sequence)
                .on("InstallUISequence", h.actions::sequence)
                .on("AdminExecuteSequence", h.actions::sequence)
                .on("AdminUISequence", h.actions::sequence)
                .on("AdvtExecuteSequence", h.actions::sequence)
                .run();
        return new Compiled(section, identity);
    }

    /** One instance of each family's handler for a document, wired to each other. */
    private static final class Handlers {
        final ProductHandler product;
        final UpgradeHandler upgrade;
        final ComponentHandler components;
        final DirectoryHandler directories;
        final FeatureHandler features;
        final ActionHandler actions;

        Handlers(CompileContext ctx) {
            product = new ProductHandler(ctx);
            upgrade = new UpgradeHandler(ctx);
            components = new ComponentHandler(ctx);
            components.wire(new RegistryHandler(ctx), new ServiceHandler(ctx), new ShortcutHandler(ctx));
            directories = new DirectoryHandler(ctx, components);
            features = new FeatureHandler(ctx, components);
            actions = new ActionHandler(ctx);
        }
    }
}
