package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/** {@code <WixVariable Id Value Overridable>}: a value {@code !(wix.Id)} resolves to at bind time. */
public record WixVariableSymbol(String id, String value, boolean overridable, SourceLocation location) implements Symbol {
    @Override
    public SymbolKey key() {
        return new SymbolKey("WixVariable", id);
    }
}
