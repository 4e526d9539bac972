package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.CustomActionLibrary;
import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.ca.SchemaGeneration;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

/**
 * What every element backed by ssprkit's custom-action library does besides its own row: find what its family
 * compiles to for the element's WiX generation (its namespace: v3's {@code schemas.microsoft.com} or v4's
 * {@code wixtoolset.org}) and the build's architecture, declare the family's table, and reference the family's
 * scheduling action, which pulls in the library fragment with the CustomAction rows, placements and Binary
 * ({@link CustomActionLibrarySections}), as WiX's compiler references its wixlib's actions.
 */
final class LibraryElements {
    private LibraryElements() {}

    static SchemaGeneration generation(SourceElement e) {
        return e.namespaceUri().startsWith("http://wixtoolset.org/") ? SchemaGeneration.V4 : SchemaGeneration.V3;
    }

    /** The family's support, after declaring its tables and referencing it. */
    static ElementSupport use(CompileContext ctx, SourceElement e, String shown, ElementFamily family) {
        ElementSupport s = CustomActionLibrary.support(family, generation(e), CustomActionLibrarySections.architecture(ctx.platform()));
        for (TableSchema t : s.tables()) ctx.declareTable(t);
        ctx.reference("CustomAction", s.customActions().get(0).action(), e.location());
        return s;
    }

    /** A row of the family's (first) table, cells in the table's column order. */
    static Row row(CompileContext ctx, ElementSupport s, SourceElement e, Object... cells) {
        Row r = ctx.row(s.tables().get(0).name(), e.location());
        for (int i = 0; i < cells.length; i++) r.set(i, cells[i]);
        return r;
    }
}
