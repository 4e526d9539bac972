package dev.ssprkit.sysprep;

import java.nio.file.Path;

/**
 * Input the toolkit refuses to work on: a missing or malformed file, a folder that is not a profile, an unsafe path.
 * The message always names the file or folder; front ends print it and exit with a non-zero status.
 */
public class BadInputException extends RuntimeException {
    private final transient Path file;

    public BadInputException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public BadInputException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file or folder the problem is about. */
    public Path file() {
        return file;
    }
}
