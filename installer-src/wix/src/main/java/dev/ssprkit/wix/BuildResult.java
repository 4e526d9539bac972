package dev.ssprkit.wix;

import dev.ssprkit.common.ErrorKind;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostic;
import dev.ssprkit.wix.diag.PreprocessorMessage;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build did: success, every diagnostic (errors and warnings, in report order), the MSI written (null on
 * failure), and {@code internalError}: a bug that stopped the build (an unexpected runtime exception), which front
 * ends report as an internal error, never as a problem with the sources.
 */
public record BuildResult(boolean success, List<Diagnostic> diagnostics, Path output, Throwable internalError) {

    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public BuildResult(boolean success, List<Diagnostic> diagnostics, Path output) {
        this(success, diagnostics, output, null);
    }

    /** A build stopped by a bug; the diagnostics reported before it are kept. */
    public static BuildResult internalError(List<Diagnostic> diagnostics, Throwable bug) {
        return new BuildResult(false, diagnostics, null, bug);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /**
     * Why a failed build failed, for the front ends' exit status: {@link ErrorKind#INTERNAL} for a bug,
     * {@link ErrorKind#IO} when a source could not be read, a cabinet not built from its payload (reading it or
     * writing the cabinet failed) or the package not written, otherwise {@link ErrorKind#BAD_INPUT} (errors in the
     * sources). Null for a successful build.
     */
    public ErrorKind failureKind() {
        if (success) return null;
        if (internalError != null) return ErrorKind.INTERNAL;
        for (Diagnostic d : errors()) {
            if (d.message() == PreprocessorMessage.CANNOT_READ_FILE || d.message() == CompilerMessage.WRITE_FAILED
                    || d.message() == CompilerMessage.CABINET_FAILED) {
                return ErrorKind.IO;
            }
        }
        return ErrorKind.BAD_INPUT;
    }
}
