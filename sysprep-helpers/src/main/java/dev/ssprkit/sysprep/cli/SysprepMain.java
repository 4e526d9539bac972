package dev.ssprkit.sysprep.cli;

import dev.ssprkit.common.cli.CommandFailures;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Standalone entry point for image machines with Java but without the whole toolkit:
 * {@code java -jar ssprkit-sysprep-VERSION-cli.jar clean-cache|unattend|run ...}. The same exit statuses and error
 * wording as {@code sspr sysprep} ({@link CommandFailures}).
 */
public final class SysprepMain {
    private SysprepMain() {}

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command line in-process against the real machine; returns the exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(Host.system(), out, err, args);
    }

    /** Runs one command line against {@code host} (tests pass a fake). */
    public static int run(Host host, PrintStream out, PrintStream err, String... args) {
        CommandLine cl = SysprepCommand.commandLine(host);
        CommandFailures.install(cl, System.getenv());
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        cl.setOut(o);
        cl.setErr(e);
        try {
            return cl.execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }
}
