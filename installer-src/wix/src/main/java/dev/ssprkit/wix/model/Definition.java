package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/**
 * A named thing that exists only in the build, not as a table row: a ComponentGroup, FeatureGroup, UI, PatchFamily...
 * References to it pull in its section; defining it twice is an error.
 */
public record Definition(String kind, String id, SourceLocation location) implements Symbol {
    @Override
    public SymbolKey key() {
        return new SymbolKey(kind, id);
    }
}
