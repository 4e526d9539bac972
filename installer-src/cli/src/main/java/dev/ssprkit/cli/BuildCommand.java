package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.cab.WixCompressionLevel;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import dev.ssprkit.wix.diag.WarningPolicy;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.project.ProjectSettings;
import dev.ssprkit.wix.project.WixProject;
import dev.ssprkit.wix.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**

 * {@code sspr build}: compile and link WiX sources into an MSI, with the options of {@code wix build} (and candle/light
 * where they differ); all located messages are printed, no file on error. Exit 3 for errors in the sources, 4 when a
 * source cannot be read or the package written, 70 for a bug.
 */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Compile and link WiX sources (v3 or v4+) into an MSI, as wix build does.")
final class BuildCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final CliContext ctx;
    private boolean archGiven;
    @Parameters(arity = "1..*", paramLabel = "FILE.wxs", description = "Sources compiled and linked together, or one .wixproj (its properties, Compile and EmbeddedResource items, extensions, bind paths and warning settings; -p NAME=VALUE sets MSBuild properties).") List<Path> sources;
    @Option(names = {"-o", "--out", "-out"}, paramLabel = "OUT.msi", description = "Output file (default: the first source with .msi, or .msm for a <Module>).") Path out;
    @Option(names = {"-a", "-arch", "--arch"}, paramLabel = "x86|x64|arm64", defaultValue = "x86",
            description = "Target platform, as WiX's -arch (a v3 Package/@Platform wins). Default: ${DEFAULT-VALUE}.") String arch;
    @Option(names = {"-d", "-define"}, paramLabel = "NAME=VALUE", description = "Define a preprocessor variable.") List<String> defines = new ArrayList<>();
    @Option(names = {"-I", "-includepath"}, paramLabel = "DIR", description = "Add a folder to the include path.") List<Path> includes = new ArrayList<>();
    @Option(names = {"-b", "-bindpath", "--bindpath"}, paramLabel = "[NAME=]DIR", description = "Where payload is looked for (NAME= for !(bindpath.NAME)).") List<String> bindPaths = new ArrayList<>();
    @Option(names = {"-loc", "--loc"}, paramLabel = "FILE.wxl", description = "A localization file.") List<Path> locFiles = new ArrayList<>();
    @Option(names = {"-culture", "-cultures", "--culture"}, paramLabel = "CULTURE", split = "[;,]", description = "Culture(s) to build, in fallback order (e.g. de-DE).") List<String> cultures = new ArrayList<>();
    @Option(names = {"-ext", "--ext"}, paramLabel = "NAME", description = "A WiX extension (util, firewall, UI... are built in; the name is checked).") List<String> extensions = new ArrayList<>();
    @Option(names = {"-bindvariable", "-bv", "--bind-variable"}, paramLabel = "NAME=VALUE", description = "A value for !(wix.NAME).") List<String> bindVariables = new ArrayList<>();
    @Option(names = {"--compression", "-dcl"}, paramLabel = "LEVEL",
            description = "Cabinet compression where the sources name none, as WiX's -dcl: none, low (LZX:15), "
                    + "medium (LZX:18), high (LZX:21) or mszip. Default: WiX's (v3 sources: mszip, v4 and later: medium).")
    String compression;
    @Option(names = {"-sval", "--no-validation"}, description = "Skip ICE validation, as light -sval.") boolean skipValidation;
    @Option(names = "--fail-on-ice", description = "Let ICE errors stop the build of WiX v4+ sources too (as the WiX MSBuild SDK"
            + " and wix msi validate do; wix build does not validate, so by default they are warnings there). v3 sources always fail, as with light.")
    boolean failOnIce;
    @Option(names = {"-sice", "--suppress-ice"}, paramLabel = "ICEnn", split = "[;,]",
            description = "Do not report this ICE's findings (as wix build -sice ICE18, light -sice:ICE18, a .wixproj's SuppressIces).")
    List<String> suppressIces = new ArrayList<>();
    @Option(names = "--allow-path", paramLabel = "DIR", description = "Also allow reading sources and payload under DIR.") List<Path> allowPaths = new ArrayList<>();
    @Option(names = "--confine", description = "Read only under the sources', include and --allow-path folders (for services that build untrusted sources).") boolean confine;
    @Option(names = {"-nologo", "--nologo"}, description = "Accepted from wix build / candle / light command lines; sspr prints no logo.") boolean noLogo;
    @Option(names = "-pdbtype", paramLabel = "full|portable|none", description = "Accepted from wix build command lines; sspr writes no .wixpdb (a warning says so unless none).") String pdbType;
    @Option(names = {"-pdb", "-pdbout"}, paramLabel = "FILE", description = "Accepted from wix build / light command lines; sspr writes no .wixpdb (a warning says so).") Path pdbFile;
    @Option(names = {"-intermediatefolder", "-intermediateFolder", "--intermediate-folder"}, paramLabel = "DIR",
            description = "Accepted from wix build command lines; sspr keeps no intermediate files.") Path intermediateFolder;
    @Option(names = {"-spdb", "-sacl", "-ss", "-sh", "-v", "-verbose"},
            description = "Accepted from candle / light / wix build command lines and ignored: no .wixpdb, ACLs, schema validation"
                    + " switches or verbosity levels to set in sspr.") List<Boolean> ignoredSwitches = new ArrayList<>();
    @Option(names = "--suppress-warnings", description = "Print no warnings (wix build -sw).") boolean suppressAllWarnings;
    @Option(names = "--suppress-warning", paramLabel = "N", split = "[;,]",
            description = "Do not print sspr's warning WIXnnnn (wix build -swN; sspr numbers its warnings its own way, so WiX's numbers rarely match).")
    List<String> suppressWarnings = new ArrayList<>();
    @Option(names = "--warnings-as-errors", description = "Treat every warning as an error: the build fails and writes nothing (wix build / light -wx,"
            + " a .wixproj's TreatWarningsAsErrors). ICE findings of v4+ sources stay warnings unless --fail-on-ice: wix build does not validate.")
    boolean warningsAsErrors;
    @Option(names = "--warning-as-error", paramLabel = "N", split = "[;,]",
            description = "Treat sspr's warning WIXnnnn (N or WIXnnnn) as an error (wix build -wxN, a .wixproj's WarningsAsErrors).")
    List<String> warningAsError = new ArrayList<>();
    @Option(names = {"-p", "-property", "--property"}, paramLabel = "NAME=VALUE", split = ";",
            description = "With a .wixproj: an MSBuild global property (as dotnet build / msbuild -p:Configuration=Release;Platform=x64).")
    List<String> projectProperties = new ArrayList<>();
    @Option(names = {"--cab-cache", "-cc"}, paramLabel = "DIR", description = "Reuse compressed cabinets from DIR when their files are unchanged.") Path cabCache;

    BuildCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    CliContext ctx() {
        return ctx;
    }

    @Override
    public Integer call() {
        // -arch as given, or null: then the build is x86 unless a v3 Package/@Platform names another platform
        archGiven = spec.commandLine().getParseResult().hasMatchedOption("-arch");
        if (!List.of("x86", "x64", "arm64", "intel", "amd64").contains(arch.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidValueException("-arch must be x86, x64 or arm64, not '" + arch + "'");
        }
        if (compression != null) {
            compression = WixCompressionLevel.parseIgnoringCase(compression).orElseThrow(() -> new InvalidValueException(
                    "--compression must be one of " + WixCompressionLevel.accepted() + ", not '" + compression + "'")).wixName();
        }
        if (pdbType != null && !List.of("full", "portable", "none").contains(pdbType.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidValueException("-pdbtype must be full, portable or none, not '" + pdbType + "'");
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean project = sources.size() == 1 && sources.get(0).getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wixproj");
        if (!project && !projectProperties.isEmpty()) throw new InvalidValueException("-p NAME=VALUE sets MSBuild properties of a .wixproj; give one .wixproj to build");
        ProjectSettings settings = null;
        if (project) {
            Diagnostics read = new Diagnostics();
            // the project's [System.DateTime]::Now is the build's time: SOURCE_DATE_EPOCH when set, as the package's
            String epoch = ctx.env().get("SOURCE_DATE_EPOCH");
            settings = WixProject.read(sources.get(0), pairs(projectProperties),
                    () -> epoch == null || epoch.isBlank() ? null : dev.ssprkit.msi.WriteOptions.buildTimeFromEnvironment(epoch), read);
            for (Diagnostic d : read.all()) err.println(d);
            if (settings == null) {
                err.println("sspr build: " + read.errorCount() + " error(s) in the project; no output written");
                return ExitStatus.BAD_INPUT.code;
            }
        }
        Path output = out != null ? out : settings != null ? settings.output() : defaultOutput(sources.get(0));
        if (pdbType != null && !pdbType.equalsIgnoreCase("none")) {
            err.println("warning: -pdbtype " + pdbType + ": sspr writes no .wixpdb; only the package is built");
        }
        if (pdbFile != null) err.println("warning: -pdb " + pdbFile + ": sspr writes no .wixpdb; only the package is built");
        // a project of several culture groups builds one package per group, each in its culture's folder
        List<List<String>> groups = settings != null && settings.cultureGroups().size() > 1 && cultures.isEmpty()
                ? settings.cultureGroups() : java.util.Collections.singletonList(null);
        if (groups.size() > 1 && out != null) {
            throw new InvalidValueException("the project builds " + groups.size() + " packages (Cultures=" + settings.properties().get("Cultures")
                    + "): give no -o, or pick one with -culture");
        }
        try (dev.ssprkit.wix.project.HarvestedFragments harvested = dev.ssprkit.wix.project.HarvestedFragments.of(settings)) {
            int worst = 0;
            for (List<String> group : groups) {
                Path target = settings == null || out != null ? output : settings.output(group);
                int code = build(settings == null ? null : ProjectRequests.of(settings, this, target, harvested, group), target, err);
                worst = Math.max(worst, code);
            }
            return worst;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("harvesting the project's HarvestDirectory folders: " + e.getMessage(), e);
        }
    }

    private int build(BuildRequest fromProject, Path output, PrintWriter err) {
        BuildRequest request = fromProject != null ? fromProject
                : BuildRequest.builder(output, sources).platform(archGiven ? arch : null).defines(pairs(defines)).includeDirs(includes)
                .environment(ctx.env()).validate(!skipValidation).allowedRoots(allowPaths).bindPaths(bindPaths)
                .locFiles(locFiles).cultures(cultures).extensions(extensions).compression(compression).confine(confine)
                .cabinetCache(cabCache).bindVariables(pairs(bindVariables)).suppressIces(IceNames.parse("-sice", suppressIces))
                .iceErrors(failOnIce ? BuildRequest.IceErrors.FAIL : BuildRequest.IceErrors.AS_WIX).warnings(warningPolicy()).build();
        BuildResult result;
        try (Progress p = Progress.start(ctx, err, "building " + output.getFileName())) {
            result = WixBuild.build(request);
        }
        for (Diagnostic d : result.diagnostics()) err.println(d);
        if (result.internalError() instanceof RuntimeException bug) throw bug; // Errors reports it as an internal error
        if (result.internalError() != null) throw new IllegalStateException("internal error while building " + output.getFileName(), result.internalError());
        if (!result.success()) {
            long n = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println("sspr build: " + n + " error(s); no output written");
            return ExitStatus.of(result.failureKind()).code; // 3 for errors in the sources, 4 when a file could not be read or written
        }
        spec.commandLine().getOut().println("built " + result.output());
        return Sspr.OK;
    }

    /** -sw / -swN drop warnings, -wx / -wxN raise them to errors (a suppressed warning is never raised). */
    WarningPolicy warningPolicy() {
        try {
            return new WarningPolicy(suppressAllWarnings, java.util.Set.copyOf(suppressWarnings), warningsAsErrors, java.util.Set.copyOf(warningAsError));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(e.getMessage());
        }
    }

    static Map<String, String> pairs(List<String> values) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String d : values) {
            int eq = d.indexOf('=');
            vars.put(eq < 0 ? d : d.substring(0, eq), eq < 0 ? "" : d.substring(eq + 1));
        }
        return vars;
    }

    private static Path defaultOutput(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return source.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + WixBuild.defaultExtension(source));
    }

    /**
     * light's spellings {@code -sice:ICE18}, {@code -cultures:de-de;en-us} and {@code -dcl:high} as {@code -sice ICE18},
     * {@code -culture ...} and {@code -dcl high}, and wix build's / light's {@code -sw}, {@code -sw1149} (the number
     * glued to the option), {@code -wx} and {@code -wx1149} as {@code --suppress-warnings},
     * {@code --suppress-warning=1149}, {@code --warnings-as-errors} and {@code --warning-as-error=1149}, which the
     * option parser reads.
     */
    static String[] lightSpellings(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.regionMatches(true, 0, "-sice:", 0, 6)) {
                out.add("-sice");
                out.add(a.substring(6));
            } else if (a.regionMatches(true, 0, "-cultures:", 0, 10)) {
                out.add("-culture");
                out.add(a.substring(10));
            } else if (a.regionMatches(true, 0, "-dcl:", 0, 5)) {
                out.add("-dcl");
                out.add(a.substring(5));
            } else if (a.matches("(?i)[-/](p|property):.*")) { // msbuild / dotnet build: -p:Name=Value;Name2=Value2
                out.add("-p");
                out.add(a.substring(a.indexOf(':') + 1));
            } else if (a.equals("-sw")) {
                out.add("--suppress-warnings");
            } else if (a.matches("-sw[0-9]{1,5}")) {
                out.add("--suppress-warning=" + a.substring(3));
            } else if (a.equals("-wx")) {
                out.add("--warnings-as-errors");
            } else if (a.matches("-wx[0-9]{1,5}")) {
                out.add("--warning-as-error=" + a.substring(3));
            } else {
                out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }
}
