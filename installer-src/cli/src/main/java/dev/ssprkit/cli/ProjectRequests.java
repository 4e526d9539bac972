package dev.ssprkit.cli;

import dev.ssprkit.cab.WixCompressionLevel;
import dev.ssprkit.common.InvalidValueException;
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
 * The build request of {@code sspr build X.wixproj}: the project's evaluated settings, with the command line's options
 * added (lists, defines) or winning (-arch when given, -culture, -o, --compression). ICE errors fail the build, as
 * in a .wixproj build (Wix.targets and the WiX SDK validate); sources resolve relative paths from the project folder.
 */
final class ProjectRequests {
    private ProjectRequests() {}

    static BuildRequest of(ProjectSettings s, BuildCommand c, Path output, HarvestedFragments harvested, List<String> group) {
        boolean archGiven = c.spec.commandLine().getParseResult().hasMatchedOption("-arch");
        Map<String, String> defines = new LinkedHashMap<>(s.defines());
        defines.putAll(BuildCommand.pairs(c.defines));
        String compression = c.compression != null ? c.compression : s.compression() == null ? null
                : WixCompressionLevel.parseIgnoringCase(s.compression()).orElseThrow(() -> new InvalidValueException(
                        s.project().getFileName() + ": DefaultCompressionLevel must be one of " + WixCompressionLevel.accepted()
                                + ", not '" + s.compression() + "'")).wixName();
        Set<String> ices = new TreeSet<>(s.suppressIces());
        ices.addAll(IceNames.parse("-sice", c.suppressIces));
        WarningPolicy own = c.warningPolicy();
        WarningPolicy warnings = own.union(s.warnings());
        return BuildRequest.builder(output, ProjectLists.join(s.sources(), harvested.sources()))
                .platform(archGiven ? c.arch : s.platform())
                .defines(defines)
                .includeDirs(ProjectLists.join(s.includeDirs(), c.includes))
                .environment(c.ctx().env())
                .validate(s.validate() && !c.skipValidation)
                .allowedRoots(ProjectLists.join(c.allowPaths, harvested.folders()))
                .bindPaths(ProjectLists.join(ProjectLists.join(s.bindPaths(), harvested.bindPaths()), c.bindPaths))
                .locFiles(ProjectLists.join(s.locFiles(), c.locFiles))
                .cultures(!c.cultures.isEmpty() ? c.cultures : group != null ? group : s.cultures())
                .extensions(new ArrayList<>(new LinkedHashSet<>(ProjectLists.join(s.extensions(), c.extensions))))
                .compression(compression)
                .confine(c.confine)
                .cabinetCache(c.cabCache)
                .bindVariables(BuildCommand.pairs(c.bindVariables))
                .suppressIces(ices)
                .iceErrors(BuildRequest.IceErrors.FAIL)
                .warnings(warnings)
                .workingDirectory(s.project().getParent())
                .build();
    }

}
