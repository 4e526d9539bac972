package dev.ssprkit.cab;

import java.io.IOException;

/**
 * The one exception type for a cabinet that cannot be written (bad entry, source changed while reading) or read
 * (truncated, corrupt, unsupported). Messages name the cabinet or entry and say what was wrong.
 */
public class CabinetException extends IOException {
    private static final long serialVersionUID = 1L;

    public CabinetException(String message) {
        super(message);
    }

    public CabinetException(String message, Throwable cause) {
        super(message, cause);
    }
}
