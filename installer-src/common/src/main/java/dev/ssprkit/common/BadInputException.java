package dev.ssprkit.common;

import java.nio.file.Path;

/**
 * Input the toolkit refuses to work on: a malformed file, a folder that is not a profile, an unsafe path. The message
 * always names the file or folder ({@code FILE: what is wrong}); front ends print it and exit with
 * {@link ExitStatus#BAD_INPUT}.
 */
public class BadInputException extends RuntimeException implements Classified {
    private final transient Path file;

    public BadInputException(Path file, String message) {
        this(file, message, null);
    }

    public BadInputException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file or folder the problem is about. */
    public Path file() {
        return file;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.BAD_INPUT;
    }
}
