package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.common.AtomicFile;
import dev.ssprkit.wix.harvest.Harvester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sspr harvest DIR}: a WiX fragment with one component per file, as heat / wixl-heat write. */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = "Write a WiX fragment for a folder tree: one component per file, stable ids and GUIDs from the paths.")
final class HarvestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "DIR", description = "The folder to harvest.") Path dir;
    @Option(names = {"-o", "--out", "-out"}, paramLabel = "FILE.wxs", description = "Where to write the fragment (default: standard output).") Path out;
    @Option(names = {"-dr", "--directory-ref"}, paramLabel = "ID", defaultValue = "INSTALLFOLDER", description = "Directory the tree goes into. Default: ${DEFAULT-VALUE}.") String directoryRef;
    @Option(names = {"-cg", "--component-group"}, paramLabel = "ID", defaultValue = "HarvestedFiles", description = "ComponentGroup listing the components. Default: ${DEFAULT-VALUE}.") String componentGroup;
    @Option(names = {"-var", "--source-variable"}, paramLabel = "var.NAME", description = "Start File/@Source with $(var.NAME)\\ instead of SourceDir\\DIR\\.") String variable;
    @Option(names = {"-srd", "--suppress-root"}, description = "Put the folder's content directly in the directory, without a folder of its own.") boolean suppressRoot;
    @Option(names = {"-ag", "--auto-guids"}, description = "Write Guid=\"*\" (the build derives them) instead of stable GUIDs.") boolean autoGuids;
    @Option(names = "--wix3", description = "Write WiX v3 syntax (default: v4).") boolean v3;
    @Option(names = "--include", paramLabel = "GLOB", description = "Only files matching GLOB (relative to DIR, e.g. **/*.dll).") List<String> includes = new ArrayList<>();
    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out files matching GLOB.") List<String> excludes = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) throw new java.nio.file.NoSuchFileException(dir.toString(), null, "not a folder");
        if (variable != null && !variable.matches("(var\\.)?[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new InvalidValueException("-var must name a preprocessor variable such as var.SourceDir, not '" + variable + "'");
        }
        String var = variable == null ? null : variable.startsWith("var.") ? variable : "var." + variable;
        String fragment = new Harvester(directoryRef, componentGroup, var, v3, suppressRoot, autoGuids, includes, excludes).harvest(dir);
        if (out == null) {
            spec.commandLine().getOut().print(fragment);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFile.write(out, tmp -> Files.writeString(tmp, fragment, StandardCharsets.UTF_8));
            spec.commandLine().getErr().println("harvested " + dir + " into " + out);
        }
        return Sspr.OK;
    }
}
