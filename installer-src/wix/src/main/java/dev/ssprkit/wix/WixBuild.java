package dev.ssprkit.wix;

import dev.ssprkit.common.AtomicFile;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.MsiWriter;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.validate.Finding;
import dev.ssprkit.validate.Severity;
import dev.ssprkit.validate.Validator;
import dev.ssprkit.wix.bind.BindOptions;
import dev.ssprkit.wix.bind.BindResult;
import dev.ssprkit.wix.bind.Binder;
import dev.ssprkit.wix.compile.BindPaths;
import dev.ssprkit.wix.compile.Compiler;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.WixExtension;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.link.Linked;
import dev.ssprkit.wix.link.Linker;
import dev.ssprkit.wix.compile.ext.CustomActionLibrarySections;
import dev.ssprkit.wix.compile.ext.PrintEulaEvents;
import dev.ssprkit.wix.loc.LibraryTexts;
import dev.ssprkit.wix.loc.Localization;
import dev.ssprkit.wix.model.Section;
import dev.ssprkit.wix.source.Platform;
import dev.ssprkit.wix.source.Preprocessor;
import dev.ssprkit.wix.source.PreprocessorOptions;
import dev.ssprkit.wix.source.SourceDocument;
import dev.ssprkit.wix.source.SourceElement;
import dev.ssprkit.wix.source.PayloadPrefetch;
import dev.ssprkit.wix.source.SourceRoots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds an MSI from WiX sources, as {@code wix build} (or candle + light) does: preprocess each source, compile it
 * into sections, link the entry section with the fragments it references, bind onto a database, validate, write.
 * Each phase reports into one {@link Diagnostics}; the next runs only when the previous found no error, and nothing
 * is written on error. Source errors never throw; a bug of ours is reported as an internal error; a JVM error (out of
 * heap) is thrown as it is, for the front end to explain.
 */
public final class WixBuild {
    private WixBuild() {}

    /**
     * Starts, on a daemon thread, what a build's first use of the XML reader, the grammar and the summary-information
     * writer costs once per process (class initialization, call-site linking), for a front end to call before it reads
     * its own command line: that takes the main thread about a tenth of a second while the other core idles. What the
     * thread makes is dropped; the build makes its own.
     */
    public static void prepareAhead() {
        Thread t = new Thread(() -> {
            try {
                javax.xml.stream.XMLStreamReader r = dev.ssprkit.wix.source.LocatedXml.hardenedFactory()
                        .createXMLStreamReader(new java.io.StringReader("<Wix xmlns='urn:x'><A B='c'/></Wix>"));
                while (r.hasNext()) r.next();
                Grammar.standard();
                dev.ssprkit.msi.suminfo.SummaryInfoCodec.write(new dev.ssprkit.msi.model.SummaryInfo());
            } catch (Exception | LinkageError e) {
                // only a head start: the build meets any real problem itself, and reports it
            }
        }, "sspr-prepare");
        t.setDaemon(true);
        t.start();
    }

