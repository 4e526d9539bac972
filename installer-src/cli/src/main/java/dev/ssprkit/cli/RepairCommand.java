package dev.ssprkit.cli;

import dev.ssprkit.endpoint.msiexec.MsiexecRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sspr repair}: {@code msiexec /fa PACKAGE|{PRODUCT-CODE} /qn /norestart /l*vx LOG}. */
@Command(name = "repair", mixinStandardHelpOptions = true, description = "Repair a package (by its .msi or ProductCode), reinstalling all files: msiexec /fa.")
final class RepairCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin MsiexecOptions msiexec;
    @Parameters(index = "0", paramLabel = "FILE.msi|{PRODUCT-CODE}") String target;
    private final CliContext ctx;

    RepairCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        return msiexec.execute(ctx, spec, MsiexecRunner.Operation.REPAIR, Targets.packageOrProductCode(target), Map.of());
    }
}
