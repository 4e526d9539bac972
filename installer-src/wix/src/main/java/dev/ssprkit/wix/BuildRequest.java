package dev.ssprkit.wix;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One build, with the settings {@code wix build} (and candle/light) take.
 *
 * @param sources         the .wxs files compiled and linked together (several products' fragments, libraries)
 * @param output          the MSI (or .msm) to write; external cabinets and uncompressed files go beside it
 * @param platform        {@code x86}, {@code x64} or {@code arm64}; null = x86, as WiX (a v3 Package/@Platform wins)
 * @param defines         preprocessor variables ({@code -d NAME=VALUE})
 * @param includeDirs     {@code <?include?>} search path ({@code -I})
 * @param environment     what {@code $(env.X)} reads (null = the process environment)
 * @param buildTime       stamped into the summary information and cabinets (null = {@code SOURCE_DATE_EPOCH}, else now)
 * @param validate        ICE validation after binding (errors fail the build, as light does; off = WiX's {@code -sval})
 * @param allowedRoots    folders the build may also read from ({@code --allow-path})
 * @param bindPaths       {@code -bindpath DIR} or {@code NAME=DIR}, where payload with relative paths is looked for
 * @param locFiles        {@code .wxl} localization files ({@code -loc})
 * @param cultures        the cultures to build, in fallback order ({@code -culture}); empty = every loaded .wxl string
 * @param extensions      extension names given with {@code -ext} (only checked: the built-in ones need no loading)
 * @param compression     a CompressionLevel for every cabinet ({@code none|low|medium|high|mszip}), null = the sources'
 * @param workingDirectory the folder relative paths on the command line and in sources resolve against (null = the
 *                        process's current directory)
 * @param confine         strict mode ({@code --confine}): read only under the sources', include and allowed folders;
 *                        otherwise the project's whole tree (its VCS root, else the working directory) is readable too
 * @param cabinetCache    a folder of compressed cabinets reused when their inputs are unchanged (null = none)
 * @param bindVariables   {@code !(wix.X)} values from the command line ({@code -bindvariable NAME=VALUE})
 * @param suppressIces    ICE rules whose findings are not reported ({@code -sice ICE18}, a .wixproj's
 *                        {@code SuppressIces}); names checked by {@link dev.ssprkit.validate.Validator}'s rule list
 * @param iceErrors       whether ICE errors stop the build ({@link IceErrors#FAIL}, the default) or follow the WiX command
 *                        line of the sources' generation ({@link IceErrors#AS_WIX})
 * @param warnings        which warnings are suppressed or raised to errors ({@code -sw}, {@code -wx}...; null = none)
 */
public record BuildRequest(List<Path> sources, Path output, String platform, Map<String, String> defines,
                           List<Path> includeDirs, Map<String, String> environment, Instant buildTime, boolean validate,
                           List<Path> allowedRoots, List<String> bindPaths, List<Path> locFiles, List<String> cultures,
                           List<String> extensions, String compression, Path workingDirectory, boolean confine,
                           Path cabinetCache, Map<String, String> bindVariables, java.util.Set<String> suppressIces,
                           IceErrors iceErrors, dev.ssprkit.wix.diag.WarningPolicy warnings) {

    /**
     * What an ICE error does to a build. WiX 3's light validates every package and fails on an ICE error (so does the
     * WiX 4+ MSBuild SDK's WindowsInstallerValidation step), but WiX 4+'s {@code wix build} command does not validate
     * at all: validation is the separate {@code wix msi validate}.
     */
    public enum IceErrors {
        /** ICE errors stop the build, whatever the sources' WiX generation (light, the MSBuild SDK, the Maven plugin). */
        FAIL,
        /**
         * As the WiX command line of the sources' generation: v3 sources fail as with light; v4+ sources, which
         * {@code wix build} does not validate, get each ICE error as a warning (so it is still seen) and build.
         */
        AS_WIX
    }

    public BuildRequest {
        iceErrors = iceErrors == null ? IceErrors.FAIL : iceErrors;
        warnings = warnings == null ? dev.ssprkit.wix.diag.WarningPolicy.NONE : warnings;
        sources = List.copyOf(sources);
        defines = defines == null ? Map.of() : Map.copyOf(defines);
        includeDirs = includeDirs == null ? List.of() : List.copyOf(includeDirs);
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
        bindPaths = bindPaths == null ? List.of() : List.copyOf(bindPaths);
        locFiles = locFiles == null ? List.of() : List.copyOf(locFiles);
        cultures = cultures == null ? List.of() : List.copyOf(cultures);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        bindVariables = bindVariables == null ? Map.of() : Map.copyOf(bindVariables);
        suppressIces = suppressIces == null ? java.util.Set.of() : java.util.Set.copyOf(suppressIces);
    }

    /** A request with ICE validation on and nothing else beyond the basics. */
    public BuildRequest(List<Path> sources, Path output, String platform, Map<String, String> defines,
                        List<Path> includeDirs, Map<String, String> environment, Instant buildTime) {
        this(sources, output, platform, defines, includeDirs, environment, buildTime, true, List.of());
    }

    public BuildRequest(List<Path> sources, Path output, String platform, Map<String, String> defines,
                        List<Path> includeDirs, Map<String, String> environment, Instant buildTime, boolean validate) {
        this(sources, output, platform, defines, includeDirs, environment, buildTime, validate, List.of());
    }

    public BuildRequest(List<Path> sources, Path output, String platform, Map<String, String> defines,
                        List<Path> includeDirs, Map<String, String> environment, Instant buildTime, boolean validate,
                        List<Path> allowedRoots) {
        this(sources, output, platform, defines, includeDirs, environment, buildTime, validate, allowedRoots, List.of(),
                List.of(), List.of(), List.of(), null, null, false, null, Map.of(), java.util.Set.of(), IceErrors.FAIL, null);
    }

    /** Sources and output only: x86, no defines, the process environment, SOURCE_DATE_EPOCH or now. */
    public static BuildRequest of(Path output, Path... sources) {
        return new BuildRequest(List.of(sources), output, null, Map.of(), List.of(), null, null);
    }

    public BuildRequest withoutValidation() {
        return toBuilder().validate(false).build();
    }

    public BuildRequest withAllowedRoots(List<Path> roots) {
        return toBuilder().allowedRoots(roots).build();
    }

    /**
     * An ICE name as {@code -sice} and a .wixproj's {@code SuppressIces} write it ({@code ICE18}, any case), in the
     * validator's spelling; empty when it is not an ICE name.
     */
    public static java.util.Optional<String> iceName(String written) {
        String s = written == null ? "" : written.strip();
        return s.matches("(?i)ICE\\d{2,3}") ? java.util.Optional.of(s.toUpperCase(java.util.Locale.ROOT)) : java.util.Optional.empty();
    }

    /** The working directory, absolute. */
    public Path workingDirectoryOrCurrent() {
        return (workingDirectory != null ? workingDirectory : Path.of("")).toAbsolutePath().normalize();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.sources = new ArrayList<>(sources);
        b.output = output;
        b.platform = platform;
        b.defines = defines;
        b.includeDirs = new ArrayList<>(includeDirs);
        b.environment = environment;
        b.buildTime = buildTime;
        b.validate = validate;
        b.allowedRoots = new ArrayList<>(allowedRoots);
        b.bindPaths = new ArrayList<>(bindPaths);
        b.locFiles = new ArrayList<>(locFiles);
        b.cultures = new ArrayList<>(cultures);
        b.extensions = new ArrayList<>(extensions);
        b.compression = compression;
        b.workingDirectory = workingDirectory;
        b.confine = confine;
        b.cabinetCache = cabinetCache;
        b.bindVariables = bindVariables;
        b.suppressIces = new java.util.TreeSet<>(suppressIces);
        b.iceErrors = iceErrors;
        b.warnings = warnings;
        return b;
    }

    public static Builder builder(Path output, List<Path> sources) {
        Builder b = new Builder();
        b.output = output;
        b.sources = new ArrayList<>(sources);
        return b;
    }

    /** Builds a request step by step; every setting has the default {@code wix build} has. */
    public static final class Builder {
        private List<Path> sources = new ArrayList<>();
        private Path output;
        private String platform;
        private Map<String, String> defines = Map.of();
        private List<Path> includeDirs = new ArrayList<>();
        private Map<String, String> environment;
        private Instant buildTime;
        private boolean validate = true;
        private List<Path> allowedRoots = new ArrayList<>();
        private List<String> bindPaths = new ArrayList<>();
        private List<Path> locFiles = new ArrayList<>();
        private java.util.Set<String> suppressIces = new java.util.TreeSet<>();
        private List<String> cultures = new ArrayList<>();
        private List<String> extensions = new ArrayList<>();
        private String compression;
        private Path workingDirectory;
        private boolean confine;
        private Path cabinetCache;
        private Map<String, String> bindVariables = Map.of();
        private IceErrors iceErrors = IceErrors.FAIL;
        private dev.ssprkit.wix.diag.WarningPolicy warnings;

        public Builder sources(List<Path> s) { this.sources = new ArrayList<>(s); return this; }
        public Builder platform(String p) { this.platform = p; return this; }
        public Builder defines(Map<String, String> d) { this.defines = d; return this; }
        public Builder includeDirs(List<Path> d) { this.includeDirs = new ArrayList<>(d); return this; }
        public Builder environment(Map<String, String> e) { this.environment = e; return this; }
        public Builder buildTime(Instant t) { this.buildTime = t; return this; }
        public Builder validate(boolean v) { this.validate = v; return this; }
        public Builder allowedRoots(List<Path> r) { this.allowedRoots = new ArrayList<>(r); return this; }
        public Builder bindPaths(List<String> b) { this.bindPaths = new ArrayList<>(b); return this; }
        public Builder locFiles(List<Path> l) { this.locFiles = new ArrayList<>(l); return this; }
        public Builder cultures(List<String> c) { this.cultures = new ArrayList<>(c); return this; }
        public Builder extensions(List<String> x) { this.extensions = new ArrayList<>(x); return this; }
        public Builder compression(String c) { this.compression = c; return this; }
        public Builder workingDirectory(Path w) { this.workingDirectory = w; return this; }
        public Builder confine(boolean c) { this.confine = c; return this; }
        public Builder cabinetCache(Path c) { this.cabinetCache = c; return this; }
        public Builder bindVariables(Map<String, String> v) { this.bindVariables = v; return this; }
        public Builder suppressIces(java.util.Collection<String> ices) { this.suppressIces = new java.util.TreeSet<>(ices); return this; }
        public Builder output(Path o) { this.output = o; return this; }
        public Builder iceErrors(IceErrors e) { this.iceErrors = e; return this; }
        public Builder warnings(dev.ssprkit.wix.diag.WarningPolicy w) { this.warnings = w; return this; }

        public BuildRequest build() {
            return new BuildRequest(sources, output, platform, defines, includeDirs, environment, buildTime, validate,
                    allowedRoots, bindPaths, locFiles, cultures, extensions, compression, workingDirectory, confine,
                    cabinetCache, bindVariables, suppressIces, iceErrors, warnings);
        }
    }
}
