package dev.ssprkit.sysprep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sysprep unattend check|fix FILE}. */
@Command(name = "unattend", mixinStandardHelpOptions = true,
        description = "Check or fix CopyProfile in an answer file (unattend.xml).")
final class UnattendCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or fix");
    }
}
