package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.endpoint.preflight.Finding;
import dev.ssprkit.endpoint.preflight.OsFacts;
import dev.ssprkit.endpoint.preflight.Preflight;
import dev.ssprkit.endpoint.preflight.PreflightOptions;
import dev.ssprkit.endpoint.preflight.PreflightReport;
import dev.ssprkit.endpoint.preflight.Severity;
import dev.ssprkit.registry.RegistryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sspr preflight}: every setting that breaks "Reset password" at the sign-in screen, with severity, what was
 * found and the fix ({@link Preflight}); exit 1 when a blocker is found.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = "Check a machine's registry (live, or a .reg export such as 'reg export HKLM hklm.reg') and OS version for "
                + "everything that breaks SSPR at the sign-in screen, and whether its endpoints answer on port 443. Exit 1 when a blocker is found.")
final class PreflightCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RegistrySource registry;
    @Option(names = "--os", paramLabel = "MAJOR.MINOR.BUILD",
            description = "The Windows version (e.g. 6.1.7601, 10.0.19045) when the registry does not say or says otherwise.") String osVersion;
    @Option(names = "--edition", paramLabel = "EDITION", description = "EditionID override (Professional, Enterprise, Core = Home...).") String edition;
    @Option(names = "--arch", paramLabel = "x86|x64", description = "Architecture override.") String arch;
    @Option(names = "--offline", description = "Skip the network checks.") boolean offline;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5", description = "Connect timeout per endpoint. Default: ${DEFAULT-VALUE}.") long timeout;
    @Option(names = "--json", description = "Machine-readable output (the report; exit status as usual).") boolean json;
    private final CliContext ctx;

    PreflightCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (timeout < 1) throw new InvalidValueException("--timeout must be at least 1 second");
        RegistryStore store = registry.open(ctx);
        OsFacts os = facts(OsFacts.fromRegistry(store));
        PreflightOptions defaults = PreflightOptions.defaults();
        PreflightOptions options = offline
                ? new PreflightOptions(Duration.ofSeconds(timeout), List.of(), List.of(), defaults.contentDeliveryKey())
                : new PreflightOptions(Duration.ofSeconds(timeout), defaults.endpoints(), defaults.windows10Endpoints(), defaults.contentDeliveryKey());
        PreflightReport report = new Preflight(store, os, ctx.probe(), options).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toJson());
        } else {
            text(out, report);
        }
        return report.blockers().isEmpty() ? Sspr.OK : Sspr.FAILED;
    }

    private OsFacts facts(OsFacts read) {
        int major = read.major(), minor = read.minor(), build = read.build();
        if (osVersion != null) {
            String[] p = osVersion.split("\\.");
            try {
                major = Integer.parseInt(p[0]);
                minor = p.length > 1 ? Integer.parseInt(p[1]) : 0;
                build = p.length > 2 ? Integer.parseInt(p[2]) : build;
            } catch (NumberFormatException e) {
                throw new InvalidValueException("--os needs MAJOR.MINOR[.BUILD] such as 6.1.7601 or 10.0.19045, not '" + osVersion + "'");
            }
        }
        boolean is64 = read.is64Bit();
        if (arch != null) {
            if (!arch.equalsIgnoreCase("x86") && !arch.equalsIgnoreCase("x64")) throw new InvalidValueException("--arch must be x86 or x64");
            is64 = arch.equalsIgnoreCase("x64");
        }
        return new OsFacts(major, minor, build, edition != null ? edition : read.edition(), is64);
    }

    private void text(PrintWriter out, PreflightReport report) {
        out.println("Preflight for " + report.os() + (registry.regFile != null ? " (" + registry.regFile + ")" : ""));
        for (Finding f : report.findings()) {
            out.printf("%-8s %s %s%n", f.severity(), f.id(), f.title());
            if (f.key() != null || f.found() != null) {
                String at = f.key() == null ? "" : f.key() + (f.valueName() == null ? "" : "\\" + f.valueName());
                out.println("         found: " + at + (f.found() == null ? "" : (at.isEmpty() ? "" : " = ") + f.found()));
            }
            out.println("         fix:   " + f.remediation());
        }
        long warnings = report.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        out.println(report.blockers().size() + " blocker(s), " + warnings + " warning(s)"
                + (offline ? "; network checks skipped (--offline)" : ""));
    }
}
