package dev.ssprkit.cli;

import dev.ssprkit.endpoint.msiexec.MsiexecRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sspr uninstall} and {@code sspr repair}: one command on an installed product, named by its package or its
 * ProductCode, that differs only in the msiexec operation ({@code /x}, {@code /fa}); {@link MsiexecOptions} runs it.
 */
@Command(mixinStandardHelpOptions = true)
final class ProductCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin MsiexecOptions msiexec;
    @Parameters(index = "0", paramLabel = "FILE.msi|{PRODUCT-CODE}") String target;
    private final CliContext ctx;
    private final MsiexecRunner.Operation operation;

    private ProductCommand(CliContext ctx, MsiexecRunner.Operation operation) {
        this.ctx = ctx;
        this.operation = operation;
    }

    /** {@code msiexec /x PACKAGE|{PRODUCT-CODE} /qn /norestart /l*vx LOG}. */
    static CommandLine uninstall(CliContext ctx) {
        return named("uninstall", "Uninstall a package (by its .msi or ProductCode) quietly with msiexec /x.",
                new ProductCommand(ctx, MsiexecRunner.Operation.UNINSTALL));
    }

    /** {@code msiexec /fa PACKAGE|{PRODUCT-CODE} /qn /norestart /l*vx LOG}. */
    static CommandLine repair(CliContext ctx) {
        return named("repair", "Repair a package (by its .msi or ProductCode), reinstalling all files: msiexec /fa.",
                new ProductCommand(ctx, MsiexecRunner.Operation.REPAIR));
    }

    private static CommandLine named(String name, String description, ProductCommand command) {
        CommandLine cl = new CommandLine(command);
        cl.getCommandSpec().name(name);
        cl.getCommandSpec().usageMessage().description(description);
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        return msiexec.execute(ctx, spec, operation, Targets.packageOrProductCode(target), Map.of());
    }
}
