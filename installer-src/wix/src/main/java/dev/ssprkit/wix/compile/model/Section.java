package dev.ssprkit.wix.compile.model;

import dev.ssprkit.wix.diag.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code <Product>}/{@code <Package>} or {@code <Fragment>} defines and references. The linker keeps the
 * product section and, transitively, every fragment that defines something a kept section references.
 */
public final class Section {
    private final boolean product;
    private final SourceLocation location;
    private final List<Object> items = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    public Section(boolean product, SourceLocation location) {
        this.product = product;
        this.location = location;
    }

    public boolean isProduct() {
        return product;
    }

    public SourceLocation location() {
        return location;
    }

    /** Adds a symbol or an unnamed item (a scheduling, a feature-component link...). */
    public <T> T add(T item) {
        items.add(item);
        return item;
    }

    public void reference(Kind kind, String id, SourceLocation at) {
        if (id != null) references.add(new Reference(kind, id, at));
    }

    public List<Object> items() {
        return items;
    }

    public List<Reference> references() {
        return references;
    }
}
