package dev.ssprkit.maven;

import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.diag.WarningPolicy;
import dev.ssprkit.wix.project.HarvestedFragments;
import dev.ssprkit.wix.project.ProjectLists;
import dev.ssprkit.wix.project.ProjectSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request of {@code <project>}: the .wixproj's evaluated settings, with the plugin's own settings added (defines,
 * bind paths, localization files, extensions, ICEs and warnings) or winning ({@code <platform>} when given,
 * {@code <cultures>}, {@code <compression>}, the output file). ICE errors fail the build, as in a project build; the
 * build may read the project's folder, its bind paths and include folders, and the harvested fragments.
 */
final class MojoProjects {
    private MojoProjects() {}

    static BuildRequest request(ProjectSettings s, HarvestedFragments harvested, BuildRequest.Builder base, String platform,
                                Map<String, String> defines, List<String> bindPaths, List<Path> locFiles, List<String> cultures,
                                List<String> extensions, String compression, List<String> suppressIces, WarningPolicy own,
                                List<Path> allowedRoots, List<Path> includes, boolean validate) {
        Map<String, String> vars = new LinkedHashMap<>(s.defines());
        vars.putAll(defines);
        List<String> binds = ProjectLists.join(ProjectLists.join(s.bindPaths(), harvested.bindPaths()), bindPaths);
        List<Path> roots = new ArrayList<>(allowedRoots);
        roots.add(s.project().getParent());
        roots.addAll(harvested.folders());
        roots.addAll(s.includeDirs());
        for (String b : binds) roots.add(Path.of(b.contains("=") && !Path.of(b).isAbsolute() ? b.substring(b.indexOf('=') + 1) : b));
        Set<String> ices = new TreeSet<>(s.suppressIces());
        ices.addAll(suppressIces);
        WarningPolicy warnings = own.union(s.warnings());
        String level = compression != null ? compression : s.compression() == null ? null
                : dev.ssprkit.cab.WixCompressionLevel.parseIgnoringCase(s.compression()).map(l -> l.wixName()).orElse(null);
        return base.sources(ProjectLists.join(s.sources(), harvested.sources()))
                .platform(platform != null ? platform : s.platform())
                .defines(vars)
                .includeDirs(ProjectLists.join(s.includeDirs(), includes))
                .bindPaths(binds)
                .locFiles(ProjectLists.join(s.locFiles(), locFiles))
                .cultures(cultures.isEmpty() ? s.cultures() : cultures)
                .extensions(new ArrayList<>(new LinkedHashSet<>(ProjectLists.join(s.extensions(), extensions))))
                .compression(level)
                .suppressIces(ices)
                .warnings(warnings)
                .validate(s.validate() && validate)
                .iceErrors(BuildRequest.IceErrors.FAIL)
                .allowedRoots(roots)
                .workingDirectory(s.project().getParent())
                .build();
    }

}
