package dev.ssprkit.registry;

import java.io.IOException;

/** A .reg file that cannot be read: names the line. */
public class RegFileException extends IOException {
    private final int line;

    public RegFileException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
