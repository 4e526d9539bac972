package dev.ssprkit.wix;

import dev.ssprkit.wix.diag.Diagnostic;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build did: success, every diagnostic (errors and warnings, in report order), the package written (null on
 * failure), and, when the build stopped on a bug of ours rather than a problem of the source, that internal error.
 */
public record BuildResult(boolean success, List<Diagnostic> diagnostics, Path output, Throwable internalError) {

    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public BuildResult(boolean success, List<Diagnostic> diagnostics, Path output) {
        this(success, diagnostics, output, null);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
