package dev.ssprkit.cli;

import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.project.HarvestedFragments;
import dev.ssprkit.wix.project.ProjectLists;
import dev.ssprkit.wix.project.ProjectRequest;
import dev.ssprkit.wix.project.ProjectSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The build request of {@code sspr build X.wixproj}: the project's request ({@link ProjectRequest}) with the command
 * line's options as the front end's own (-arch when given, -culture or the culture group being built, --compression,
 * the lists and defines), and what only the command line knows (environment, readable folders, cabinet cache).
 */
final class ProjectRequests {
    private ProjectRequests() {}

    static BuildRequest of(ProjectSettings s, BuildCommand c, Path output, HarvestedFragments harvested, List<String> group) {
        boolean archGiven = c.spec.commandLine().getParseResult().hasMatchedOption("-arch");
        ProjectRequest.Own own = new ProjectRequest.Own(archGiven ? c.arch : null, BuildCommand.pairs(c.defines), c.includes,
                c.bindPaths, c.locFiles, c.cultures.isEmpty() && group != null ? group : c.cultures, c.extensions, c.compression,
                new TreeSet<>(IceNames.parse("-sice", c.suppressIces)), c.warningPolicy(), !c.skipValidation);
        return ProjectRequest.apply(BuildRequest.builder(output, List.of()), s, harvested, own)
                .environment(c.ctx().env())
                .allowedRoots(ProjectLists.join(c.allowPaths, harvested.folders()))
                .confine(c.confine)
                .cabinetCache(c.cabCache)
                .bindVariables(BuildCommand.pairs(c.bindVariables))
                .build();
    }
}