    public static BuildResult build(BuildRequest request) {
        Diagnostics diagnostics = new Diagnostics(request.warnings());
        try {
            return run(request, diagnostics);
        } catch (RuntimeException | Error e) {
            // the JVM, not the source nor our code: running out of heap is for the front end to explain (give it more)
            if (e instanceof VirtualMachineError) throw e;
            if (e instanceof dev.ssprkit.common.Classified) throw e; // a typed failure of the request (e.g. SOURCE_DATE_EPOCH not a number)
            diagnostics.report(CompilerMessage.INTERNAL_ERROR, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return BuildResult.internalError(diagnostics.all(), e);
        }
    }

    private static BuildResult run(BuildRequest request, Diagnostics diagnostics) {
        Platform platform;
        try {
            platform = request.platform() == null ? Platform.X86 : Platform.parse(request.platform());
        } catch (IllegalArgumentException e) {
            diagnostics.report(CompilerMessage.BAD_VALUE, null, "platform", request.platform(), e.getMessage());
            return failed(diagnostics);
        }
        // whether this build replaces a signed package (a warning after writing): a look into the existing file,
        // taken on the other core while the sources are read and compiled rather than on the way out
        CompletableFuture<Boolean> replacingSigned = CompletableFuture
                .supplyAsync(() -> request.output() != null && MsiReader.hasSignature(outputPath(request)))
                .exceptionally(e -> false);
        Grammar grammar = Grammar.standard();
        for (String name : request.extensions()) {
            if (grammar.extensionNamed(name) == null) {
                diagnostics.report(CompilerMessage.UNKNOWN_EXTENSION_NAME, null, name,
                        grammar.extensions().stream().flatMap(x -> x.commandLineNames().stream().limit(1)).collect(Collectors.joining(", ")));
            }
        }
        Path workingDirectory = request.workingDirectoryOrCurrent();
        Map<String, String> env = request.environment() != null ? request.environment() : System.getenv();
        BindPaths bindPaths = BindPaths.parse(request.bindPaths(), workingDirectory);
        SourceRoots roots = SourceRoots.of(roots(request, bindPaths, workingDirectory));
        PreprocessorOptions.Builder options = PreprocessorOptions.builder().defines(request.defines()).environment(env).platform(platform);
        request.includeDirs().forEach(options::includeDir);
        options.roots(roots);
        Preprocessor preprocessor = new Preprocessor(options.build(), diagnostics);
        List<SourceDocument> documents = new ArrayList<>();
        for (Path source : request.sources()) documents.add(preprocessor.process(source));
        // without -arch, a v3 Package/@Platform decides the build's platform (as the binder lets it decide the
        // package's): its documents' folders and components are compiled for it too (maxcompute-odbc's
        // ProgramFiles6432Folder with Platform="x64" and no -arch)
        Platform buildPlatform = request.platform() == null ? v3PackagePlatform(documents, platform) : platform;
        // payload files are read on another thread while compiling and linking go on (not the bytes when cabinets may
        // come from the cache: a warm rebuild reads no payload)
        try (PayloadPrefetch prefetch = PayloadPrefetch.start(request.cabinetCache() == null)) {
            Compiler compiler = new Compiler(diagnostics, grammar, buildPlatform, roots, bindPaths).prefetching(prefetch);
            List<Section> sections = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                sections.addAll(compiler.compile(documents.get(i)));
                documents.set(i, null); // compiled: its element tree can go
            }
            Localization loc = Localization.load(request.locFiles(), request.cultures(), preprocessor, diagnostics);
            if (diagnostics.hasErrors()) return failed(diagnostics);
            Path work;
            Path packageFile = null;
            try {
                work = Files.createTempDirectory("ssprkit-build-");
            } catch (IOException e) {
                diagnostics.report(CompilerMessage.WRITE_FAILED, null, System.getProperty("java.io.tmpdir"), "cannot create a temporary folder: " + e.getMessage());
                return failed(diagnostics);
            }
            try {
                List<Path> libraryStrings = new ArrayList<>();
                dev.ssprkit.ca.SchemaGeneration generation = compiler.entryGeneration();
                Linked linked = new Linker(diagnostics).linkTiered(sections, List.of(
                        () -> CustomActionLibrarySections.sections(generation, buildPlatform),
                        () -> librarySections(grammar, buildPlatform, work, diagnostics, libraryStrings,
                                generation == dev.ssprkit.ca.SchemaGeneration.V4 ? V4_DEFAULTS : List.of())));
                if (linked == null || diagnostics.hasErrors()) return failed(diagnostics);
                PrintEulaEvents.rewrite(linked);
                dev.ssprkit.wix.compile.ext.V3BrowseDlgEvents.apply(linked, generation);
                CustomActionLibrarySections.checkCalls(linked, diagnostics);
                if (diagnostics.hasErrors()) return failed(diagnostics);
                if (!libraryStrings.isEmpty()) {
                    // the built-in dialogs' texts, in the build's culture, fill in what the project's .wxl files leave out
                    loc = LibraryTexts.under(loc, request.cultures(), libraryStrings, preprocessor, diagnostics);
                    List<Path> bindRoots = new ArrayList<>(roots(request, bindPaths, workingDirectory));
                    bindRoots.add(work.resolve("lib"));
                    roots = SourceRoots.of(bindRoots);
                }
                Instant buildTime = request.buildTime() != null ? request.buildTime()
                        : WriteOptions.buildTimeFromEnvironment(env.get("SOURCE_DATE_EPOCH"));
                // the sections' symbols are the linked model's now: without this reference, the binder's last step can
                // let each row go once the database holds it
                sections = null;
                Binder binder = new Binder(diagnostics);
                packageFile = packageFileAhead(request);
                BindResult bound = binder.bind(linked, new BindOptions(buildPlatform, buildTime, work, loc.strings(), loc.codepage(),
                        loc.language(), request.compression(), request.cabinetCache(), request.bindVariables(), bindPaths, roots, loc.ui(), prefetch,
                        packageFile));
                if (bound == null || diagnostics.hasErrors()) return failed(diagnostics);
                // the ICEs judge installation packages; a merge module is checked by mergemod.cub's ICEMs, not implemented
                boolean module = linked.type() == Section.Type.MODULE;
                // the compiled and linked model (a row, a symbol key and a location per element) is not needed past
                // binding: the database holds what validation and writing read. Without these references it can be
                // collected; a 100,000-file build otherwise holds both models through ICE validation and writing.
                linked = null;
                compiler = null;
                boolean errorsFail = request.iceErrors() == BuildRequest.IceErrors.FAIL || generation != dev.ssprkit.ca.SchemaGeneration.V4;
                // ICE validation runs on the other core while the package is written beside its target: both only read
                // the database, and the written file replaces the target only when validation found no error
                CompletableFuture<Boolean> validated = request.validate() && !module
                        ? CompletableFuture.supplyAsync(() -> validate(bound.database(), binder, request.suppressIces(), errorsFail, diagnostics))
                        : CompletableFuture.completedFuture(true);
                try {
                    return write(request, bound, buildTime, replacingSigned.join(), diagnostics, () -> joined(validated), packageFile);
                } finally {
                    validated.exceptionally(e -> false).join(); // it reads streams from the work folder removed below
                }
            } finally {
                deleteTree(work);
                // moved into place when the build succeeded; otherwise a partial package nobody should find
                if (packageFile != null) deleteQuietly(packageFile);
            }
        }
    }

