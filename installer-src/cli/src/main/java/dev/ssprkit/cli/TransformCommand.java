package dev.ssprkit.cli;

import dev.ssprkit.kit.transform.RegistryInjection;
import dev.ssprkit.kit.transform.RegistrySettings;
import dev.ssprkit.kit.transform.SettingsTransform;
import dev.ssprkit.msi.transform.TransformOptions;
import dev.ssprkit.registry.RegFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sspr transform from-reg}: a transform adding a .reg file's settings to any package ({@link SettingsTransform}). */
@Command(name = "transform", mixinStandardHelpOptions = true,
        description = "Write transforms (.mst) for packages you did not build.",
        subcommands = {TransformCommand.FromReg.class})
final class TransformCommand {
    @Command(name = "from-reg", mixinStandardHelpOptions = true,
            description = "A transform that writes the values of .reg files (and applies their deletions) as components of its own, "
                    + "attached to every top-level feature: what Orca or InstEd do by hand. Values the package already writes are left "
                    + "to it. Install with: msiexec /i X.msi TRANSFORMS=X.mst")
    static final class FromReg implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--msi", required = true, paramLabel = "X.msi", description = "The package the transform is for.") Path msi;
        @Option(names = "--reg", required = true, paramLabel = "FILE.reg",
                description = "A .reg file (regedit export, UTF-16 or REGEDIT4); repeat for several.") List<Path> regs;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "X.mst", description = "The transform to write.") Path out;
        @Option(names = "--permanent", description = "Leave the values on the machine when the product is uninstalled "
                + "(msidbComponentAttributesPermanent). Default: removed with the product.") boolean permanent;

        @Override
        public Integer call() throws Exception {
            List<RegistrySettings> settings = new ArrayList<>();
            int n = 1;
            for (Path reg : regs) {
                settings.add(new RegistrySettings(regs.size() == 1 ? "Reg" : "Reg" + n++, reg.getFileName().toString(), permanent, RegFile.read(reg)));
            }
            RegistryInjection.Result r = SettingsTransform.write(msi, Map.of(), settings, out, TransformOptions.defaults());
            PrintWriter o = spec.commandLine().getOut();
            o.println(out + ": transform for " + msi.getFileName());
            for (RegistryInjection.AddedComponent c : r.components()) {
                o.printf("  component %s %s: %d value(s), %d removal(s)%s%s, in feature(s) %s%n", c.component(), c.guid(), c.values(), c.removals(),
                        (c.attributes() & 0x100) != 0 ? ", 64-bit" : ", 32-bit", permanent ? ", permanent" : "", String.join(", ", c.features()));
            }
            if (!r.actionsAdded().isEmpty()) o.println("  actions added to InstallExecuteSequence: " + String.join(", ", r.actionsAdded()));
            for (String left : r.leftToPackage()) o.println("  left to the package: " + left);
            if (r.components().isEmpty()) o.println("  nothing to add: the package already writes every value");
            return Sspr.OK;
        }
    }
}
