package dev.ssprkit.cab.lzx;

import java.io.IOException;

/** The LZX data is corrupt or truncated; the message says what was found (the caller adds where). */
public final class LzxDataException extends IOException {
    public LzxDataException(String message) {
        super(message);
    }
}