    /** The platform a v3 {@code Product/Package/@Platform} or {@code Module/Package/@Platform} names, else {@code fallback}. */
    static Platform v3PackagePlatform(List<SourceDocument> documents, Platform fallback) {
        for (SourceDocument d : documents) {
            if (d == null || !d.hasRoot() || !d.root().namespaceUri().equals("http://schemas.microsoft.com/wix/2006/wi")) continue;
            for (SourceElement top : d.root().children()) {
                if (!top.localName().equals("Product") && !top.localName().equals("Module")) continue;
                String written = top.firstChild("Package").map(p -> p.attr("Platform")).orElse(null);
                if (written == null) continue;
                try {
                    return Platform.parse(written);
                } catch (IllegalArgumentException e) {
                    return fallback; // ia64 and the like: the compiler reports the attribute
                }
            }
        }
        return fallback;
    }

    /** Compiles the built-in extensions' library sources (the dialog sets...), each with the build's platform. */
    /** What WiX v5+ supplies when a v4+ package references it without authoring it (the default INSTALLFOLDER). */
    private static final List<String> V4_DEFAULTS = List.of("/dev/ssprkit/wix/lib/Defaults.wxs");

    private static List<Section> librarySections(Grammar grammar, Platform platform, Path work, Diagnostics diagnostics, List<Path> strings,
                                                 List<String> defaults) {
        List<Path> sources;
        try {
            var extracted = dev.ssprkit.wix.lib.LibrarySources.extract(grammar.extensions(), defaults, work.resolve("lib"));
            sources = extracted.sources();
            strings.addAll(extracted.localizations());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (sources.isEmpty()) return List.of();
        SourceRoots libRoots = SourceRoots.of(List.of(work.resolve("lib")));
        Preprocessor pp = new Preprocessor(PreprocessorOptions.builder().platform(platform).roots(libRoots).build(), diagnostics);
        Compiler compiler = new Compiler(diagnostics, grammar, platform, libRoots, BindPaths.none());
        List<Section> out = new ArrayList<>();
        for (Path source : sources) out.addAll(compiler.compile(pp.process(source)));
        for (Section s : out) {
            for (var sym : s.symbols()) {
                if (sym instanceof dev.ssprkit.wix.model.Row r && r.table().equals("Dialog")) {
                    r.extra(dev.ssprkit.wix.compile.ext.V3BrowseDlgEvents.LIBRARY_ROW, true);
                }
            }
        }
        return out;
    }

    /** The folders a build may read: strict ({@code confine}) or the whole project tree as well. */
    static List<Path> roots(BuildRequest request, BindPaths bindPaths, Path workingDirectory) {
        List<Path> roots = new ArrayList<>();
        for (Path s : request.sources()) {
            Path dir = workingDirectory.resolve(s).toAbsolutePath().getParent();
            if (dir != null) roots.add(dir);
        }
        request.includeDirs().forEach(d -> roots.add(workingDirectory.resolve(d)));
        request.allowedRoots().forEach(d -> roots.add(workingDirectory.resolve(d)));
        // what the request names explicitly may be read in either mode: bind paths and the .wxl files' folders
        roots.addAll(bindPaths.all());
        for (Path l : request.locFiles()) {
            Path dir = workingDirectory.resolve(l).toAbsolutePath().getParent();
            if (dir != null) roots.add(dir);
        }
        if (!request.confine()) {
            roots.add(ProjectRoot.of(workingDirectory));
            for (Path s : request.sources()) roots.add(ProjectRoot.of(workingDirectory.resolve(s).toAbsolutePath().getParent()));
        }
        return roots;
    }

    /**
     * ICE validation of the finished database, as light does: errors stop the build (unless {@code errorsFail} is
     * off: then they are reported as warnings, as for a v4+ source built the way {@code wix build} builds it),
     * warnings are reported; findings of suppressed ICEs ({@code -sice}) are counted in one warning instead, so a log
     * still shows what was hidden. When errors do not fail (the {@code wix build} way, which does not validate), no
     * finding is raised to an error by {@code -wx} either.
     */
    private static boolean validate(Database db, Binder binder, java.util.Set<String> suppressed, boolean errorsFail, Diagnostics diagnostics) {
        java.util.Map<String, Integer> hidden = new java.util.TreeMap<>();
        for (Finding f : Validator.validate(db)) {
            if (suppressed.contains(f.iceId())) {
                hidden.merge(f.iceId(), 1, Integer::sum);
                continue;
            }
            String where = f.table() == null ? "(the package)" : f.table() + (f.rowKey() == null ? "" : " [" + f.rowKey() + "]");
            SourceLocation at = binder.locate(f.table(), f.rowKey());
            CompilerMessage m = f.severity() != Severity.ERROR ? CompilerMessage.ICE_WARNING
                    : errorsFail ? CompilerMessage.ICE_ERROR : CompilerMessage.ICE_ERROR_NOT_ENFORCED;
            if (errorsFail) diagnostics.report(m, at, f.iceId(), where, f.message());
            else diagnostics.reportBeyondWix(m, at, f.iceId(), where, f.message());
        }
        hidden.forEach((ice, count) -> {
            if (errorsFail) diagnostics.report(CompilerMessage.ICES_SUPPRESSED, null, count, ice);
            else diagnostics.reportBeyondWix(CompilerMessage.ICES_SUPPRESSED, null, count, ice);
        });
        return !diagnostics.hasErrors();
    }

    /**
     * The package's temporary file, made before binding so that the first embedded cabinet can be written straight into
     * it (where the package writer lays that stream out) rather than into the work folder and then copied: no second
     * copy of the cabinet in the temporary folder and the page cache, no 30 ms copy for the bench's 119 MB cabinet
     * (within the noise of the whole build's wall time). Null, and cabinets go to the work folder as
     * before, when there is no output folder yet (it is only made for a package that passed validation), the output
     * is a folder, or the file cannot be made (the write reports that later).
     */
    private static Path packageFileAhead(BuildRequest request) {
        if (request.output() == null) return null;
        Path output = outputPath(request);
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || Files.isDirectory(output)) return null;
        try {
            return AtomicFile.tempBeside(output);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // hidden and named as a temporary file
        }
    }

