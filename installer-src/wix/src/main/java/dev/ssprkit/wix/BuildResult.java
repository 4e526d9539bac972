package dev.ssprkit.wix;

import dev.ssprkit.wix.diag.Diagnostic;

import java.nio.file.Path;
import java.util.List;

/** What a build did: success, every diagnostic (errors and warnings, in report order), and the MSI written (null on failure). */
public record BuildResult(boolean success, List<Diagnostic> diagnostics, Path output) {

    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
