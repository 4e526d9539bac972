package dev.ssprkit.wix.project;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.ProjectMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.diag.WarningPolicy;
import dev.ssprkit.wix.source.LocatedXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a WiX project file (.wixproj: a WiX v3 project that imports Wix.targets, or a WiX v4+ SDK project,
 * {@code <Project Sdk="WixToolset.Sdk/...">}) the way MSBuild evaluates one, for the parts that decide a build:
 * properties (in document order, global {@code -p:} properties winning, conditions evaluated), imports of project
 * files that exist, then items ({@code Compile}, {@code EmbeddedResource}, {@code BindPath}, {@code BindInputPaths},
 * {@code WixExtension}, {@code PackageReference}, {@code ProjectReference}), with wildcards and the WiX SDK's default
 * items ({@code **}{@code /*.wxs} and {@code **}{@code /*.wxl} outside bin and obj). Targets are not run: a
 * {@code <Target>} is reported and skipped. What it cannot evaluate (property functions it does not know, item lists)
 * is a located error when the build reads it; a property the build never reads may hold anything (see
 * {@link MsBuildProperties}). Nothing is guessed.
 */
public final class WixProject {
    private final Diagnostics diagnostics;
    private final EvaluationErrors errors;
    private final MsBuildProperties properties;
    private final Path projectDir;
    private final Map<String, List<Item>> items = new LinkedHashMap<>();
    private final Set<Path> imported = new LinkedHashSet<>();
    private final ProjectGlobs globs;
    private boolean sdk;

    /** One item: its evaluated Include and metadata, and where it is written. */
    record Item(String include, Map<String, String> metadata, SourceLocation location) {}

    private WixProject(Path project, Map<String, String> global, java.util.function.Supplier<java.time.Instant> buildTime,
                       Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.errors = new EvaluationErrors(diagnostics);
        this.properties = new MsBuildProperties(global, buildTime);
        this.projectDir = project.toAbsolutePath().normalize().getParent();
        properties.directory(projectDir);
        this.globs = new ProjectGlobs(projectDir, diagnostics);
    }

    /**
     * The project's settings, or {@code null} after reporting its errors. {@code [System.DateTime]::Now} reads
     * SOURCE_DATE_EPOCH from the process environment.
     */
    public static ProjectSettings read(Path project, Map<String, String> globalProperties, Diagnostics diagnostics) {
        return read(project, globalProperties, () -> {
            String epoch = System.getenv("SOURCE_DATE_EPOCH");
            return epoch == null || epoch.isBlank() ? null : dev.ssprkit.msi.WriteOptions.buildTimeFromEnvironment(epoch);
        }, diagnostics);
    }

    /**
     * The project's settings, or {@code null} after reporting its errors; {@code buildTime} gives the build's fixed
     * time (SOURCE_DATE_EPOCH, a Maven build's timestamp), or null when it has none and the clock is read.
     */
    public static ProjectSettings read(Path project, Map<String, String> globalProperties,
                                       java.util.function.Supplier<java.time.Instant> buildTime, Diagnostics diagnostics) {
        WixProject p = new WixProject(project, globalProperties, buildTime, diagnostics);
        return p.evaluate(project.toAbsolutePath().normalize());
    }

    private ProjectSettings evaluate(Path file) {
        LocatedXml.Element root = LocatedXml.read(file, diagnostics);
        if (root == null) return null;
        if (!root.name().equals("Project")) {
            diagnostics.report(ProjectMessage.NOT_A_PROJECT, root.location(), file.getFileName(), root.name());
            return null;
        }
        String sdkName = root.attribute("Sdk");
        sdk = sdkName != null && sdkName.toLowerCase(Locale.ROOT).startsWith("wixtoolset.sdk");
        String name = file.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        properties.set("MSBuildProjectDirectory", projectDir.toString());
        properties.set("MSBuildProjectFullPath", file.toString());
        properties.set("MSBuildProjectFile", name);
        properties.set("MSBuildProjectName", base);
        properties.set("MSBuildProjectExtension", name.substring(base.length()));
        properties.set("MSBuildThisFileDirectory", projectDir + "/");
        properties.set("MSBuildStartupDirectory", Path.of("").toAbsolutePath().toString());
        int errors = diagnostics.errorCount();
        List<LocatedXml.Element> body = new ArrayList<>();
        imported.add(file);
        // the WiX SDK imports Microsoft.Common.props, which imports the nearest Directory.Build.props above the project
        // (MSBuild's "Customize your build" page). Directory.Build.targets is not read: it holds targets, which sspr
        // does not run, and in repositories that also build .NET code, conditions on target frameworks.
        if (sdk && !"false".equalsIgnoreCase(properties.get("ImportDirectoryBuildProps"))) importAbove("Directory.Build.props", body);
        collect(root, file, body);
        if (!properties.isSet("Configuration")) properties.set("Configuration", "Debug");
        if (!properties.isSet("Platform")) properties.set("Platform", "x86");
        // the WiX SDK adds its default items in its props, before the project's own items (which may Remove them)
        if (sdk && !"false".equalsIgnoreCase(properties.get("EnableDefaultItems"))) defaultItems();
        for (LocatedXml.Element e : body) itemGroup(e);
        this.errors.reads(properties); // first the causes, then what an empty value made of them
        if (diagnostics.errorCount() > errors) return null;
        ProjectSettings settings = settings(file, base);
        this.errors.reads(properties);
        return diagnostics.errorCount() > errors ? null : settings;
    }

    /** Pass one: properties and imports in document order; item groups are kept for pass two. */
    private void collect(LocatedXml.Element project, Path file, List<LocatedXml.Element> itemGroups) {
        for (LocatedXml.Element e : project.children()) {
            if (!condition(e)) continue;
            switch (e.name()) {
                case "PropertyGroup" -> {
                    for (LocatedXml.Element p : e.children()) {
                        if (properties.isGlobal(p.name()) || !condition(p)) continue; // -p:Name=Value wins
                        define(p);
                    }
                }
                case "ItemGroup" -> itemGroups.add(e);
                case "Import" -> importProject(e, itemGroups);
                case "Target", "UsingTask", "ProjectExtensions", "Sdk", "ItemDefinitionGroup" ->
                        diagnostics.report(ProjectMessage.IGNORED, e.location(), "<" + e.name()
                                + (e.attribute("Name") == null ? "" : " Name=\"" + e.attribute("Name") + "\"") + ">",
                                "sspr runs no MSBuild targets or tasks", "if it computes a property or file the build needs, pass it with -p:Name=Value or -d");
                case "Choose" -> choose(e, file, itemGroups);
                default -> diagnostics.report(ProjectMessage.UNSUPPORTED, e.location(), "<" + e.name() + ">", "");
            }
        }
    }

    /**
     * {@code <Choose>}: the first {@code <When>} whose condition holds, else {@code <Otherwise>}, read as if its
     * property groups, item groups and nested Choose stood in the project (MSBuild's "Choose element" page).
     */
    private void choose(LocatedXml.Element choose, Path file, List<LocatedXml.Element> itemGroups) {
        for (LocatedXml.Element branch : choose.children()) {
            boolean taken = switch (branch.name()) {
                case "When" -> condition(branch);
                case "Otherwise" -> true;
                default -> {
                    diagnostics.report(ProjectMessage.UNSUPPORTED, branch.location(), "<" + branch.name() + "> in <Choose>",
                            "a Choose holds When elements and at most one Otherwise");
                    yield false;
                }
            };
            if (taken) {
                collect(branch, file, itemGroups); // its own Condition made the choice; its children are read as a project's
                return;
            }
        }
    }

    private void importProject(LocatedXml.Element e, List<LocatedXml.Element> itemGroups) {
        String written = e.attribute("Project");
        if (written == null) return; // <Import Sdk=...> without a project: the SDK's own files
        String path = expand(written, e.location());
        if (path == null) return;
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith("wix.targets") || lower.contains("microsoft\\wix") || lower.contains("microsoft/wix")
                || lower.contains("wixtoolset.sdk") || lower.contains("microsoft.common")) {
            return; // WiX's and MSBuild's own targets: what they do is what sspr does
        }
        Path target = projectDir.resolve(path.replace('\\', '/')).normalize();
        if (path.isBlank()) return; // GetPathOfFileAbove found nothing: MSBuild's Exists() guards are usually around it
        if (!Files.isRegularFile(target)) {
            diagnostics.report(ProjectMessage.IMPORT_MISSING, e.location(), path);
            return;
        }
        importFile(target, itemGroups);
    }

    private void importFile(Path target, List<LocatedXml.Element> itemGroups) {
        if (!imported.add(target)) return;
        LocatedXml.Element root = LocatedXml.read(target, diagnostics);
        if (root == null) return;
        String saved = properties.get("MSBuildThisFileDirectory");
        properties.set("MSBuildThisFileDirectory", target.getParent() + "/");
        collect(root, target, itemGroups);
        properties.set("MSBuildThisFileDirectory", saved);
    }

    private void importAbove(String name, List<LocatedXml.Element> itemGroups) {
        for (Path dir = projectDir; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                importFile(candidate.normalize(), itemGroups);
                return;
            }
        }
    }

    /** Pass two: the items of one group. */
    private void itemGroup(LocatedXml.Element group) {
        for (LocatedXml.Element i : group.children()) {
            if (!condition(i)) continue;
            List<Item> list = items.computeIfAbsent(i.name(), k -> new ArrayList<>());
            Map<String, String> metadata = new LinkedHashMap<>();
            for (LocatedXml.Element m : i.children()) {
                String v = expand(m.text(), m.location());
                if (v != null) metadata.put(m.name(), v);
            }
            i.attributes().forEach((k, a) -> {
                if (!List.of("Include", "Remove", "Update", "Exclude", "Condition").contains(k)) {
                    String v = expand(a.value(), a.location());
                    if (v != null) metadata.put(k, v);
                }
            });
            String remove = i.attribute("Remove");
            if (remove != null) {
                String r = expand(remove, i.location());
                if (r != null) {
                    Set<String> gone = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                    for (String s : split(r)) gone.addAll(globs.glob(s, List.of()));
                    list.removeIf(it -> gone.contains(it.include()));
                }
            }
            String include = i.attribute("Include");
            if (include == null) continue;
            String inc = expand(include, i.location());
            if (inc == null) continue;
            String exclude = i.attribute("Exclude");
            List<String> excluded = exclude == null ? List.of() : split(expand(exclude, i.location()) == null ? "" : expand(exclude, i.location()));
            for (String one : split(inc)) {
                for (String match : one.contains("*") || one.contains("?") ? globs.glob(one, excluded) : List.of(one)) {
                    list.add(new Item(match, metadata, i.location()));
                }
            }
        }
    }

    /** The WiX SDK's default items: every .wxs and .wxl under the project folder, outside bin and obj. */
    private void defaultItems() {
        if (!"false".equalsIgnoreCase(properties.get("EnableDefaultCompileItems"))) {
            globs.addDefaults(items.computeIfAbsent("Compile", k -> new ArrayList<>()), "**/*.wxs");
        }
        if (!"false".equalsIgnoreCase(properties.get("EnableDefaultEmbeddedResourceItems"))) {
            globs.addDefaults(items.computeIfAbsent("EmbeddedResource", k -> new ArrayList<>()), "**/*.wxl");
        }
    }

    private boolean condition(LocatedXml.Element e) {
        LocatedXml.Attribute c = e.attributes().get("Condition");
        if (c == null) return true;
        try {
            return MsBuildCondition.evaluate(c.value(), properties, projectDir);
        } catch (MsBuildCondition.Invalid x) {
            diagnostics.report(ProjectMessage.BAD_CONDITION, c.location(), "\"" + c.value() + "\"", x.getMessage());
        } catch (MsBuildProperties.Unsupported x) {
            errors.report(x, c.location());
        }
        return false;
    }

    /**
     * A property's definition: its value, or, when that needs what sspr does not evaluate, the property deferred to
     * fail only if the build reads it. What MSBuild itself cannot evaluate fails here, as in MSBuild.
     */
    private void define(LocatedXml.Element p) {
        warnRegistry(p.text(), p.location());
        try {
            properties.set(p.name(), properties.expand(p.text()));
        } catch (MsBuildProperties.Failed x) {
            errors.report(x, p.location());
        } catch (MsBuildProperties.Unsupported x) {
            properties.defer(p.name(), x, p.location());
        }
    }

    private String expand(String text, SourceLocation at) {
        warnRegistry(text, at);
        try {
            return properties.expand(text);
        } catch (MsBuildProperties.Unsupported x) {
            errors.report(x, at);
            return null;
        }
    }

    private void warnRegistry(String text, SourceLocation at) {
        int reg = text.indexOf("$(Registry:");
        if (reg >= 0) {
            diagnostics.report(ProjectMessage.IGNORED, at, MsBuildProperties.excerpt(text, reg),
                    "it reads the Windows registry; off Windows MSBuild reads nothing there, and neither does sspr (the value is empty)",
                    "pass what it would give with -p:Name=Value if the build needs it");
        }
    }

    private static List<String> splitOn(String list, String separator) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(java.util.regex.Pattern.quote(separator))) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(";")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    private Path file(String written) {
        return projectDir.resolve(written.replace('\\', '/')).normalize();
    }

    private ProjectSettings settings(Path file, String base) {
        String outputType = properties.isSet("OutputType") ? properties.get("OutputType") : "Package";
        String ext = ProjectGlobs.outputExtension(outputType);
        if (ext == null || !(ext.equals(".msi") || ext.equals(".msm"))) { // a library or a bundle is not built here
            diagnostics.report(ProjectMessage.BAD_OUTPUT_TYPE, SourceLocation.ofFile(file), outputType);
            return null;
        }
        List<Path> sources = new ArrayList<>();
        for (Item i : items.getOrDefault("Compile", List.of())) if (i.include().toLowerCase(Locale.ROOT).endsWith(".wxs")) sources.add(file(i.include()));
        if (sources.isEmpty()) {
            diagnostics.report(ProjectMessage.NO_SOURCES, SourceLocation.ofFile(file));
            return null;
        }
        List<Path> locs = new ArrayList<>();
        for (Item i : items.getOrDefault("EmbeddedResource", List.of())) if (i.include().toLowerCase(Locale.ROOT).endsWith(".wxl")) locs.add(file(i.include()));
        List<String> bindPaths = new ArrayList<>();
        for (String type : List.of("BindPath", "BindInputPaths")) {
            for (Item i : items.getOrDefault(type, List.of())) {
                String dir = file(i.include()).toString();
                String bindName = i.metadata().get("BindName");
                bindPaths.add(bindName == null || bindName.isBlank() ? dir : bindName + "=" + dir);
            }
        }
        Set<String> extensions = new LinkedHashSet<>();
        for (Item i : items.getOrDefault("WixExtension", List.of())) extensions.add(i.include());
        for (Item i : items.getOrDefault("PackageReference", List.of())) {
            if (i.include().toLowerCase(Locale.ROOT).endsWith(".wixext")) extensions.add(i.include());
        }
        Map<String, String> referenceDefines = new LinkedHashMap<>(); // $(var.Name.TargetPath)... of each ProjectReference
        for (Item i : items.getOrDefault("ProjectReference", List.of())) {
            String refName = Path.of(i.include().replace('\\', '/')).getFileName().toString();
            refName = refName.contains(".") ? refName.substring(0, refName.lastIndexOf('.')) : refName;
            // WiX's targets name the variables after the reference's Name metadata when it has one (Visual Studio
            // writes it), else after the project file
            String named = i.metadata().get("Name");
            if (named != null && !named.isBlank()) refName = named.strip();
            Map<String, String> vars = ReferencedProject.variables(file(i.include()), properties.get("Configuration"), properties.get("Platform"));
            if (vars == null) {
                diagnostics.report(ProjectMessage.PROJECT_REFERENCE, i.location(), i.include(), refName);
            } else {
                for (Map.Entry<String, String> v : vars.entrySet()) referenceDefines.put(refName + "." + v.getKey(), v.getValue());
                diagnostics.report(ProjectMessage.PROJECT_REFERENCE_OUTPUT, i.location(), i.include(), refName, vars.get("TargetPath"));
            }
        }
        String outputName = properties.isSet("OutputName") ? properties.get("OutputName") : base;
        String platform = properties.get("Platform");
        // the package's architecture: InstallerPlatform when the project sets it (WiX's SDK targets pass it as -arch;
        // projects set it when their Platform is a .NET runtime name such as win-x64), else Platform
        String architecture = properties.isSet("InstallerPlatform") && !properties.get("InstallerPlatform").isBlank()
                ? properties.get("InstallerPlatform") : platform;
        String configuration = properties.get("Configuration");
        Path outputDir = properties.isSet("OutputPath") ? file(properties.get("OutputPath"))
                : sdk ? projectDir.resolve("bin").resolve(platform).resolve(configuration) : projectDir.resolve("bin").resolve(configuration);
        Path output = outputDir.resolve(outputName + ext);
        Map<String, String> defines = new LinkedHashMap<>(referenceDefines);
        // the variables WiX's MSBuild targets define for the project itself (its DefineSolutionProperties aside)
        defines.put("Configuration", configuration);
        defines.put("Platform", platform);
        defines.put("ProjectDir", projectDir + "/");
        defines.put("ProjectExt", properties.get("MSBuildProjectExtension"));
        defines.put("ProjectFileName", file.getFileName().toString());
        defines.put("ProjectName", base);
        defines.put("ProjectPath", file.toString());
        defines.put("OutDir", outputDir + "/");
        defines.put("TargetDir", outputDir + "/");
        defines.put("TargetExt", ext);
        defines.put("TargetFileName", outputName + ext);
        defines.put("TargetName", outputName);
        defines.put("TargetPath", output.toString());
        // and the solution's, when the build knows them (MSBuild sets them when it builds a solution; -p gives them
        // here), unless the project turns them off with DefineSolutionProperties=false
        if (!"false".equalsIgnoreCase(properties.get("DefineSolutionProperties").strip())) {
            for (String name : List.of("DevEnvDir", "SolutionDir", "SolutionExt", "SolutionFileName", "SolutionName", "SolutionPath")) {
                if (properties.isSet(name) && !properties.get(name).isBlank()) defines.put(name, properties.get(name));
            }
        }
        for (String d : split(properties.get("DefineConstants"))) {
            int eq = d.indexOf('=');
            defines.put(eq < 0 ? d : d.substring(0, eq).strip(), eq < 0 ? "" : d.substring(eq + 1).strip());
        }
        List<Path> includeDirs = new ArrayList<>();
        for (String d : split(properties.get("IncludeSearchPaths"))) includeDirs.add(file(d));
        Set<String> ices = new TreeSet<>();
        for (String s : split(properties.get("SuppressIces"))) ices.add(s.toUpperCase(Locale.ROOT));
        List<String> extensionList = new ArrayList<>(extensions);
        AdditionalOptions.Into extra = new AdditionalOptions.Into(defines, extensionList, ices,
                new TreeSet<>(split(properties.get("SuppressSpecificWarnings"))), new TreeSet<>(split(properties.get("WarningsAsErrors"))));
        for (String name : List.of("CompilerAdditionalOptions", "LinkerAdditionalOptions")) {
            for (String unknown : AdditionalOptions.apply(properties.get(name), extra)) {
                diagnostics.report(ProjectMessage.IGNORED, SourceLocation.ofFile(file), name + " option " + unknown,
                        "sspr does not know it", "pass its equivalent on the sspr build command line if the build needs it");
            }
        }
        for (String l : extra.locFiles) locs.add(file(l));
        for (String b : extra.bindPaths) {
            int eq = b.indexOf('=');
            bindPaths.add(eq < 0 ? file(b).toString() : b.substring(0, eq + 1) + file(b.substring(eq + 1)));
        }
        WarningPolicy warnings;
        try {
            warnings = new WarningPolicy(bool("SuppressAllWarnings") || extra.suppressAll, extra.suppressed,
                    bool("TreatWarningsAsErrors") || extra.errorsAll, extra.errors);
        } catch (IllegalArgumentException e) {
            diagnostics.report(ProjectMessage.UNSUPPORTED, SourceLocation.ofFile(file), "a warning number", e.getMessage());
            return null;
        }
        String compression = extra.compression != null ? extra.compression
                : properties.isSet("DefaultCompressionLevel") ? properties.get("DefaultCompressionLevel") : null;
        // Cultures: ';' separates the packages to build, ',' the fallback chain of one (light's -cultures: is one chain)
        List<List<String>> groups = new ArrayList<>();
        if (!extra.cultures.isEmpty()) groups.add(List.copyOf(extra.cultures));
        else for (String group : split(properties.get("Cultures"))) groups.add(List.copyOf(splitOn(group, ",")));
        List<String> cultures = groups.isEmpty() ? List.of() : groups.get(0);
        List<ProjectSettings.Harvest> harvests = new ArrayList<>();
        int errorsBefore = diagnostics.errorCount();
        for (Item i : items.getOrDefault("HarvestDirectory", List.of())) {
            Map<String, String> m = i.metadata();
            Path folder = file(i.include());
            String group = m.get("ComponentGroupName");
            if (group == null || group.isBlank()) {
                diagnostics.report(ProjectMessage.UNSUPPORTED, i.location(), "a HarvestDirectory without ComponentGroupName",
                        "name the group its components go in: <ComponentGroupName>AppFiles</ComponentGroupName>");
                continue;
            }
            if (!Files.isDirectory(folder)) {
                diagnostics.report(ProjectMessage.UNSUPPORTED, i.location(), "HarvestDirectory " + i.include(), "the folder " + folder + " does not exist; build what it holds first");
                continue;
            }
            for (String unsupported : List.of("Transforms", "SuppressCom", "SuppressRegistry", "KeepEmptyDirectories")) {
                if (m.containsKey(unsupported)) diagnostics.report(ProjectMessage.IGNORED, i.location(), "HarvestDirectory's " + unsupported,
                        "sspr's harvest writes plain files (no COM or registry, no empty folders, no XSLT)", "");
            }
            String variable = m.get("PreprocessorVariable");
            harvests.add(new ProjectSettings.Harvest(folder, group, m.getOrDefault("DirectoryRefId", "TARGETDIR"),
                    variable == null || variable.isBlank() ? null : variable, "true".equalsIgnoreCase(m.get("SuppressRootDirectory")), !sdk));
        }
        if (diagnostics.errorCount() > errorsBefore) return null;
        return new ProjectSettings(file, List.copyOf(sources), List.copyOf(locs), defines, List.copyOf(includeDirs),
                List.copyOf(bindPaths), List.copyOf(new LinkedHashSet<>(extensionList)), extra.platform != null ? extra.platform : architecture,
                cultures, ices, !bool("SuppressValidation") && !extra.noValidation, warnings, output, compression, properties.all(),
                List.copyOf(harvests), List.copyOf(groups));
    }

    private boolean bool(String name) {
        return "true".equalsIgnoreCase(properties.get(name).strip());
    }
}
