package dev.ssprkit.cli;

import dev.ssprkit.kit.KitGenerator;
import dev.ssprkit.kit.KitOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sspr kit}: the deployment kit for a built MSI (scripts, ConfigMgr, Group Policy, Intune). */
@Command(name = "kit", mixinStandardHelpOptions = true,
        description = "Generate the deployment kit for a built package: install.cmd/uninstall.cmd, ConfigMgr script, "
                + "Group Policy transform and steps, Intune JSON, .reg files.")
final class KitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--msi", required = true, paramLabel = "FILE.msi", description = "The built package.") Path msi;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New folder for the kit.") Path out;
    @Option(names = "--enable-logging", description = "Install with ENABLELOGGING=1 (verbose add-in logging).") boolean logging;
    @Option(names = "--tls12", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Install with TLS12=1 (enforce TLS 1.2); --no-tls12 leaves TLS settings alone. Default: ${DEFAULT-VALUE}.") boolean tls12;
    @Option(names = "--log-dir", paramLabel = "DIR", description = "Where msiexec logs on the endpoint. Default: %%ProgramData%%\\SsprLogon\\Logs.") String logDir;

    @Override
    public Integer call() throws Exception {
        KitOptions base = KitOptions.of(logging, tls12);
        KitOptions options = new KitOptions(base.properties(), logDir);
        List<String> files = KitParts.all(new KitGenerator()).generate(msi, options, out);
        var o = spec.commandLine().getOut();
        o.println("kit for " + msi.getFileName() + " written to " + out + ":");
        files.forEach(f -> o.println("  " + f));
        return Sspr.OK;
    }
}
