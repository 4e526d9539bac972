package dev.ssprkit.maven;

import dev.ssprkit.common.ErrorKind;
import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import dev.ssprkit.wix.diag.Diagnostic;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an MSI from WiX sources ({@code ssprkit:build}). Only adapts Maven configuration to {@link WixBuild}; every
 * diagnostic is logged with its {@code file:line:column}, and errors fail the build with no output file.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.ssprkit</groupId><artifactId>ssprkit-maven-plugin</artifactId>
 *   <executions><execution><id>x64</id><goals><goal>build</goal></goals>
 *     <configuration>
 *       <sources><source>SsprWindowsLogon.wxs</source></sources>
 *       <platform>x64</platform>
 *       <outputFile>${project.build.directory}/x64/SsprWindowsLogon.PROD.msi</outputFile>
 *       <defines><PayloadDir>${sspr.payload}</PayloadDir></defines>
 *       <sign><keystore>codesign.p12</keystore><storepassEnv>SIGN_PASS</storepassEnv></sign>
 *     </configuration></execution></executions>
 * </plugin>
 * }</pre>
 *
 * <p>The other settings are {@code wix build}'s: {@code <bindPaths>}, {@code <locFiles>}/{@code <cultures>},
 * {@code <extensions>}, {@code <compression>}, {@code <bindVariables>}, {@code <cabinetCache>}, {@code <validate>}.
 *
 * <p>Reading is confined: sources, includes and payload must lie under the folders of the sources, the include
 * directories, {@code <allowedRoots>}, or the folder the {@code PayloadDir} define names (a payload folder given on
 * the command line, {@code -Dsspr.payload=DIR}, is allowed by being given).
 *
 * <p>Reproducible: with {@code project.build.outputTimestamp} set (Maven's convention; the parent POM sets it), two
 * builds of the same sources give byte-identical packages whenever they run ({@link BuildTime}).
 *
 * <p>Failures name the {@code sspr} exit status the same problem would give ({@link MojoFailures}): a problem with
 * the sources or configuration fails the build ({@code MojoFailureException}), an I/O error or a bug ("internal
 * error — please report it") is a build error ({@code MojoExecutionException}).
 *
 * <p>Signing ({@code <sign>}, off unless it names a keystore) is the last write: the package, then
 * {@code <sign><files>}. A failed signing fails the build and removes the unsigned package, so that an unsigned
 * file is never mistaken for a release.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class WixBuildMojo extends AbstractMojo {
    /** The .wxs files to compile and link together (or give {@code <project>}). */
    @Parameter
    private List<File> sources;

    /**
     * A WiX project file (.wixproj, v3 or WiX SDK) to build instead of {@code <sources>}: its sources, defines,
     * extensions, cultures, ICE and warning settings, as {@code sspr build X.wixproj} evaluates them. The settings
     * below add to it ({@code <defines>}, {@code <bindPaths>}, {@code <suppressIces>}...) or win
     * ({@code <outputFile>}, {@code <platform>} when given, {@code <cultures>}, {@code <compression>}).
     */
    @Parameter
    private File project;

    /** MSBuild global properties for {@code <project>} (what {@code -p:Configuration=Release} sets). */
    @Parameter
    private Map<String, String> projectProperties = new HashMap<>();

    /** The MSI to write. */
    @Parameter(required = true)
    private File outputFile;

    /** x86, x64 or arm64; default x64 (with {@code <project>}: the project's Platform). */
    @Parameter
    private String platform;

    /**
     * Preprocessor variables ({@code -d NAME=VALUE}). A blank value leaves the variable undefined, so that the
     * source's own {@code <?ifndef?>} default applies (Maven cannot unset a property).
     */
    @Parameter
    private Map<String, String> defines = new HashMap<>();

    /** Folders searched by {@code <?include?>}. */
    @Parameter
    private List<File> includeDirs = new ArrayList<>();

    /**
     * Build time stamped into the package, in seconds since 1970. Unset (the usual case): the project's
     * {@code project.build.outputTimestamp}, then {@code SOURCE_DATE_EPOCH}, then now — see {@link BuildTime}.
     */
    @Parameter(property = "ssprkit.buildTime")
    private Long buildTime;

    /** Maven's reproducible-build timestamp (ISO-8601 or seconds), as the jar and assembly plugins read it. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    @Parameter(property = "ssprkit.skip", defaultValue = "false")
    private boolean skip;

    /** Folders besides those of the sources and includes that the build may read payload from. */
    @Parameter
    private List<File> allowedRoots = new ArrayList<>();

    /** Bind paths ({@code -bindpath}): {@code DIR} or {@code NAME=DIR}, where {@code !(bindpath.NAME)} and payload are looked for. */
    @Parameter
    private List<String> bindPaths = new ArrayList<>();

    /** Localization files ({@code -loc}); {@code <cultures>} picks among them ({@code -culture}). */
    @Parameter
    private List<File> locFiles = new ArrayList<>();

    @Parameter
    private List<String> cultures = new ArrayList<>();

    /** WiX extensions named as on the command line ({@code WixUIExtension}, {@code WixToolset.Util.wixext}...). */
    @Parameter
    private List<String> extensions = new ArrayList<>();

    /**
     * Cabinet compression where the sources name none, as WiX's {@code -dcl}: {@code none}, {@code low} (LZX:15),
     * {@code medium} (LZX:18), {@code high} (LZX:21) or {@code mszip}. Default: WiX's (v3 sources: mszip, v4 and
     * later: medium).
     */
    @Parameter(property = "ssprkit.compression")
    private String compression;

    /** Bind-time variables {@code !(wix.NAME)} reads when no WixVariable sets them ({@code -bindvariable}). */
    @Parameter
    private Map<String, String> bindVariables = new HashMap<>();

    /**
     * Cabinet cache folder ({@code --cab-cache}): cabinets whose files did not change are reused between builds (the
     * package stays byte-identical). Under {@code target/} by default, so {@code mvn clean} empties it; point it
     * elsewhere to share it between projects (entries are verified before use and written atomically).
     */
    @Parameter(property = "ssprkit.cabCache", defaultValue = "${project.build.directory}/ssprkit-cabinet-cache")
    private File cabinetCache;

    /** ICE validation of the built package (errors fail the build); {@code false} is {@code -sval}. */
    @Parameter(property = "ssprkit.validate", defaultValue = "true")
    private boolean validate;

    /**
     * ICEs whose findings are not reported ({@code <suppressIces><suppressIce>ICE18</suppressIce></suppressIces>}, or
     * {@code ICE18;ICE61} in one element), as a .wixproj's {@code SuppressIces} and {@code wix build -sice}.
     */
    @Parameter(property = "ssprkit.suppressIces")
    private List<String> suppressIces = new ArrayList<>();

    /** Treat every warning as an error, as a .wixproj's {@code TreatWarningsAsErrors} and {@code wix build -wx}. */
    @Parameter(property = "ssprkit.treatWarningsAsErrors", defaultValue = "false")
    private boolean treatWarningsAsErrors;

    /** Warnings (numbers such as 116 or WIX0116, or {@code 116;1149}) treated as errors, as a .wixproj's {@code WarningsAsErrors}. */
    @Parameter(property = "ssprkit.warningsAsErrors")
    private List<String> warningsAsErrors = new ArrayList<>();

    /** Warnings not reported, as a .wixproj's {@code SuppressSpecificWarnings} and {@code -swN}; never raised to errors. */
    @Parameter(property = "ssprkit.suppressSpecificWarnings")
    private List<String> suppressSpecificWarnings = new ArrayList<>();

    /** Authenticode signing of the built package (see {@link SignConfig}); skipped unless a keystore is set. */
    @Parameter
    private SignConfig sign;

    /** Where passwords named by {@code <sign>} and SOURCE_DATE_EPOCH are read from (tests replace it). */
    java.util.function.Function<String, String> environment = System::getenv;

    /** The clock for builds without any configured time (tests replace it). */
    java.time.Clock clock = java.time.Clock.systemUTC();

    /** The library entry point (tests replace it to inject faults). */
    java.util.function.Function<BuildRequest, BuildResult> builder = WixBuild::build;

    private List<String> iceNames() throws MojoExecutionException {
        List<String> out = new ArrayList<>();
        for (String entry : suppressIces) {
            for (String w : entry.split("[;,]")) {
                if (w.isBlank()) continue;
                out.add(BuildRequest.iceName(w).orElseThrow(() -> new MojoExecutionException(
                        "ssprkit: <suppressIces> takes ICE names such as ICE18, not '" + w.strip() + "'")));
            }
        }
        return out;
    }

    /** The warning settings above; a bad number is a configuration error. */
    private dev.ssprkit.wix.diag.WarningPolicy warningPolicy() throws MojoExecutionException {
        try {
            return new dev.ssprkit.wix.diag.WarningPolicy(false, split(suppressSpecificWarnings), treatWarningsAsErrors, split(warningsAsErrors));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ssprkit: " + e.getMessage());
        }
    }

    private static java.util.Set<String> split(List<String> entries) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String entry : entries) for (String w : entry.split("[;,]")) if (!w.isBlank()) out.add(w.strip());
        return out;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ssprkit build skipped");
            return;
        }
        String level = null;
        if (compression != null) {
            level = dev.ssprkit.cab.WixCompressionLevel.parseIgnoringCase(compression)
                    .orElseThrow(() -> new MojoExecutionException("ssprkit: <compression> must be one of "
                            + dev.ssprkit.cab.WixCompressionLevel.accepted() + ", not '" + compression + "'")).wixName();
        }
        if (project != null && sources != null && !sources.isEmpty()) {
            throw new MojoExecutionException("ssprkit: give <sources> or <project>, not both");
        }
        if (project == null && (sources == null || sources.isEmpty())) {
            throw new MojoExecutionException("ssprkit: give the .wxs files to build in <sources>, or a .wixproj in <project>");
        }
        List<Path> srcs = project != null ? List.of(project.toPath()) : sources.stream().map(File::toPath).toList();
        List<Path> includes = includeDirs.stream().map(File::toPath).toList();
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        if (defines != null) defines.forEach((k, v) -> {
            if (v != null && !v.isBlank()) vars.put(k, v);
        });
        Instant time;
        try {
            time = BuildTime.of(buildTime, outputTimestamp, environment.apply("SOURCE_DATE_EPOCH"), clock);
        } catch (RuntimeException e) {
            throw MojoFailures.raise("ssprkit: ", e);
        }
        BuildRequest.Builder base = BuildRequest.builder(outputFile.toPath(), srcs).platform(platform == null ? "x64" : platform)
                .defines(vars).includeDirs(includes)
                .environment(System.getenv()).buildTime(time).allowedRoots(roots(srcs, vars)).confine(true)
                .bindPaths(bindPaths).locFiles(locFiles.stream().map(File::toPath).toList()).cultures(cultures)
                .extensions(extensions).compression(level).bindVariables(bindVariables).validate(validate)
                .cabinetCache(cabinetCache == null ? null : cabinetCache.toPath()).suppressIces(iceNames())
                .warnings(warningPolicy());
        if (project == null) {
            build(base.build(), srcs);
            return;
        }
        dev.ssprkit.wix.project.ProjectSettings settings = readProject();
        if (settings.cultureGroups().size() > 1 && cultures.isEmpty()) {
            throw new MojoExecutionException("ssprkit: " + project + " builds " + settings.cultureGroups().size()
                    + " packages (Cultures=" + settings.properties().get("Cultures") + "); <outputFile> is one: pick its culture with <cultures>, one execution per culture");
        }
        try (var harvested = dev.ssprkit.wix.project.HarvestedFragments.of(settings)) {
            var own = new dev.ssprkit.wix.project.ProjectRequest.Own(platform, vars, includes, bindPaths,
                    locFiles.stream().map(File::toPath).toList(), cultures, extensions, level, new java.util.TreeSet<>(iceNames()),
                    warningPolicy(), validate);
            BuildRequest request;
            try {
                request = MojoProjects.request(settings, harvested, base, own, allowedRoots.stream().map(File::toPath).toList());
            } catch (RuntimeException e) {
                throw MojoFailures.raise("ssprkit: ", e); // the project's DefaultCompressionLevel is no WiX level
            }
            build(request, srcs);
        } catch (java.io.IOException e) {
            throw new MojoExecutionException("ssprkit: harvesting the HarvestDirectory folders of " + project + ": " + e.getMessage(), e);
        }
    }

    private dev.ssprkit.wix.project.ProjectSettings readProject() throws MojoFailureException {
        dev.ssprkit.wix.diag.Diagnostics read = new dev.ssprkit.wix.diag.Diagnostics();
        // the project's [System.DateTime]::Now is the package's time when that is fixed (buildTime, outputTimestamp,
        // SOURCE_DATE_EPOCH), else MSBuild's local clock
        String epoch = environment.apply("SOURCE_DATE_EPOCH");
        java.util.function.Supplier<Instant> fixed = () -> buildTime == null && BuildTime.outputTimestamp(outputTimestamp) == null
                && (epoch == null || epoch.isBlank()) ? null : BuildTime.of(buildTime, outputTimestamp, epoch, clock);
        var settings = dev.ssprkit.wix.project.WixProject.read(project.toPath(), projectProperties == null ? Map.of() : projectProperties,
                fixed, read);
        for (Diagnostic d : read.all()) {
            if (d.isError()) getLog().error(d.toString());
            else getLog().warn(d.toString());
        }
        if (settings == null) {
            throw new MojoFailureException("ssprkit: " + project + " has " + read.errorCount() + " error(s); see above ["
                    + ExitStatus.of(ErrorKind.BAD_INPUT).describe() + "]");
        }
        return settings;
    }

    private void build(BuildRequest request, List<Path> srcs) throws MojoExecutionException, MojoFailureException {
        BuildResult result;
        try {
            result = builder.apply(request);
        } catch (RuntimeException e) {
            throw MojoFailures.raise("ssprkit build of " + srcs + ": ", e);
        } catch (OutOfMemoryError e) {
            // not a bug and not the sources' fault: Maven's heap limit is below what this package needs
            throw new MojoExecutionException("ssprkit build of " + srcs + ": ran out of memory (the Java heap limit was reached); "
                    + "give Maven more, e.g. MAVEN_OPTS=-Xmx4g", e);
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.isError()) getLog().error(d.toString());
            else getLog().warn(d.toString());
        }
        if (result.internalError() != null) throw MojoFailures.raise("ssprkit build of " + srcs + ": ", result.internalError());
        if (!result.success()) {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            String message = "ssprkit build of " + srcs + " failed with " + errors + " error(s); see above ["
                    + ExitStatus.of(result.failureKind()).describe() + "]";
            // a source that cannot be read or a package that cannot be written is a build error, as any I/O error
            if (result.failureKind() == ErrorKind.IO) throw new MojoExecutionException(message);
            throw new MojoFailureException(message);
        }
        getLog().info("ssprkit built " + result.output());
        if (sign != null && sign.enabled()) sign(result.output());
    }

    private void sign(Path msi) throws MojoExecutionException, MojoFailureException {
        try {
            for (Path p : Signing.sign(sign, msi, environment)) getLog().info("ssprkit signed " + p);
        } catch (java.io.IOException | RuntimeException e) {
            deleteUnsigned(msi);
            // the signer's messages carry no secret (see dev.ssprkit.sign.Scrubbed)
            throw MojoFailures.raise("ssprkit: the unsigned " + msi.getFileName() + " was removed: ", e);
        }
    }

    private void deleteUnsigned(Path msi) {
        try {
            java.nio.file.Files.deleteIfExists(msi);
        } catch (java.io.IOException e) {
            getLog().warn("cannot remove the unsigned " + msi + ": " + e.getMessage());
        }
    }

    /**
     * The explicitly allowed roots: {@code <allowedRoots>}, and the folder of the {@code PayloadDir} define (resolved
     * against the first source's folder, as the compiler resolves {@code File/@Source}).
     */
    List<Path> roots(List<Path> srcs, Map<String, String> vars) {
        List<Path> roots = new ArrayList<>(allowedRoots.stream().map(File::toPath).toList());
        String payload = vars.get("PayloadDir");
        if (payload != null && !srcs.isEmpty()) {
            try {
                Path dir = srcs.get(0).toAbsolutePath().getParent().resolve(Path.of(payload.replace('\\', '/')));
                roots.add(dir.normalize());
            } catch (java.nio.file.InvalidPathException e) {
                getLog().warn("PayloadDir '" + payload + "' is not a path; it is not added to the allowed roots");
            }
        }
        return roots;
    }
}
