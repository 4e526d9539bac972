package dev.ssprkit.wix.project;

import dev.ssprkit.cab.WixCompressionLevel;
import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.diag.WarningPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request of a project build, the same from every front end ({@code sspr build X.wixproj}, the Maven plugin's
 * {@code <project>}): the project's evaluated settings and its harvested fragments, with the front end's own settings
 * added (defines, lists, ICEs, warnings) or winning (platform, cultures and compression when given). ICE errors fail
 * the build, as in a .wixproj build (Wix.targets and the WiX SDK validate); relative paths resolve from the project
 * folder. What only a front end knows (environment, build time, readable folders, cabinet cache) it sets itself.
 */
public final class ProjectRequest {
    private ProjectRequest() {}

    /**
     * A front end's own settings.
     *
     * @param platform    wins when not null
     * @param cultures    win when not empty
     * @param compression a WiX compression level name; wins when not null
     * @param validate    false turns the project's validation off
     */
    public record Own(String platform, Map<String, String> defines, List<Path> includeDirs, List<String> bindPaths,
                      List<Path> locFiles, List<String> cultures, List<String> extensions, String compression,
                      Set<String> suppressIces, WarningPolicy warnings, boolean validate) {}

    /**
     * Sets on {@code b} what the project decides, merged with {@code own}.
     *
     * @throws InvalidValueException when the project's DefaultCompressionLevel is no WiX compression level
     */
    public static BuildRequest.Builder apply(BuildRequest.Builder b, ProjectSettings s, HarvestedFragments harvested, Own own) {
        Map<String, String> defines = new LinkedHashMap<>(s.defines());
        defines.putAll(own.defines());
        Set<String> ices = new TreeSet<>(s.suppressIces());
        ices.addAll(own.suppressIces());
        return b.sources(ProjectLists.join(s.sources(), harvested.sources()))
                .platform(own.platform() != null ? own.platform() : s.platform())
                .defines(defines)
                .includeDirs(ProjectLists.join(s.includeDirs(), own.includeDirs()))
                .bindPaths(ProjectLists.join(ProjectLists.join(s.bindPaths(), harvested.bindPaths()), own.bindPaths()))
                .locFiles(ProjectLists.join(s.locFiles(), own.locFiles()))
                .cultures(own.cultures().isEmpty() ? s.cultures() : own.cultures())
                .extensions(new ArrayList<>(new LinkedHashSet<>(ProjectLists.join(s.extensions(), own.extensions()))))
                .compression(own.compression() != null ? own.compression() : compression(s))
                .suppressIces(ices)
                .warnings(own.warnings().union(s.warnings()))
                .validate(s.validate() && own.validate())
                .iceErrors(BuildRequest.IceErrors.FAIL)
                .workingDirectory(s.project().getParent());
    }

    private static String compression(ProjectSettings s) {
        if (s.compression() == null) return null;
        return WixCompressionLevel.parseIgnoringCase(s.compression()).orElseThrow(() -> new InvalidValueException(
                s.project().getFileName() + ": DefaultCompressionLevel must be one of " + WixCompressionLevel.accepted()
                        + ", not '" + s.compression() + "'")).wixName();
    }
}
