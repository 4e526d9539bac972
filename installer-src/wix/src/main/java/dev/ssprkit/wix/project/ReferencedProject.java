package dev.ssprkit.wix.project;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.source.LocatedXml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The variables WiX's MSBuild targets define for a {@code ProjectReference} ({@code $(var.Name.TargetPath)},
 * {@code TargetDir}...), computed from the referenced project file instead of from its build, which sspr does not
 * run: where that project's own build puts its output. Its properties are read in document order with the
 * configuration and platform of this build, conditions evaluated where they can be (a property whose condition or
 * value cannot be evaluated is left out); then the output folder is MSBuild's default for the project kind unless the
 * project sets OutputPath: {@code bin\[Platform\]Configuration\[TargetFramework\][RuntimeIdentifier\]} for an SDK
 * project (the .NET SDK's defaults, so {@code dotnet build -c Configuration} fills it), {@code bin\Configuration\} for
 * an older C#/VB project, {@code [Platform\]Configuration\} beside the project for C++ ({@code $(OutDir)} relative to
 * the project, not the solution), {@code bin\[Platform\]Configuration\} for a WiX project.
 */
final class ReferencedProject {
    private ReferencedProject() {}

    /** The variables, named without the reference's prefix (TargetPath, TargetDir...), or null when the file is missing. */
    static Map<String, String> variables(Path project, String configuration, String platform) {
        if (!Files.isRegularFile(project)) return null;
        Diagnostics quiet = new Diagnostics(); // the referenced file's own problems are not this build's
        LocatedXml.Element root = LocatedXml.read(project, quiet);
        if (root == null || !root.name().equals("Project")) return null;
        Map<String, String> global = new LinkedHashMap<>();
        global.put("Configuration", configuration);
        global.put("Platform", platform);
        MsBuildProperties p = new MsBuildProperties(global);
        Path dir = project.toAbsolutePath().normalize().getParent();
        p.directory(dir);
        String fileName = project.getFileName().toString();
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String kind = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        p.set("MSBuildProjectName", base);
        p.set("MSBuildProjectDirectory", dir.toString());
        for (LocatedXml.Element group : root.children()) {
            if (!group.name().equals("PropertyGroup") || !holds(group.attribute("Condition"), p, dir)) continue;
            for (LocatedXml.Element prop : group.children()) {
                if (!holds(prop.attribute("Condition"), p, dir)) continue;
                try {
                    p.set(prop.name(), p.expand(prop.text()));
                } catch (MsBuildProperties.Unsupported e) {
                    // a value this evaluator cannot compute: the default below stands
                }
            }
        }
        boolean sdk = root.attribute("Sdk") != null && !root.attribute("Sdk").isBlank();
        String name = nonBlank(p.get("AssemblyName"), nonBlank(p.get("TargetName"), base));
        String ext = switch (kind) {
            case "vcxproj" -> switch (p.get("ConfigurationType").toLowerCase(Locale.ROOT)) {
                case "application" -> ".exe";
                case "staticlibrary" -> ".lib";
                default -> ".dll";
            };
            case "wixproj" -> java.util.Objects.requireNonNullElse(ProjectGlobs.outputExtension(p.get("OutputType")), ".msi");
            default -> switch (p.get("OutputType").toLowerCase(Locale.ROOT)) {
                case "exe", "winexe" -> ".exe";
                default -> ".dll";
            };
        };
        boolean anyCpu = platform.isBlank() || platform.equalsIgnoreCase("AnyCPU") || platform.equalsIgnoreCase("Any CPU");
        String out;
        if (!p.get("OutputPath").isBlank()) {
            out = p.get("OutputPath");
        } else if (kind.equals("vcxproj")) {
            out = (platform.equalsIgnoreCase("Win32") || platform.equalsIgnoreCase("x86") ? "" : platform + "\\") + configuration + "\\";
        } else if (sdk && !kind.equals("wixproj")) {
            String framework = nonBlank(p.get("TargetFramework"), p.get("TargetFrameworks").split(";")[0].strip());
            out = "bin\\" + (anyCpu ? "" : platform + "\\") + configuration + "\\"
                    + (framework.isBlank() || "false".equalsIgnoreCase(p.get("AppendTargetFrameworkToOutputPath")) ? "" : framework + "\\")
                    + (p.get("RuntimeIdentifier").isBlank() || "false".equalsIgnoreCase(p.get("AppendRuntimeIdentifierToOutputPath")) ? "" : p.get("RuntimeIdentifier") + "\\");
        } else if (kind.equals("wixproj")) {
            out = "bin\\" + (anyCpu || !sdk ? "" : platform + "\\") + configuration + "\\";
        } else {
            out = "bin\\" + configuration + "\\";
        }
        Path targetDir = dir.resolve(out.replace('\\', '/')).normalize();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("Configuration", configuration);
        v.put("FullConfiguration", configuration + "|" + platform);
        v.put("Platform", platform);
        v.put("ProjectDir", dir + "/");
        v.put("ProjectExt", fileName.substring(fileName.lastIndexOf('.')));
        v.put("ProjectFileName", fileName);
        v.put("ProjectName", base);
        v.put("ProjectPath", dir.resolve(fileName).toString());
        v.put("TargetDir", targetDir + "/");
        v.put("TargetExt", ext);
        v.put("TargetFileName", name + ext);
        v.put("TargetName", name);
        v.put("TargetPath", targetDir.resolve(name + ext).toString());
        return v;
    }

    private static boolean holds(String condition, MsBuildProperties p, Path dir) {
        try {
            return MsBuildCondition.evaluate(condition, p, dir);
        } catch (MsBuildCondition.Invalid | MsBuildProperties.Unsupported e) {
            return false; // cannot be told: left out, as if false
        }
    }

    private static String nonBlank(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }
}
