package dev.ssprkit.common.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.common.FailureText;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a picocli front end ({@code sspr}, the standalone sysprep jar) turns an exception into one line on stderr and
 * an {@link ExitStatus}: usage errors, typed library errors by their {@link dev.ssprkit.common.ErrorKind}, and
 * anything else as an internal error with its stack trace only under {@code --debug} or {@code SSPR_DEBUG=1}.
 * Install it with {@link #install}; a front end may add its own types (an exception that carries its status).
 */
public final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
    public static final String DEBUG_OPTION = "--debug";

    private final Map<String, String> environment;
    private final Function<Throwable, Optional<ExitStatus>> ownTypes;

    private CommandFailures(Map<String, String> environment, Function<Throwable, Optional<ExitStatus>> ownTypes) {
        this.environment = environment;
        this.ownTypes = ownTypes;
    }

    /**
     * Adds {@code --debug} to {@code root} and every subcommand (added before or after), and maps failures as
     * described above. Call it on the command line that runs {@code execute}: picocli asks that one's handler for
     * every subcommand, so a subcommand tree built elsewhere (sysprep) gets the same mapping under {@code sspr}.
     */
    public static void install(CommandLine root, Map<String, String> environment, Function<Throwable, Optional<ExitStatus>> ownTypes) {
        root.getCommandSpec().addOption(OptionSpec.builder(DEBUG_OPTION).scopeType(ScopeType.INHERIT).arity("0")
                .description("On an internal error, print its stack trace (also: " + FailureText.DEBUG_VARIABLE + "=1).").build());
        CommandFailures handler = new CommandFailures(environment, ownTypes);
        root.setExecutionExceptionHandler(handler);
        root.setExitCodeExceptionMapper(handler::status);
    }

    public static void install(CommandLine root, Map<String, String> environment) {
        install(root, environment, e -> Optional.empty());
    }

    /**
     * {@code cl.execute(args)}, with the JVM running out of heap reported as {@link #handleExecutionException} reports a
     * wrapped one: picocli hands only exceptions to the handler, and an {@link OutOfMemoryError} thrown by a command
     * would otherwise end the program with a stack trace.
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            String who = cl.getCommandSpec().qualifiedName();
            if (args.length > 0 && cl.getSubcommands().containsKey(args[0])) who += " " + args[0];
            printOutOfMemory(cl.getErr(), who);
            return ExitStatus.FAILED.code;
        }
    }

    private static void printOutOfMemory(PrintWriter err, String who) {
        // not a bug and not the input's fault: the JVM's heap limit is below what this work needs
        err.println(who + ": ran out of memory (the Java heap limit was reached); give the JVM more, e.g. "
                + "SSPR_JAVA_OPTS=-Xmx4g with the sspr launcher, or java -Xmx4g -jar sspr.jar");
        err.flush();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String who = cl.getCommandSpec().qualifiedName();
        int code = status(e);
        if (outOfMemory(e)) {
            printOutOfMemory(err, who);
            return ExitStatus.FAILED.code;
        }
        if (code == ExitStatus.INTERNAL.code) {
            boolean debug = debug(parsed);
            err.println(who + ": " + FailureText.internal(e, debug ? null : "run again with " + DEBUG_OPTION + " or " + FailureText.DEBUG_VARIABLE + "=1"));
            if (debug) e.printStackTrace(err);
        } else {
            err.println(who + ": " + FailureText.message(e));
        }
        err.flush();
        return code;
    }

    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) return true;
        }
        return false;
    }

    /** The exit status of a failure: usage errors, then the front end's own types, then the error kind. */
    int status(Throwable e) {
        if (e instanceof CommandLine.ParameterException) return ExitStatus.USAGE.code;
        return ownTypes.apply(e).orElseGet(() -> ExitStatus.of(e)).code;
    }

    private boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(DEBUG_OPTION)) return true;
        }
        return FailureText.debugRequested(environment);
    }
}
