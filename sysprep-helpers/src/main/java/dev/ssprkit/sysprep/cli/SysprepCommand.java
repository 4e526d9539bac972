package dev.ssprkit.sysprep.cli;

import dev.ssprkit.common.ExitStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;


/**
 * {@code sysprep}: image preparation for CopyProfile, as {@code sspr sysprep ...} (the {@code sspr} command adds
 * {@link #commandLine}) or standalone ({@link SysprepMain}). Exit statuses are the {@code sspr} binary's one table
 * ({@link ExitStatus}, installer-src/cli/README.md): failures are mapped by whoever runs the command line.
 */
@Command(name = "sysprep", mixinStandardHelpOptions = true, version = "ssprkit sysprep 0.1.0",
        description = "Prepare a Windows image for sysprep with CopyProfile: clean the built-in Administrator's web cache, "
                + "check and fix the answer file, run sysprep.",
        footer = {"", "Exit status: 0 ok, 1 findings or failed deletions, 2 usage, 3 bad input, 4 I/O error, "
                + "5 needs Windows, 6 cancelled, 7 sysprep.exe failed, 70 internal error (see sspr --help)."})
public final class SysprepCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: clean-cache, unattend or run");
    }

    /** The command with its subcommands, wired to {@code host}. */
    public static CommandLine commandLine(Host host) {
        CommandLine cl = new CommandLine(new SysprepCommand());
        cl.addSubcommand("clean-cache", new CleanCacheCommand(host));
        CommandLine unattend = new CommandLine(new UnattendCommand());
        unattend.addSubcommand("check", new UnattendCheckCommand());
        unattend.addSubcommand("fix", new UnattendFixCommand());
        cl.addSubcommand("unattend", unattend);
        cl.addSubcommand("run", new RunCommand(host));
        return cl;
    }
}
