package dev.ssprkit.common;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;

/**
 * The one line a front end prints for a failure: the library's message for expected errors (it names the file and
 * what to do), the JDK's file exceptions in words, and for a bug {@link #internal} — never a domain message that
 * would blame the user.
 */
public final class FailureText {
    /** Environment variable that turns on stack traces for internal errors, like {@code --debug}. */
    public static final String DEBUG_VARIABLE = "SSPR_DEBUG";

    private FailureText() {}

    /** The message for people: {@code FILE: no such file} and the like, else the exception's own message. */
    public static String message(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) return message(u.getCause());
        if (e instanceof NoSuchFileException n) return file(n, "no such file");
        if (e instanceof AccessDeniedException a) return file(a, "access denied");
        if (e instanceof FileAlreadyExistsException f) return file(f, "already exists");
        if (e instanceof DirectoryNotEmptyException d) return file(d, "folder is not empty");
        if (e instanceof NotDirectoryException d) return file(d, "not a folder");
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String file(FileSystemException e, String what) {
        return e.getFile() + ": " + (e.getReason() != null ? e.getReason() : what);
    }

    /**
     * {@code internal error — please report it (...): java.lang.NullPointerException: ...}; never the user's fault.
     * {@code howToSeeTheStackTrace} ends it, e.g. "run again with --debug", or is null when the trace follows.
     */
    public static String internal(Throwable bug, String howToSeeTheStackTrace) {
        String what = bug.getClass().getName() + (bug.getMessage() == null ? "" : ": " + bug.getMessage());
        return "internal error — please report it (this is a bug in ssprkit, not a problem with your input): " + what
                + (howToSeeTheStackTrace == null ? "" : "; " + howToSeeTheStackTrace + " for the stack trace");
    }

    /** True when the environment asks for stack traces ({@code SSPR_DEBUG=1} or {@code true}). */
    public static boolean debugRequested(Map<String, String> environment) {
        String v = environment.get(DEBUG_VARIABLE);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }
}
