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
 *
 * <p>{@code allowedRoots}: folders, besides those of the sources and the include directories, that the build may read
 * from. Every {@code <?include?>}, {@code File/@Source} and {@code Binary}/{@code Icon/@SourceFile} must resolve
 * (after {@code ..} and symbolic links) under one of these roots; anything else is a located error (WIX0063,
 * WIX0115), so a hostile source cannot package {@code /etc/passwd} or a user's keys.
 */
public record BuildRequest(List<Path> sources, Path output, String platform, Map<String, String> defines,
                           List<Path> includeDirs, Map<String, String> environment, Instant buildTime, boolean validate,
                           List<Path> allowedRoots) {

    /** A request with ICE validation on and no extra roots. */
    public BuildRequest(List<Path> sources, Path output, String platform, Map<String, String> defines,
                        List<Path> includeDirs, Map<String, String> environment, Instant buildTime) {
        this(sources, output, platform, defines, includeDirs, environment, buildTime, true, List.of());
    }

    /** A request with no extra roots. */
    public BuildRequest(List<Path> sources, Path output, String platform, Map<String, String> defines,
                        List<Path> includeDirs, Map<String, String> environment, Instant buildTime, boolean validate) {
        this(sources, output, platform, defines, includeDirs, environment, buildTime, validate, List.of());
    }

    /** The same request without ICE validation. */
    public BuildRequest withoutValidation() {
        return new BuildRequest(sources, output, platform, defines, includeDirs, environment, buildTime, false, allowedRoots);
    }

    /** The same request, also allowed to read under {@code roots} (replacing any given before). */
    public BuildRequest withAllowedRoots(List<Path> roots) {
        return new BuildRequest(sources, output, platform, defines, includeDirs, environment, buildTime, validate, roots);
    }

    public BuildRequest {
        sources = List.copyOf(sources);
        defines = defines == null ? Map.of() : Map.copyOf(defines);
        includeDirs = includeDirs == null ? List.of() : List.copyOf(includeDirs);
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
    }

    /** The folders the build may read: each source's folder, the include directories, then the allowed roots. */
    public List<Path> roots() {
        List<Path> roots = new java.util.ArrayList<>();
        for (Path s : sources) {
            Path dir = s.toAbsolutePath().getParent();
            if (dir != null) roots.add(dir);
        }
        roots.addAll(includeDirs);
        roots.addAll(allowedRoots);
        return roots;
    }

    /** Sources and output only: x86, no defines, the process environment, SOURCE_DATE_EPOCH or now. */
    public static BuildRequest of(Path output, Path... sources) {
        return new BuildRequest(List.of(sources), output, null, Map.of(), List.of(), null, null);
    }
}
