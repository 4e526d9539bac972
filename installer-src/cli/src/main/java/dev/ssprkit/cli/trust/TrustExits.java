package dev.ssprkit.cli.trust;

import dev.ssprkit.cli.Sspr;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * How the trust commands turn a library exception into one line on stderr and an exit status, the same way whether
 * they run under {@code sspr} or alone (tests): {@link Sspr}'s codes, never a stack trace, and only messages the
 * libraries built (the signer's are already scrubbed of secrets).
 */
final class TrustExits {
    private TrustExits() {}

    static int report(CommandLine.Model.CommandSpec spec, Exception e, int code) {
        spec.commandLine().getErr().println("sspr " + spec.name() + ": " + message(e));
        return code;
    }

    static String message(Throwable e) {
        if (e instanceof NoSuchFileException n) return n.getFile() + ": no such file";
        if (e instanceof AccessDeniedException a) return a.getFile() + ": access denied";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** BAD_INPUT for a file that is not what the command reads, IO_ERROR for other I/O failures. */
    static int ioCode(IOException e) {
        return e instanceof NoSuchFileException || e instanceof AccessDeniedException ? Sspr.IO_ERROR : Sspr.BAD_INPUT;
    }
}
