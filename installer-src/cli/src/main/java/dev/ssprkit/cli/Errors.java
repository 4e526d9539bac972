package dev.ssprkit.cli;

import dev.ssprkit.cab.CabinetException;
import dev.ssprkit.msi.MsiException;
import dev.ssprkit.registry.RegFileException;
import picocli.CommandLine;

import java.io.IOException;

/** Translates library exceptions into one line on stderr and an exit status; no stack traces for expected errors. */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + message(e));
        return exitCode(e);
    }

    static int exitCode(Throwable e) {
        if (e instanceof CliFailure f) return f.status;
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) return exitCode(u.getCause());
        if (e instanceof CommandLine.ParameterException) return Sspr.USAGE;
        if (e instanceof RegFileException) return Sspr.BAD_INPUT;
        if (e instanceof MsiException || e instanceof CabinetException) return Sspr.BAD_INPUT;
        if (e instanceof dev.ssprkit.intune.IntuneWinException) return Sspr.BAD_INPUT;
        if (e instanceof IllegalArgumentException) return Sspr.USAGE;
        if (e instanceof IOException) return Sspr.IO_ERROR;
        return Sspr.FAILED;
    }

    static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException n) return n.getFile() + ": no such file";
        if (e instanceof java.nio.file.AccessDeniedException a) return a.getFile() + ": access denied";
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) return message(u.getCause());
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
