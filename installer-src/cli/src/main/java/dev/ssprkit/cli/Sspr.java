package dev.ssprkit.cli;

import dev.ssprkit.sysprep.cli.Host;
import dev.ssprkit.sysprep.cli.SysprepCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code sspr} command. Each subcommand is a small class that adapts options to the library API; {@link #run}
 * drives it in-process (tests), {@link #main} only exits with its status.
 *
 * <p>Exit codes: 0 success; 1 the work failed (e.g. a build with errors, a check that found blockers);
 * 2 usage error (bad options); 3 bad input file (not an MSI, corrupt); 4 an I/O error.
 */
@Command(name = "sspr", mixinStandardHelpOptions = true, versionProvider = Sspr.Version.class,
        description = "Build, inspect and deploy Windows Installer packages without Windows.",
        subcommands = {InspectCommand.class, ExtractCommand.class, DiffCommand.class, KitCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the work failed (build errors, blockers found, install failed)", "2:usage error",
                "3:bad input file (not an MSI, corrupt)", "4:I/O error"})
public final class Sspr {
    public static final int OK = 0, FAILED = 1, USAGE = 2, BAD_INPUT = 3, IO_ERROR = 4;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line in-process and returns its exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Sspr());
        cl.setExecutionExceptionHandler(new Errors());
        cl.setExitCodeExceptionMapper(Errors::exitCode);
        cl.addSubcommand(new BuildCommand());
        // added after our handler is set, so the sysprep commands keep their own exit-code mapping
        cl.addSubcommand("sysprep", SysprepCommand.commandLine(Host.system()));
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Sspr.class.getPackage().getImplementationVersion();
            return new String[] {"sspr " + (v == null ? "0.1.0-SNAPSHOT" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
