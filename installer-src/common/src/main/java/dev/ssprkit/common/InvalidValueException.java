package dev.ssprkit.common;

/**
 * A value the caller chose is not allowed (a property name, a protocol mask, a password source, a build time). An
 * {@link IllegalArgumentException}, so API callers see the usual type; front ends report it as a usage error
 * ({@link ExitStatus#USAGE}), unlike other {@code IllegalArgumentException}s, which are bugs.
 */
public class InvalidValueException extends IllegalArgumentException implements Classified {
    public InvalidValueException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.USAGE;
    }
}
