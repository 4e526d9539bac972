package dev.ssprkit.sysprep.unattend;

import java.util.List;

/**
 * What {@link CopyProfileFix} changed, one line each (e.g. "set CopyProfile to true (line 12)"); empty when the
 * file was already right.
 */
public record FixResult(String architecture, List<String> changes) {
    public boolean changed() {
        return !changes.isEmpty();
    }
}
