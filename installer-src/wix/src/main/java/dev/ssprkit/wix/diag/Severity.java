package dev.ssprkit.wix.diag;

import java.util.Locale;

/** How bad a diagnostic is. Only errors fail a run. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word used in formatted output: {@code error}, {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
