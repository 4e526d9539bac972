package dev.ssprkit.wix.project;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.ProjectMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** MSBuild wildcards in item lists, and the WiX SDK's default items, over one project folder. */
final class ProjectGlobs {
    private final Path projectDir;
    private final Diagnostics diagnostics;

    ProjectGlobs(Path projectDir, Diagnostics diagnostics) {
        this.projectDir = projectDir;
        this.diagnostics = diagnostics;
    }

    /** Files under the project folder matching an MSBuild wildcard ({@code *}, {@code ?}, {@code **}), relative, sorted. */
    List<String> glob(String pattern, List<String> excluded) {
        PathMatcher m = matcher(pattern);
        List<PathMatcher> not = new ArrayList<>();
        for (String x : excluded) not.add(matcher(x));
        List<String> out = new ArrayList<>();
        try (var walk = Files.walk(projectDir)) {
            walk.filter(Files::isRegularFile).map(projectDir::relativize).sorted().forEach(rel -> {
                if (m.matches(rel) && not.stream().noneMatch(n -> n.matches(rel))) out.add(rel.toString());
            });
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            diagnostics.report(ProjectMessage.UNSUPPORTED, SourceLocation.ofFile(projectDir), "the wildcard " + pattern,
                    "the project folder could not be listed: " + e.getMessage());
        }
        return out;
    }

    /**
     * Puts the files {@code pattern} matches outside bin and obj (the WiX SDK's default items) before the items of
     * {@code list}, leaving out those the project lists itself.
     */
    void addDefaults(List<WixProject.Item> list, String pattern) {
        Set<String> have = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (WixProject.Item it : list) have.add(it.include());
        List<WixProject.Item> defaults = new ArrayList<>();
        for (String f : glob(pattern, List.of("bin/**", "obj/**"))) {
            if (!have.contains(f)) defaults.add(new WixProject.Item(f, Map.of(), SourceLocation.ofFile(projectDir)));
        }
        list.addAll(0, defaults);
    }

    private PathMatcher matcher(String pattern) {
        return projectDir.getFileSystem().getPathMatcher("glob:" + pattern.strip().replace('\\', '/').replace("**/", "{**/,}"));
    }

    /**
     * The file a WiX project's OutputType builds, as WiX's MSBuild targets name it: Package (the default) .msi,
     * Module .msm, Library .wixlib, Bundle .exe; null for any other value.
     */
    static String outputExtension(String outputType) {
        return switch (outputType == null ? "" : outputType.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "package" -> ".msi";
            case "module" -> ".msm";
            case "library" -> ".wixlib";
            case "bundle" -> ".exe";
            default -> null;
        };
    }
}