    /**
     * Writes the package and the files beside it; either all appear or none: everything is staged as temporary files
     * beside its target first, every target is checked to be replaceable, then the side files are moved into place
     * and the package last.
     *
     * <p>{@code validated} waits for the validation running beside the writing and says whether it passed; it is asked
     * before anything is moved into place, and before a writing failure is reported (so that the validation's
     * reports come first and no two threads report at once).
     *
     * @param packageFile the package's temporary file made before binding ({@link #packageFileAhead}), or null
     */
    private static BuildResult write(BuildRequest request, BindResult bound, Instant buildTime, boolean replacingSigned,
                                     Diagnostics diagnostics, java.util.function.BooleanSupplier validated, Path packageFile) {
        Path output = outputPath(request);
        Path folder = output.toAbsolutePath().getParent();
        List<Path[]> staged = new ArrayList<>();
        try {
            List<Path> targets = new ArrayList<>();
            for (BindResult.SideFile side : bound.sideFiles()) {
                Path target = folder.resolve(side.relative()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IllegalStateException("side file " + side.relative() + " resolves outside the output folder");
                }
                targets.add(target);
            }
            targets.add(output);
            for (Path t : targets) {
                if (Files.isDirectory(t)) throw new IOException(t + " is a folder; it cannot be replaced by the package's file");
            }
            // a folder is only made for a package that passed validation (staged files go, a made folder would stay)
            for (Path t : targets) {
                if (!Files.isDirectory(t.getParent()) && !validated.getAsBoolean()) return failed(diagnostics);
            }
            for (int i = 0; i < bound.sideFiles().size(); i++) {
                Path target = targets.get(i);
                Files.createDirectories(target.getParent());
                Path tmp = AtomicFile.tempBeside(target);
                staged.add(new Path[] {tmp, target});
                Files.copy(bound.sideFiles().get(i).temporary(), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(folder);
            Path msiTmp = packageFile != null ? packageFile : AtomicFile.tempBeside(output);
            staged.add(new Path[] {msiTmp, output});
            try (java.io.OutputStream os = AtomicFile.open(msiTmp)) {
                new MsiWriter(new WriteOptions(buildTime)).write(bound.database(), os);
            }
            if (!validated.getAsBoolean()) return failed(diagnostics); // the staged files are removed below
            for (Path[] s : staged) AtomicFile.replace(s[0], s[1]);
            staged.clear();
        } catch (dev.ssprkit.msi.MsiException e) {
            // what the format refuses (an over-long cell, too many strings): the package, not the disk
            validated.getAsBoolean();
            diagnostics.report(CompilerMessage.BIND_FAILED, null, e.getMessage());
            return failed(diagnostics);
        } catch (IOException e) {
            validated.getAsBoolean();
            diagnostics.report(CompilerMessage.WRITE_FAILED, null, output, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return failed(diagnostics);
        } finally {
            for (Path[] s : staged) {
                try {
                    Files.deleteIfExists(s[0]);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named as such
                }
            }
        }
        if (replacingSigned) diagnostics.report(CompilerMessage.SIGNATURE_DROPPED, null, output);
        return new BuildResult(true, diagnostics.all(), output);
    }

    /** The future's value; what it threw is thrown here as it was (an internal error stays one). */
    private static boolean joined(CompletableFuture<Boolean> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private static Path outputPath(BuildRequest request) {
        return request.workingDirectoryOrCurrent().resolve(request.output()).normalize();
    }

    private static BuildResult failed(Diagnostics diagnostics) {
        return new BuildResult(false, diagnostics.all(), null);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder of ours; the OS cleans it if we cannot
        }
    }

    /**
     * The extension of the file a source builds, for front ends that name the output themselves: {@code .msm} when
     * the first element inside {@code <Wix>} is a {@code <Module>}, else {@code .msi}. Only the start of the document
     * is read (no DTD, no entities); an unreadable source gets {@code .msi} and is reported by the build.
     */
    public static String defaultExtension(Path source) {
        javax.xml.stream.XMLInputFactory f = dev.ssprkit.wix.source.LocatedXml.hardenedFactory();
        try (java.io.InputStream in = Files.newInputStream(source)) {
            javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                int depth = 0;
                while (r.hasNext()) {
                    if (r.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) continue;
                    if (++depth == 2) return r.getLocalName().equals("Module") ? ".msm" : ".msi";
                }
            } finally {
                r.close();
            }
        } catch (IOException | javax.xml.stream.XMLStreamException | RuntimeException e) {
            // the build reports what is wrong with the source
        }
        return ".msi";
    }

    /** The extension a name given to {@code -ext} answers to, for front ends that list them. */
    public static List<WixExtension> extensions() {
        return Grammar.standard().extensions();
    }
}
