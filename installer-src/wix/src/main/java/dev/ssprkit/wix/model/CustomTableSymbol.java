package dev.ssprkit.wix.model;

import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.diag.SourceLocation;

/**
 * A table the source declares ({@code <CustomTable>} with {@code <Column>}s) or an extension brings. The table is
 * created in the package even when it has no rows, as WiX does for declared tables.
 *
 * @param unreal the table only exists in the build (WiX's Unreal="yes"): its rows are not written
 */
public record CustomTableSymbol(TableSchema schema, boolean unreal, SourceLocation location) implements Symbol {
    @Override
    public SymbolKey key() {
        return new SymbolKey("CustomTable", schema.name());
    }
}
