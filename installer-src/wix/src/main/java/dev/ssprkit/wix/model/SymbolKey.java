package dev.ssprkit.wix.model;

/**
 * The identity symbols are linked by: a kind (a table name such as {@code Component}, or a WiX-only kind such as
 * {@code ComponentGroup}) and an id (the row's primary key).
 */
public record SymbolKey(String kind, String id) {
    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
