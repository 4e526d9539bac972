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
    private final WarningPolicy policy;
    private int errorCount;

    public Diagnostics() {
        this(WarningPolicy.NONE);
    }

    /** Diagnostics whose warnings {@code policy} suppresses or raises to errors as they are reported. */
    public Diagnostics(WarningPolicy policy) {
        this.policy = policy;
    }

    /** Formats the message's text and hint with {@code args} and records the result (as the warning policy has it). */
    public Diagnostic report(Message message, SourceLocation location, Object... args) {
        Diagnostic d = new Diagnostic(message, location, message.formatText(args), message.formatHint(args));
        add(d);
        return d;
    }

    /**
     * Reports a warning that the policy may suppress but never raises to an error: what sspr checks beyond the WiX
     * command it stands in for (ICE findings of a v4+ source, which {@code wix build} does not validate), so that
     * {@code -wx} fails no build that WiX builds.
     */
    public void reportBeyondWix(Message message, SourceLocation location, Object... args) {
        record(policy.apply(new Diagnostic(message, location, message.formatText(args), message.formatHint(args)), false));
    }

    public void add(Diagnostic reported) {
        record(policy.apply(reported));
    }

    private void record(Diagnostic diagnostic) {
        if (diagnostic == null) return;
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
