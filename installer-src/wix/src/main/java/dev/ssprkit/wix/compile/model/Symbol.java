package dev.ssprkit.wix.compile.model;

import dev.ssprkit.wix.diag.SourceLocation;

/** Something a source defines: a kind, an id unique within the kind, and where it was written. */
public interface Symbol {
    Kind kind();

    String id();

    SourceLocation location();
}
