package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.model.Section;
import dev.ssprkit.wix.source.Platform;
import dev.ssprkit.wix.source.SourceDocument;
import dev.ssprkit.wix.source.SourceElement;
import dev.ssprkit.wix.source.SourceRoots;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compile phase: turns each preprocessed document into sections of symbols (one per Product/Package/Module and
 * one per Fragment). Which element compiles how lives in the element families the {@link Grammar} holds; this class
 * only walks the document's root. Problems go to the diagnostics; compilation carries on to report them all.
 */
public final class Compiler {
    private final Diagnostics diagnostics;
    private final Grammar grammar;
    private final Platform platform;
    private final SourceRoots roots;
    private final BindPaths bindPaths;
    /** Tables declared by CustomTable elements and extensions, shared by every document of the build. */
    private final Map<String, TableSchema> customTables = new HashMap<>();
    private final Set<WixExtension> usedExtensions = new LinkedHashSet<>();
    private dev.ssprkit.wix.source.PayloadPrefetch prefetch = dev.ssprkit.wix.source.PayloadPrefetch.NONE;

    public Compiler(Diagnostics diagnostics, Grammar grammar, Platform platform, SourceRoots roots, BindPaths bindPaths) {
        this.diagnostics = diagnostics;
        this.grammar = grammar;
        this.platform = platform;
        this.roots = roots;
        this.bindPaths = bindPaths;
    }

    /** A compiler with the standard grammar that reads payload from anywhere (tests, tools). */
    public Compiler(Diagnostics diagnostics, Platform platform) {
        this(diagnostics, Grammar.standard(), platform, SourceRoots.unconfined(), BindPaths.none());
    }

    /** Payload paths the compiler accepts are handed to {@code prefetch} to be read while compiling goes on. */
    public Compiler prefetching(dev.ssprkit.wix.source.PayloadPrefetch prefetch) {
        this.prefetch = prefetch;
        return this;
    }

    public List<Section> compile(SourceDocument doc) {
        if (!doc.hasRoot() || doc.namespace().isEmpty()) return List.of();
        CompileContext ctx = new CompileContext(diagnostics, grammar, doc.namespace().get(), doc.path(), platform, roots,
                bindPaths, customTables, usedExtensions, prefetch);
        SourceElement root = doc.root();
        ctx.previewDialect(doc.namespace().get() == dev.ssprkit.wix.source.WixNamespace.V4 && root.firstChild("Product").isPresent());
        ctx.attrs(root, "RequiredVersion");
        ctx.children(root, Scope.ROOT).run();
        if (entryGeneration == null && ctx.sections().stream().anyMatch(Section::isEntry)) {
            entryGeneration = doc.namespace().get() == dev.ssprkit.wix.source.WixNamespace.V4
                    ? dev.ssprkit.ca.SchemaGeneration.V4 : dev.ssprkit.ca.SchemaGeneration.V3;
        }
        return List.copyOf(ctx.sections());
    }

    private dev.ssprkit.ca.SchemaGeneration entryGeneration;

    /**
     * Whose names the build's custom-action library uses where a name alone does not say ({@code WIX_*} property
     * references): the generation of the document that holds the Product/Package/Module (WiX v3 until one is seen).
     */
    public dev.ssprkit.ca.SchemaGeneration entryGeneration() {
        return entryGeneration == null ? dev.ssprkit.ca.SchemaGeneration.V3 : entryGeneration;
    }

    /** The extensions the compiled documents used (for -ext checks and for the extensions' binder steps). */
    public Set<WixExtension> usedExtensions() {
        return usedExtensions;
    }

    /** Tables declared so far (CustomTable elements, extensions). */
    public Map<String, TableSchema> customTables() {
        return customTables;
    }
}
