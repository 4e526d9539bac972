package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/**
 * A v4+ {@code <Package>} whose UpgradeStrategy is majorUpgrade (WiX v6's default): when the linked package authors no
 * upgrade of its own, the binder gives it the major upgrade {@code <MajorUpgrade>} would ({@code DefaultUpgradeStep}).
 */
public record DefaultMajorUpgradeSymbol(SourceLocation location) implements Symbol {}
