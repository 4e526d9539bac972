package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.endpoint.msiexec.MsiexecExit;
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
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code sspr} command. Each subcommand is a small class that adapts options to the library API; {@link #run}
 * drives it in-process (tests), {@link #main} only exits with its status.
 *
 * <p>Exit codes: one table for the whole binary, {@code sysprep} included ({@link ExitStatus}; installer-src/cli/README.md):
 * 0 success; 1 the work failed (a check found problems, packages differ, signing failed); 2 usage error; 3 bad
 * input (WiX source errors, not an MSI, corrupt, malformed .reg or answer file); 4 I/O error (missing file,
 * unwritable folder); 5 not supported here (a live registry or sysprep.exe outside Windows); 6 cancelled; 7
 * sysprep.exe failed; 11..17 msiexec's outcome (see {@link #msiexecStatus}); 70 internal error (a bug).
 */
@Command(name = "sspr", mixinStandardHelpOptions = true, versionProvider = Sspr.Version.class,
        description = "Build, inspect and deploy Windows Installer packages without Windows.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the work failed (a check found problems, status not enabled, packages differ, signing failed)",
                "2:usage error (bad options or values)",
                "3:bad input (WiX source errors, not an MSI, corrupt, malformed .reg or answer file)",
                "4:I/O error (missing file, unwritable folder)",
                "5:not supported here (live registry or sysprep.exe outside Windows)", "6:cancelled", "7:sysprep.exe failed",
                "11:msiexec succeeded but a restart is needed (3010, 1641)", "12:msiexec: cancelled (1602)",
                "13:msiexec: fatal error (1603) or an unknown code", "14:msiexec: nothing to do (1605 not installed, 1638 other version)",
                "15:msiexec: another installation kept running (1618 after all retries)",
                "16:msiexec rejected its input (1612, 1619, 1620, 1622, 1624, 1639)",
                "17:msiexec: refused by this machine (1625 policy, 1633 platform)",
                "70:internal error (a bug: please report it; --debug or SSPR_DEBUG=1 prints the stack trace)"},
        footerHeading = "%nShell completion:%n",
        footer = {"  source <(sspr generate-completion)    (bash or zsh; see README.md)"})
public final class Sspr {
    /** The statuses the subcommands return, from the one table ({@link ExitStatus}). */
    public static final int OK = ExitStatus.OK.code, FAILED = ExitStatus.FAILED.code, USAGE = ExitStatus.USAGE.code,
            BAD_INPUT = ExitStatus.BAD_INPUT.code, IO_ERROR = ExitStatus.IO_ERROR.code;

    /** One subcommand: its names (for building only the one a command line names) and how it is made. */
    private record Subcommand(List<String> names, Function<CliContext, CommandLine> make) {
        /**
         * A class picocli's factory makes (handing it the context when its constructor takes one), by its
         * {@code @Command} name, written here rather than read from the annotation: reading all twenty classes'
         * annotations on every start cost more than building the one command (CliTest checks the two agree).
         */
        static Subcommand of(String name, Class<?> c) {
            return new Subcommand(List.of(name), ctx -> new CommandLine(c, ctx.factory()));
        }

        static Subcommand of(String name, Class<?> c, Function<CliContext, Object> make) {
            return new Subcommand(List.of(name), ctx -> new CommandLine(make.apply(ctx), ctx.factory()));
        }

        /** A group built in code ({@link SettingCommands}). */
        static Subcommand built(Function<CliContext, CommandLine> make, String... names) {
            return new Subcommand(List.of(names), make);
        }
    }

    /**
     * Every subcommand but sysprep, help and completion. Only the one a command line names is built (start-up is most
     * of a small run's time and picocli reflects over every command it is given); help, completion and errors get all.
     */
    private static final List<Subcommand> SUBCOMMANDS = List.of(
            Subcommand.of("inspect", InspectCommand.class), Subcommand.of("extract", ExtractCommand.class), Subcommand.of("diff", DiffCommand.class),
            Subcommand.of("kit", KitCommand.class), Subcommand.of("install", InstallCommand.class), Subcommand.built(ProductCommand::uninstall, "uninstall"),
            Subcommand.built(ProductCommand::repair, "repair"), Subcommand.built(SettingCommands::logging, "logging"),
            Subcommand.built(SettingCommands::tls, "tls", "tls12"), Subcommand.built(SettingCommands::win10, "win10"),
            Subcommand.of("preflight", PreflightCommand.class), Subcommand.of("transform", TransformCommand.class),
            Subcommand.of("intunewin", IntunewinCommand.class), Subcommand.of("report", ReportCommand.class),
            Subcommand.of("harvest", HarvestCommand.class), Subcommand.of("build", BuildCommand.class, BuildCommand::new),
            Subcommand.of("sign", SignCommand.class, ctx -> new SignCommand()), Subcommand.of("verify", VerifyCommand.class, ctx -> new VerifyCommand()),
            Subcommand.of("validate", ValidateCommand.class, ctx -> new ValidateCommand()), Subcommand.of("ui", UiCommand.class));

    public static void main(String[] args) {
        int status = run(System.out, System.err, args);
        String statusFile = System.getProperty(STATUS_FILE);
        recordStatus(status, statusFile);
        if (statusFile != null) releaseHeap();
        System.exit(status);
    }

    /**
     * Before this JVM writes its class-data archive at exit (once per jar, {@link ClassDataArchive}): gives the heap
     * the build no longer uses back to the system, so the archive's own memory does not come on top of it (the first
     * 3 GB build after a new jar peaked at 283 MB, later ones at 246 MB; fifteenth session). The collector shrinks the
     * heap in steps over successive full collections; it stops when the heap no longer shrinks.
     */
    private static void releaseHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            long before = rt.totalMemory();
            System.gc();
            if (rt.totalMemory() >= before && i > 0) break;
        }
    }

    /** Set by the launchers when this JVM writes a class-data archive at exit ({@link ClassDataArchive}). */
    static final String STATUS_FILE = "ssprkit.statusFile";

    /**
     * The command's own exit status, written where the launcher reads it: a JVM that cannot write its class-data
     * archive at exit (a full disk) exits 1 whatever the command returned, and the launcher then exits with this.
     */
    static void recordStatus(int status, String file) {
        if (file == null) return;
        try {
            dev.ssprkit.common.AtomicFile.writeString(java.nio.file.Path.of(file), Integer.toString(status), StandardCharsets.US_ASCII);
        } catch (java.io.IOException | RuntimeException e) {
            // the launcher then goes by the JVM's exit status
        }
    }

    /** Runs the command line in-process and returns its exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(CliContext.system(), out, err, args);
    }

    static int run(CliContext context, PrintStream out, PrintStream err, String... written) {
        boolean build = written.length > 0 && written[0].equals("build");
        if (build) dev.ssprkit.wix.WixBuild.prepareAhead(); // on the other core while picocli reads the command line
        String[] args = build ? BuildCommand.lightSpellings(written) : written;
        CommandLine cl = commandLine(context, args.length > 0 ? args[0] : null);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int code = dev.ssprkit.common.cli.CommandFailures.execute(cl, args);
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
        for (Subcommand c : SUBCOMMANDS) {
            if (all || c.names().contains(first)) cl.addSubcommand(c.make().apply(context));
        }
        if (all) {
            cl.addSubcommand(new CommandLine(CommandLine.HelpCommand.class));
            CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
            completion.getCommandSpec().usageMessage().hidden(true);
            cl.addSubcommand("generate-completion", completion);
        }
        // one mapping for every subcommand, sysprep's too: picocli asks the handler of the command line that executes
        Errors.install(cl, context.env());
        if (all || first.equals("sysprep")) cl.addSubcommand("sysprep", SysprepCommand.commandLine(context.host()));
        return cl;
    }

    /** A subcommand name other than help and completion (which need the whole tree). */
    private static boolean known(String name) {
        if (name.equals("sysprep")) return true;
        for (Subcommand c : SUBCOMMANDS) if (c.names().contains(name)) return true;
        return false;
    }

    /** Each subcommand's names as this class lists them, and its command line's as picocli reads them (for CliTest). */
    static Map<List<String>, List<String>> subcommandNames(CliContext context) {
        Map<List<String>, List<String>> out = new java.util.LinkedHashMap<>();
        for (Subcommand c : SUBCOMMANDS) {
            CommandLine cl = c.make().apply(context);
            List<String> read = new java.util.ArrayList<>(List.of(cl.getCommandSpec().aliases()));
            read.add(0, cl.getCommandName());
            out.put(c.names(), read);
        }
        return out;
    }

    /** 0 for plain success, else 10 + the outcome's class (11 restart needed ... 17 refused by the machine). */
    static int msiexecStatus(MsiexecExit exit) {
        return exit.cliStatus == 0 ? OK : ExitStatus.MSIEXEC_BASE + exit.cliStatus;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Sspr.class.getPackage().getImplementationVersion();
            return new String[] {"sspr " + (v == null ? "0.1.0-SNAPSHOT" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
