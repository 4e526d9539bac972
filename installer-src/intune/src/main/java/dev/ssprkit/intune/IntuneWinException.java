package dev.ssprkit.intune;

import java.io.IOException;

/** A .intunewin (or its Detection.xml) that is malformed, tampered with or beyond the reading limits; names the file and part. */
public final class IntuneWinException extends IOException {
    public IntuneWinException(String where, String message) {
        super(where + ": " + message);
    }

    public IntuneWinException(String where, String message, Throwable cause) {
        super(where + ": " + message, cause);
    }
}
