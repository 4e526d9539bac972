package dev.ssprkit.wix.model;

import dev.ssprkit.wix.diag.SourceLocation;

/**
 * An action placed in a sequence table: exactly one of sequence, before and after is set, unless the entry only
 * suppresses a standard action or only changes its condition (a standard action named without placement keeps its
 * default number).
 *
 * @param overridable another placement of the same action may replace this one (WiX's Overridable="yes")
 */
public record Scheduled(String table, String action, String condition, Integer sequence, String before, String after,
                        boolean suppress, boolean overridable, SourceLocation location) implements Symbol {
    @Override
    public SymbolKey key() {
        return new SymbolKey("WixAction", table + "/" + action);
    }
}
