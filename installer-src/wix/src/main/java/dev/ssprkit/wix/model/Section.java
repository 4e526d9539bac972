package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code <Product>}/{@code <Package>}/{@code <Module>} or {@code <Fragment>} defines and references. The
 * linker keeps the entry section and, transitively, every fragment that defines something a kept section references.
 */
public final class Section {
    /** What kind of output an entry section describes; fragments have none. */
    public enum Type { PRODUCT, MODULE, PATCH_FAMILY, FRAGMENT }

    private final Type type;
    private final String id;
    private final SourceLocation location;
    private final List<Symbol> symbols = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    public Section(Type type, String id, SourceLocation location) {
        this.type = type;
        this.id = id;
        this.location = location;
    }

    public Type type() {
        return type;
    }

    /** The Fragment's Id (may be null), or the entry's. */
    public String id() {
        return id;
    }

    public boolean isEntry() {
        return type != Type.FRAGMENT;
    }

    public SourceLocation location() {
        return location;
    }

    public <T extends Symbol> T add(T symbol) {
        symbols.add(symbol);
        return symbol;
    }

    public void reference(String kind, String id, SourceLocation at) {
        if (id != null) references.add(new Reference(kind, id, at));
    }

    /** A reference that pulls the defining section in when there is one, and is no error when there is none. */
    public void optionalReference(String kind, String id, SourceLocation at) {
        if (id != null) references.add(new Reference(new SymbolKey(kind, id), at, true));
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    public List<Reference> references() {
        return references;
    }

    @Override
    public String toString() {
        return type + (id == null ? "" : " " + id) + " at " + location;
    }
}
