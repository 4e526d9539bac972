package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/** {@code <EnsureTable Id>}: the standard table exists in the package even without rows. */
public record EnsureTableSymbol(String table, SourceLocation location) implements Symbol {}
