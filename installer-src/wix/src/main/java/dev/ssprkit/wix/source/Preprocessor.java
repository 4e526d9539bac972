package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.Diagnostics;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The WiX preprocessor: reads a {@code .wxs} file safely, applies {@code <?define?>}, {@code <?include?>},
 * {@code <?if?>}, {@code <?foreach?>} and friends, substitutes {@code $(...)} variables, and returns the located
 * element tree. Every problem goes to the {@link Diagnostics} given here; processing carries on past errors so that
 * one run reports as many as it can.
 *
 * <p>A {@code Preprocessor} may process several files; each {@link #process} call starts from the options' defines.
 */
public final class Preprocessor {

    private final PreprocessorOptions options;
    private final Diagnostics diagnostics;

    public Preprocessor(PreprocessorOptions options, Diagnostics diagnostics) {
        this.options = Objects.requireNonNull(options, "options");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /**
     * Preprocesses one source file. Check the diagnostics afterwards: when they hold errors the returned tree may be
     * partial, or absent ({@link SourceDocument#hasRoot()}).
     */
    public SourceDocument process(Path wxs) {
        return new PreprocessorRun(options, diagnostics).run(wxs);
    }
}
