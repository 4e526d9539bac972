package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/**
 * A use of a symbol by kind and id (ComponentRef, DirectoryRef, a CustomAction's BinaryRef...). The linker pulls in
 * the section that defines it and reports it when nothing does; {@code optional} references only pull sections in
 * (WiX's "if present" references, e.g. a UI dialog referenced by a Publish that may be absent).
 */
public record Reference(SymbolKey target, SourceLocation location, boolean optional) {
    public Reference(String kind, String id, SourceLocation location) {
        this(new SymbolKey(kind, id), location, false);
    }
}
