package dev.ssprkit.maven;

import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.project.HarvestedFragments;
import dev.ssprkit.wix.project.ProjectLists;
import dev.ssprkit.wix.project.ProjectRequest;
import dev.ssprkit.wix.project.ProjectSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The request of {@code <project>}: the project's request ({@link ProjectRequest}) with the plugin's settings as the
 * front end's own; the build may read the project's folder, its bind paths and include folders, and the harvested
 * fragments, besides the plugin's {@code <allowedRoots>}.
 */
final class MojoProjects {
    private MojoProjects() {}

    static BuildRequest request(ProjectSettings s, HarvestedFragments harvested, BuildRequest.Builder base, ProjectRequest.Own own,
                                List<Path> allowedRoots) {
        List<Path> roots = new ArrayList<>(allowedRoots);
        roots.add(s.project().getParent());
        roots.addAll(harvested.folders());
        roots.addAll(s.includeDirs());
        for (String bind : ProjectLists.join(ProjectLists.join(s.bindPaths(), harvested.bindPaths()), own.bindPaths())) {
            roots.add(Path.of(bind.contains("=") && !Path.of(bind).isAbsolute() ? bind.substring(bind.indexOf('=') + 1) : bind));
        }
        return ProjectRequest.apply(base, s, harvested, own).allowedRoots(roots).build();
    }
}
