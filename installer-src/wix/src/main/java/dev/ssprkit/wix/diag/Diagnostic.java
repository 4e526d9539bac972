package dev.ssprkit.wix.diag;

import java.util.Objects;

/**
 * One reported problem. {@link #toString()} gives the one-line form {@code file:line:column: error WIX0123: text
 * (hint: ...)}; {@link #toLongString()} adds one "included from" line per include site.
 *
 * @param location where the problem is, or {@code null} when it belongs to no file (bad options)
 * @param hint advice, or {@code null}
 */
public record Diagnostic(Message message, SourceLocation location, String text, String hint) {

    public Diagnostic {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(text, "text");
    }

    public String id() {
        return message.id();
    }

    public Severity severity() {
        return message.severity();
    }

    public boolean isError() {
        return message.severity() == Severity.ERROR;
    }

    /** The line of {@link #location()}, 0 when unknown; a convenience for tests and tools. */
    public int line() {
        return location == null ? 0 : location.line();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (location != null) {
            s.append(location).append(": ");
        }
        s.append(severity().label()).append(' ').append(id()).append(": ").append(text);
        if (hint != null) {
            s.append(" (hint: ").append(hint).append(')');
        }
        return s.toString();
    }

    public String toLongString() {
        StringBuilder s = new StringBuilder(toString());
        if (location != null) {
            for (SourceLocation site : location.includeChain()) {
                s.append(System.lineSeparator()).append("    included from ").append(site);
            }
        }
        return s.toString();
    }
}
