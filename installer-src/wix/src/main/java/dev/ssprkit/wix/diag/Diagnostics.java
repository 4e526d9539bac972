package dev.ssprkit.wix.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects the diagnostics of one run. Layers report here and carry on, so that one run shows every error it can
 * find; the caller checks {@link #hasErrors()} or calls {@link #throwIfErrors()} between phases. Not thread-safe.
 */
public final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();
    private int errorCount;

    /** Formats the message's text and hint with {@code args} and records the result. */
    public Diagnostic report(Message message, SourceLocation location, Object... args) {
        Diagnostic d = new Diagnostic(message, location, message.formatText(args), message.formatHint(args));
        add(d);
        return d;
    }

    public void add(Diagnostic diagnostic) {
        all.add(diagnostic);
        if (diagnostic.isError()) {
            errorCount++;
        }
    }

    /** Everything reported so far, in report order. */
    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    public List<Diagnostic> errors() {
        return all.stream().filter(Diagnostic::isError).collect(Collectors.toUnmodifiableList());
    }

    public List<Diagnostic> warnings() {
        return all.stream().filter(d -> !d.isError()).collect(Collectors.toUnmodifiableList());
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public int errorCount() {
        return errorCount;
    }

    /** Ends the run when anything went wrong, carrying every diagnostic (warnings too) in the exception. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new WixException(all);
        }
    }

    @Override
    public String toString() {
        return all.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
