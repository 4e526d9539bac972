package dev.ssprkit.wix.compile.model;

import dev.ssprkit.wix.diag.SourceLocation;

/** A use of a symbol by id (ComponentRef, DirectoryRef, a CustomAction's BinaryKey...), resolved by the linker. */
public record Reference(Kind kind, String id, SourceLocation location) {}
