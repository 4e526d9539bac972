package dev.ssprkit.sysprep.cli;

import dev.ssprkit.sysprep.BadInputException;
import dev.ssprkit.sysprep.UnsupportedPlatformException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * {@code sysprep}: image preparation for CopyProfile. A future {@code sspr} command adds it with
 * {@code sspr.addSubcommand("sysprep", SysprepCommand.commandLine(Host.system()))}.
 */
@Command(name = "sysprep", mixinStandardHelpOptions = true, version = "ssprkit sysprep 0.1.0",
        description = "Prepare a Windows image for sysprep with CopyProfile: clean the built-in Administrator's web cache, "
                + "check and fix the answer file, run sysprep.",
        footer = {"", "Exit status: 0 ok, 1 findings or failed deletions, 2 usage, 3 bad input, 4 needs Windows, "
                + "5 cancelled, 6 sysprep failed, 70 internal error."})
public final class SysprepCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: clean-cache, unattend or run");
    }

    /** The command with its subcommands, wired to {@code host}, with exit codes mapped as {@link ExitCodes} says. */
    public static CommandLine commandLine(Host host) {
        CommandLine cl = new CommandLine(new SysprepCommand());
        cl.addSubcommand("clean-cache", new CleanCacheCommand(host));
        CommandLine unattend = new CommandLine(new UnattendCommand());
        unattend.addSubcommand("check", new UnattendCheckCommand());
        unattend.addSubcommand("fix", new UnattendFixCommand());
        cl.addSubcommand("unattend", unattend);
        cl.addSubcommand("run", new RunCommand(host));
        cl.setExecutionExceptionHandler(SysprepCommand::handle);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof BadInputException) {
            cl.getErr().println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof UnsupportedPlatformException) {
            cl.getErr().println("error: " + e.getMessage());
            return ExitCodes.NOT_WINDOWS;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            cl.getErr().println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        cl.getErr().println("internal error: " + e);
        e.printStackTrace(cl.getErr());
        return ExitCodes.INTERNAL;
    }
}
