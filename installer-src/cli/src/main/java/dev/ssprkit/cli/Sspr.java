package dev.ssprkit.cli;

import dev.ssprkit.endpoint.msiexec.MsiexecExit;
import dev.ssprkit.sysprep.cli.Host;
import dev.ssprkit.sysprep.cli.SysprepCommand;
import picocli.AutoComplete;
import dev.ssprkit.cli.trust.SignCommand;
import dev.ssprkit.cli.trust.ValidateCommand;
import dev.ssprkit.cli.trust.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code sspr} command. Each subcommand is a small class that adapts options to the library API; {@link #run}
 * drives it in-process (tests), {@link #main} only exits with its status.
 *
 * <p>Exit codes: 0 success; 1 the work failed (e.g. a build with errors, a check that found blockers);
 * 2 usage error (bad options, or a live registry command on a machine without one); 3 bad input file (not an MSI,
 * corrupt, malformed .reg); 4 an I/O error. {@code install}/{@code uninstall}/{@code repair} map msiexec's result to
 * 10 + its class (see {@link #msiexecStatus}); {@code sysprep} keeps its own codes.
 */
@Command(name = "sspr", mixinStandardHelpOptions = true, versionProvider = Sspr.Version.class,
        description = "Build, inspect and deploy Windows Installer packages without Windows.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the work failed (build errors, blockers found, status not enabled, packages differ)",
                "2:usage error (bad options; live registry command without a Windows registry)",
                "3:bad input file (not an MSI, corrupt, malformed .reg)", "4:I/O error",
                "11:msiexec succeeded but a restart is needed (3010, 1641)", "12:msiexec: cancelled (1602)",
                "13:msiexec: fatal error (1603) or an unknown code", "14:msiexec: nothing to do (1605 not installed, 1638 other version)",
                "15:msiexec: another installation kept running (1618 after all retries)",
                "16:msiexec rejected its input (1612, 1619, 1620, 1622, 1624, 1639)",
                "17:msiexec: refused by this machine (1625 policy, 1633 platform)"},
        footerHeading = "%nShell completion:%n",
        footer = {"  source <(sspr generate-completion)    (bash or zsh; see README.md)"})
public final class Sspr {
    public static final int OK = 0, FAILED = 1, USAGE = 2, BAD_INPUT = 3, IO_ERROR = 4;
    /** Added to {@link MsiexecExit#cliStatus} for msiexec outcomes other than plain success. */
    public static final int MSIEXEC_BASE = 10;

    /**
     * Subcommands made by picocli's factory. Only the one a command line names is built (start-up is most of a small
     * run's time and picocli reflects over every command it is given); help, completion and errors get them all.
     */
    private static final List<Class<?>> FACTORY_MADE = List.of(InspectCommand.class, ExtractCommand.class, DiffCommand.class,
            KitCommand.class, InstallCommand.class, UninstallCommand.class, RepairCommand.class, LoggingCommand.class,
            TlsCommand.class, Win10Command.class, PreflightCommand.class, TransformCommand.class, IntunewinCommand.class, ReportCommand.class);
    private static final List<Class<?>> SELF_MADE = List.of(BuildCommand.class, SignCommand.class, VerifyCommand.class,
            ValidateCommand.class);

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line in-process and returns its exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(CliContext.system(), out, err, args);
    }

    static int run(CliContext context, PrintStream out, PrintStream err, String... args) {
        CommandLine cl = commandLine(context, args.length > 0 ? args[0] : null);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    public static CommandLine commandLine() {
        return commandLine(CliContext.system());
    }

    static CommandLine commandLine(CliContext context) {
        return commandLine(context, null);
    }

    /** The command with every subcommand, or only {@code first}'s when that names one. */
    static CommandLine commandLine(CliContext context, String first) {
        boolean all = first == null || !known(first);
        CommandLine cl = new CommandLine(new Sspr(), context.factory());
        for (Class<?> c : FACTORY_MADE) {
            if (all || names(c).contains(first)) cl.addSubcommand(new CommandLine(c, context.factory()));
        }
        if (all || names(BuildCommand.class).contains(first)) cl.addSubcommand(new BuildCommand(context));
        if (all || names(SignCommand.class).contains(first)) cl.addSubcommand(new SignCommand());
        if (all || names(VerifyCommand.class).contains(first)) cl.addSubcommand(new VerifyCommand());
        if (all || names(ValidateCommand.class).contains(first)) cl.addSubcommand(new ValidateCommand());
        if (all) {
            cl.addSubcommand(new CommandLine(CommandLine.HelpCommand.class));
            CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
            completion.getCommandSpec().usageMessage().hidden(true);
            cl.addSubcommand("generate-completion", completion);
        }
        cl.setExecutionExceptionHandler(new Errors());
        cl.setExitCodeExceptionMapper(Errors::exitCode);
        // added after our handler is set, so the sysprep commands keep their own exit-code mapping
        if (all || first.equals("sysprep")) cl.addSubcommand("sysprep", SysprepCommand.commandLine(Host.system()));
        return cl;
    }

    /** A subcommand name other than help and completion (which need the whole tree). */
    private static boolean known(String name) {
        if (name.equals("sysprep")) return true;
        for (Class<?> c : FACTORY_MADE) if (names(c).contains(name)) return true;
        for (Class<?> c : SELF_MADE) if (names(c).contains(name)) return true;
        return false;
    }

    private static List<String> names(Class<?> c) {
        Command a = c.getAnnotation(Command.class);
        List<String> n = new java.util.ArrayList<>(List.of(a.aliases()));
        n.add(a.name());
        return n;
    }

    /** 0 for plain success, else 10 + the outcome's class (11 restart needed ... 17 refused by the machine). */
    static int msiexecStatus(MsiexecExit exit) {
        return exit.cliStatus == 0 ? OK : MSIEXEC_BASE + exit.cliStatus;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Sspr.class.getPackage().getImplementationVersion();
            return new String[] {"sspr " + (v == null ? "0.1.0-SNAPSHOT" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
