package dev.ssprkit.wix.project;

import dev.ssprkit.wix.diag.WarningPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a .wixproj asks of a build, evaluated: the settings WiX's MSBuild targets pass to the compiler.
 *
 * @param project       the project file
 * @param sources       the {@code Compile} items (.wxs)
 * @param locFiles      the {@code EmbeddedResource} items that are .wxl files
 * @param defines       {@code DefineConstants}, plus the project variables WiX's targets define ({@code ProjectDir},
 *                      {@code Configuration}, {@code Platform}, {@code TargetPath}...)
 * @param includeDirs   {@code IncludeSearchPaths}
 * @param bindPaths     {@code BindPath} / {@code BindInputPaths} items ({@code NAME=DIR} with {@code BindName})
 * @param extensions    {@code WixExtension} items and {@code PackageReference}s to {@code *.wixext}
 * @param platform      {@code Platform} (x86, x64, arm64)
 * @param cultures      the first culture group of {@code Cultures} (its fallback chain, e.g. {@code de-DE,de})
 * @param cultureGroups every culture group: {@code Cultures="en-US;de-DE,de"} builds one package per group
 * @param suppressIces  {@code SuppressIces}
 * @param validate      not {@code SuppressValidation}
 * @param warnings      {@code SuppressAllWarnings}, {@code SuppressSpecificWarnings}, {@code TreatWarningsAsErrors},
 *                      {@code WarningsAsErrors}
 * @param output        {@code OutputPath} + {@code OutputName} + .msi or .msm
 * @param compression   {@code DefaultCompressionLevel}, or null
 *                      (each setting above may also come from {@code CompilerAdditionalOptions} and
 *                      {@code LinkerAdditionalOptions}: {@code -arch}, {@code -d}, {@code -sice:}, {@code -sw1132}...)
 * @param properties    every property after evaluation (for tools and messages)
 * @param harvests      {@code HarvestDirectory} items: folders to harvest into fragments before compiling
 */
public record ProjectSettings(Path project, List<Path> sources, List<Path> locFiles, Map<String, String> defines,
                              List<Path> includeDirs, List<String> bindPaths, List<String> extensions, String platform,
                              List<String> cultures, Set<String> suppressIces, boolean validate, WarningPolicy warnings,
                              Path output, String compression, Map<String, String> properties, List<Harvest> harvests,
                              List<List<String>> cultureGroups) {

    /**
     * Where the package of one culture group goes: the output itself for a project of one group, else a folder named
     * after the group's first culture beside it (bin\Release\de-DE\Setup.msi), as WiX's MSBuild targets place them.
     */
    public Path output(List<String> group) {
        if (cultureGroups.size() <= 1 || group == null || group.isEmpty()) return output;
        return output.getParent().resolve(group.get(0)).resolve(output.getFileName());
    }

    /**
     * One {@code HarvestDirectory} item with the metadata WiX's heat targets read: ComponentGroupName, DirectoryRefId
     * (default TARGETDIR, as heat), PreprocessorVariable, SuppressRootDirectory.
     */
    public record Harvest(Path directory, String componentGroup, String directoryRef, String variable, boolean suppressRoot,
                          boolean v3) {
        /** The fragment's text, written by {@link dev.ssprkit.wix.harvest.Harvester}. */
        public String fragment() throws java.io.IOException {
            return new dev.ssprkit.wix.harvest.Harvester(directoryRef, componentGroup, variable, v3, suppressRoot, false,
                    List.of(), List.of()).harvest(directory);
        }

        /** The bind path its {@code SourceDir\...} paths resolve against when it has no preprocessor variable. */
        public Path bindPath() {
            return suppressRoot ? directory : directory.getParent();
        }
    }
}
