package dev.ssprkit.wix;

import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.cab.CabinetException;
import dev.ssprkit.common.Classified;
import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.validate.Finding;
import dev.ssprkit.validate.Severity;
import dev.ssprkit.validate.Validator;
import dev.ssprkit.wix.compile.Compiler;
import dev.ssprkit.wix.compile.bind.Binder;
import dev.ssprkit.wix.compile.link.Linked;
import dev.ssprkit.wix.compile.link.Linker;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.source.Platform;
import dev.ssprkit.wix.source.Preprocessor;
import dev.ssprkit.wix.source.PreprocessorOptions;
import dev.ssprkit.wix.source.SourceDocument;
import dev.ssprkit.wix.source.SourceRoots;
import dev.ssprkit.wix.source.WixNamespace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds an MSI from WiX sources, as candle + light do: preprocess each source, compile it into sections, link the
 * product with the fragments it references, bind onto the package builder, write. Each phase reports into one
 * {@link Diagnostics}; the next phase runs only when the previous one found no error, and no file is written on error.
 * Source errors never throw: they are in the result, and so is a bug ({@link BuildResult#internalError}); only
 * typed failures of the request itself ({@link dev.ssprkit.common.InvalidValueException}) are thrown.
 */
public final class WixBuild {
    private WixBuild() {}

    public static BuildResult build(BuildRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        try {
            return build(request, diagnostics);
        } catch (RuntimeException e) {
            if (e instanceof Classified) throw e; // a typed failure, e.g. a SOURCE_DATE_EPOCH that is not a number
            // a bug (ours or a library's), not a problem with the sources: front ends say "internal error"
            return BuildResult.internalError(diagnostics.all(), e);
        }
    }

    private static BuildResult build(BuildRequest request, Diagnostics diagnostics) {
        Platform platform;
        try {
            platform = request.platform() == null ? Platform.X86 : Platform.parse(request.platform());
            if (platform == Platform.ARM64) throw new IllegalArgumentException("arm64 packages are not supported; use x86 or x64");
        } catch (IllegalArgumentException e) {
            diagnostics.report(CompilerMessage.BAD_VALUE, null, "platform", request.platform(), e.getMessage());
            return new BuildResult(false, diagnostics.all(), null);
        }
        Map<String, String> env = request.environment() != null ? request.environment() : System.getenv();
        PreprocessorOptions.Builder options = PreprocessorOptions.builder().defines(request.defines()).environment(env).platform(platform);
        request.includeDirs().forEach(options::includeDir);
        SourceRoots roots = SourceRoots.of(request.roots());
        options.roots(roots);
        Preprocessor preprocessor = new Preprocessor(options.build(), diagnostics);
        boolean x64 = platform == Platform.X64;
        Compiler compiler = new Compiler(diagnostics, x64, roots);
        List<Compiler.Compiled> compiled = new ArrayList<>();
        boolean v4 = false;
        for (Path source : request.sources()) {
            SourceDocument doc = preprocessor.process(source);
            v4 |= doc.namespace().map(n -> n == WixNamespace.V4).orElse(false);
            compiled.addAll(compiler.compile(doc));
        }
        if (diagnostics.hasErrors()) return failed(diagnostics);
        Linked linked = new Linker(diagnostics).link(compiled, v4);
        if (linked == null || diagnostics.hasErrors()) return failed(diagnostics);
        Binder binder = new Binder(diagnostics);
        PackageBuilder pkg = binder.bind(linked, x64 ? "x64" : "x86");
        if (pkg == null || diagnostics.hasErrors()) return failed(diagnostics);
        Instant buildTime = request.buildTime() != null ? request.buildTime()
                : WriteOptions.buildTimeFromEnvironment(env.get("SOURCE_DATE_EPOCH"));
        boolean replacingSigned = MsiReader.hasSignature(request.output());
        try {
            boolean written = pkg.write(request.output(), new WriteOptions(buildTime), db -> !request.validate() || validate(db, binder, diagnostics));
            if (!written) return failed(diagnostics);
            if (replacingSigned) diagnostics.report(CompilerMessage.SIGNATURE_DROPPED, null, request.output());
        } catch (IllegalArgumentException e) {
            diagnostics.report(CompilerMessage.BIND_FAILED, binder.locate(e.getMessage()), e.getMessage());
            return failed(diagnostics);
        } catch (CabinetException | MsiException e) {
            // what the formats refuse (more than 65,535 files in a cabinet, an over-long cell): not a write failure
            diagnostics.report(CompilerMessage.BIND_FAILED, null, e.getMessage());
            return failed(diagnostics);
        } catch (IOException e) {
            diagnostics.report(CompilerMessage.WRITE_FAILED, null, request.output(), e.getClass().getSimpleName() + ": " + e.getMessage());
            return failed(diagnostics);
        }
        return new BuildResult(true, diagnostics.all(), request.output());
    }

    /** ICE validation of the finished database, as light does: errors stop the build, warnings are reported. */
    private static boolean validate(Database db, Binder binder, Diagnostics diagnostics) {
        for (Finding f : Validator.validate(db)) {
            String where = f.table() + (f.rowKey() == null ? "" : " [" + f.rowKey() + "]");
            SourceLocation at = f.origin() == null ? null : binder.locate(f.origin());
            diagnostics.report(f.severity() == Severity.ERROR ? CompilerMessage.ICE_ERROR : CompilerMessage.ICE_WARNING,
                    at, f.iceId(), where, f.message());
        }
        return !diagnostics.hasErrors();
    }

    private static BuildResult failed(Diagnostics diagnostics) {
        return new BuildResult(false, diagnostics.all(), null);
    }
}
