package dev.ssprkit.sign;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a third-party exception into a {@link SigningException} that carries no secret: every message in the cause
 * chain has the secrets replaced by {@code ****}, and the original exception objects (whose fields might still hold
 * them) are not kept.
 */
final class Scrubbed {
    private Scrubbed() {}

    /** A copy of a cause: the original's class name and scrubbed message, with its stack trace. */
    static final class Cause extends Exception {
        Cause(String originalClass, String message, StackTraceElement[] trace, Throwable cause) {
            super(originalClass + (message == null ? "" : ": " + message), cause, false, true);
            setStackTrace(trace);
        }
    }

    static String text(String s, List<String> secrets) {
        if (s == null) return null;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) s = s.replace(secret, "****");
        }
        return s;
    }

    static SigningException wrap(String what, Throwable e, List<String> secrets) {
        if (e instanceof SigningException se && se.getCause() == null) {
            return new SigningException(se.kind(), text(se.getMessage(), secrets));
        }
        Throwable copy = copy(e, secrets, new IdentityHashMap<>());
        String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root != e && root.getMessage() != null) detail += " (" + root.getMessage() + ")";
        return new SigningException(text(what + ": " + detail, secrets), copy);
    }

    private static Throwable copy(Throwable e, List<String> secrets, Map<Throwable, Boolean> seen) {
        if (e == null || seen.put(e, Boolean.TRUE) != null) return null;
        Throwable cause = copy(e.getCause(), secrets, seen);
        return new Cause(e.getClass().getName(), text(e.getMessage(), secrets), e.getStackTrace(), cause);
    }
}
