package dev.ssprkit.common;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What kind of failure an exception reports, so that every front end (the {@code sspr} command, its {@code sysprep}
 * subcommands, the Maven plugin) maps it to the same {@link ExitStatus} and wording. A library exception says its
 * kind by implementing {@link Classified}; front ends never look at message text.
 */
public enum ErrorKind {
    /** The work could not be done although the input was fine: a keystore refused the key, a service did not answer. */
    FAILED,
    /** A value the caller chose is not allowed: an option, a property name, a configuration entry. */
    USAGE,
    /** A file the caller gave is not what it should be: WiX source errors, not an MSI, corrupt, malformed. */
    BAD_INPUT,
    /** Reading or writing failed: a missing file, no permission, a full disk. */
    IO,
    /** Not possible here: needs Windows (live registry, sysprep.exe), or a format variant not implemented. */
    UNSUPPORTED,
    /** A bug in the toolkit: never the user's fault, reported as such. */
    INTERNAL;

    /**
     * The kind of {@code failure}: its own when it is {@link Classified}, {@link #IO} for any other
     * {@link IOException} (unwrapping {@link UncheckedIOException}), {@link #INTERNAL} for everything else: an
     * unexpected runtime exception (a {@code NullPointerException}, an {@code IllegalStateException}) is a bug.
     */
    public static ErrorKind of(Throwable failure) {
        if (failure instanceof Classified c) return c.kind();
        if (failure instanceof UncheckedIOException u && u.getCause() != null) return of(u.getCause());
        if (failure instanceof IOException) return IO;
        return INTERNAL;
    }
}
