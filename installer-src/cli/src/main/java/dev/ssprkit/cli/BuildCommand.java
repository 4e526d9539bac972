package dev.ssprkit.cli;

import dev.ssprkit.cab.WixCompressionLevel;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
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

/** {@code sspr build}: compile and link WiX sources into an MSI; all located messages are printed, no file on error. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Compile and link WiX sources (v3 or v4) into an MSI.")
final class BuildCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final CliContext ctx;
    @Parameters(arity = "1..*", paramLabel = "FILE.wxs") List<Path> sources;
    @Option(names = {"-o", "--out"}, paramLabel = "OUT.msi", description = "Output file (default: the first source with .msi).") Path out;
    @Option(names = {"-a", "--arch"}, paramLabel = "x86|x64", defaultValue = "x64", description = "Target platform. Default: ${DEFAULT-VALUE}.") String arch;
    @Option(names = "-d", paramLabel = "NAME=VALUE", description = "Define a preprocessor variable.") List<String> defines = new ArrayList<>();
    @Option(names = "-I", paramLabel = "DIR", description = "Add a folder to the include path.") List<Path> includes = new ArrayList<>();
    @Option(names = "--allow-path", paramLabel = "DIR",
            description = "Also allow reading sources and payload under DIR (by default only the sources' and include folders).")
    List<Path> allowPaths = new ArrayList<>();
    @Option(names = "--compression", paramLabel = "LEVEL",
            description = "Cabinet compression where the sources name none, as WiX's -dcl: none, low (LZX:15), "
                    + "medium (LZX:18), high (LZX:21) or mszip. Default: WiX's (v3 sources: mszip, v4 and later: medium).")
    String compression;

    BuildCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!arch.equals("x86") && !arch.equals("x64")) {
            throw new IllegalArgumentException("-a must be x86 or x64, not '" + arch + "'");
        }
        WixCompressionLevel level = null;
        if (compression != null) {
            level = WixCompressionLevel.parseIgnoringCase(compression).orElseThrow(() -> new IllegalArgumentException(
                    "--compression must be one of " + WixCompressionLevel.accepted() + ", not '" + compression + "'"));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String d : defines) {
            int eq = d.indexOf('=');
            vars.put(eq < 0 ? d : d.substring(0, eq), eq < 0 ? "" : d.substring(eq + 1));
        }
        Path output = out != null ? out : defaultOutput(sources.get(0));
        PrintWriter err = spec.commandLine().getErr();
        if (level != null) {
            // BuildRequest has no field for it yet (the WiX compiler applies CompressionLevel from the sources only);
            // until it does, say so rather than ignore the option silently
            err.println("sspr build: warning: --compression " + level.wixName() + " is not applied yet; the sources' "
                    + "CompressionLevel (or WiX's default) decides");
        }
        BuildResult result;
        try (Progress p = Progress.start(ctx, err, "building " + output.getFileName())) {
            result = WixBuild.build(new BuildRequest(sources, output, arch, vars, includes, ctx.env(), null).withAllowedRoots(allowPaths));
        }
        for (Diagnostic d : result.diagnostics()) err.println(d);
        if (!result.success()) {
            long n = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println("sspr build: " + n + " error(s); no output written");
            return Sspr.FAILED;
        }
        spec.commandLine().getOut().println("built " + result.output());
        return Sspr.OK;
    }

    private static Path defaultOutput(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return source.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".msi");
    }
}
