package dev.ssprkit.wix.diag;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Diagnostics#throwIfErrors()}: a run ended with errors, all of which are carried here. */
public final class WixException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public WixException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every diagnostic of the run, warnings included, in report order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).collect(Collectors.toUnmodifiableList());
    }

    private static String summary(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).collect(Collectors.toList());
        String head = errors.size() == 1 ? "1 error" : errors.size() + " errors";
        return head + errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n  ", ":\n  ", ""));
    }
}
