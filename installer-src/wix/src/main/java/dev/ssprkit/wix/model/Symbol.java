package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/**
 * Something a section holds: a table row, or one of the typed records the binder completes (payload, membership,
 * scheduling...). A symbol with a {@link #key()} can be referenced from other sections and must be unique per kind.
 */
public interface Symbol {
    SourceLocation location();

    /** The kind and id other sections reference this symbol by, or null when it cannot be referenced. */
    default SymbolKey key() {
        return null;
    }
}
