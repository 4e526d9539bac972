package dev.ssprkit.wix;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One build: the sources linked together (a product and its fragments), the MSI to write, the target platform
 * ({@code "x86"} or {@code "x64"}, null = x86 as WiX), preprocessor defines ({@code -d}), include directories
 * ({@code -I}), the environment {@code $(env.X)} reads (null = the process environment), and the build time stamped in
 * the summary information (null = {@code SOURCE_DATE_EPOCH} from that environment, else now). {@code validate}: run
 * the ICE validation on the finished package (errors fail the build, as light does; off = WiX's {@code -sval}).
 */
public record BuildRequest(List<Path> sources, Path output, String platform, Map<String, String> defines,
                           List<Path> includeDirs, Map<String, String> environment, Instant buildTime, boolean validate) {

    /** A request with ICE validation on. */
    public BuildRequest(List<Path> sources, Path output, String platform, Map<String, String> defines,
                        List<Path> includeDirs, Map<String, String> environment, Instant buildTime) {
        this(sources, output, platform, defines, includeDirs, environment, buildTime, true);
    }

    /** The same request without ICE validation. */
    public BuildRequest withoutValidation() {
        return new BuildRequest(sources, output, platform, defines, includeDirs, environment, buildTime, false);
    }

    public BuildRequest {
        sources = List.copyOf(sources);
        defines = defines == null ? Map.of() : Map.copyOf(defines);
        includeDirs = includeDirs == null ? List.of() : List.copyOf(includeDirs);
    }

    /** Sources and output only: x86, no defines, the process environment, SOURCE_DATE_EPOCH or now. */
    public static BuildRequest of(Path output, Path... sources) {
        return new BuildRequest(List.of(sources), output, null, Map.of(), List.of(), null, null);
    }
}
