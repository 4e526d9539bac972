package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.schema.Category;
import dev.ssprkit.msi.schema.Column;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Formats;
import dev.ssprkit.validate.Rule;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * ICE69: {@code [#file]}, {@code [!file]} and {@code [$component]} references in formatted columns of rows that
 * belong to a component. A reference to a missing file or component is an error; a reference to one that no
 * feature of the row's component also installs is a warning (it may resolve to nothing when only one feature is
 * installed).
 *
 * <p>A {@code [#key]} naming no file at all stays an error: the SDK's ICE69 page reports any file "not specified in
 * the File table as belonging to the same component", and Windows Installer formats such a key as an empty string
 * (Wine 8 writes an empty registry value for it). A WiX v4+ project whose {@code wix build} passes with one is no
 * counter-evidence: that build runs no ICEs (only {@code wix msi validate} does).
 */
public final class FormattedReferences implements Rule {
    @Override
    public List<String> ices() {
        return List.of("ICE69");
    }

    @Override
    public void check(Context ctx) {
        for (Table table : ctx.db().tables().values()) {
            var standard = StandardSchema.get(table.name());
            if (standard == null || standard.indexOf("Component_") < 0 || table.schema().indexOf("Component_") < 0) continue;
            for (Column col : standard.columns()) {
                if (col.category() != Category.FORMATTED && col.category() != Category.SHORTCUT || table.schema().indexOf(col.name()) < 0) continue;
                for (Row row : table.rows()) {
                    String v = Context.text(row, col.name());
                    if (v == null) continue;
                    String own = Context.text(row, "Component_");
                    for (Formats.Reference ref : Formats.formattedReferences(v)) check(ctx, row, col.name(), own, ref);
                }
            }
        }
    }

    private static void check(Context ctx, Row row, String column, String own, Formats.Reference ref) {
        String targetComponent;
        switch (ref.sigil()) {
            case '#', '!' -> {
                Row file = ctx.find("File", ref.name());
                if (file == null) {
                    ctx.error("ICE69", row, column, "[" + ref.sigil() + ref.name() + "] refers to a file that is not in the File table");
                    return;
                }
                targetComponent = Context.text(file, "Component_");
            }
            case '$' -> {
                if (ctx.find("Component", ref.name()) == null) {
                    ctx.error("ICE69", row, column, "[$" + ref.name() + "] refers to a component that is not in the Component table");
                    return;
                }
                targetComponent = ref.name();
            }
            default -> {
                return;
            }
        }
        if (targetComponent.equals(own)) return;
        Set<String> mine = ctx.featuresOf(own), theirs = ctx.featuresOf(targetComponent);
        if (!mine.isEmpty() && Collections.disjoint(mine, theirs)) {
            ctx.warning("ICE69", row, column, "[" + ref.sigil() + ref.name() + "] refers to component " + targetComponent
                    + ", which no feature of " + own + " installs");
        }
    }
}
