package dev.ssprkit.registry;

import dev.ssprkit.common.Classified;
import dev.ssprkit.common.ErrorKind;

import java.io.IOException;
import java.nio.file.Path;

/** A .reg file that cannot be read: names the file (when read from one) and the line, {@code FILE:LINE: what}. */
public class RegFileException extends IOException implements Classified {
    private final int line;
    private final String what;
    private final transient Path file;

    public RegFileException(int line, String message) {
        this(null, line, message);
    }

    public RegFileException(Path file, int line, String message) {
        super((file == null ? "line " + line : file + ":" + line) + ": " + message);
        this.file = file;
        this.line = line;
        this.what = message;
    }

    /** The same problem, located in {@code file}. */
    RegFileException in(Path file) {
        return new RegFileException(file, line, what);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.BAD_INPUT;
    }

    public int line() {
        return line;
    }

    /** The file, or null for text parsed from memory. */
    public Path file() {
        return file;
    }
}
