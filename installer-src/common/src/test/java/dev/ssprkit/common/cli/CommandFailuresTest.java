package dev.ssprkit.common.cli;

import dev.ssprkit.common.BadInputException;
import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.common.UnsupportedHereException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.*;

/** The mapping every picocli front end shares: typed failures by kind, bugs as internal errors, --debug inherited. */
class CommandFailuresTest {
    /** A command that fails with whatever the test hands it. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        final Exception failure;

        Fail(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    @Command(name = "tool")
    static final class Root {}

    record Run(int code, String err) {}

    static Run run(Exception failure, Map<String, String> env, String... args) {
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(new CommandLine(new Fail(failure)));   // added before install
        CommandFailures.install(root, env, e -> e instanceof IllegalStateException && "own".equals(e.getMessage())
                ? Optional.of(ExitStatus.CANCELLED) : Optional.empty());
        root.addSubcommand("later", new CommandLine(new Fail(failure)));   // and after: both get --debug
        StringWriter err = new StringWriter();
        root.setErr(new PrintWriter(err));
        int code = root.execute(args);
        return new Run(code, err.toString());
    }

    @Test
    void typedFailuresGetTheirStatusAndTheirOwnMessage() {
        Run bad = run(new BadInputException(Path.of("x.xml"), "not well-formed"), Map.of(), "fail");
        assertEquals(ExitStatus.BAD_INPUT.code, bad.code());
        assertEquals("tool fail: x.xml: not well-formed", bad.err().strip());
        assertEquals(ExitStatus.IO_ERROR.code, run(new NoSuchFileException("in.msi"), Map.of(), "fail").code());
        assertTrue(run(new NoSuchFileException("in.msi"), Map.of(), "fail").err().contains("in.msi: no such file"));
        assertEquals(ExitStatus.UNSUPPORTED.code, run(new UnsupportedHereException("needs Windows"), Map.of(), "fail").code());
        assertEquals(ExitStatus.USAGE.code, run(new InvalidValueException("--x must be 1"), Map.of(), "fail").code());
        assertEquals(ExitStatus.CANCELLED.code, run(new IllegalStateException("own"), Map.of(), "fail").code(), "the front end's own type");
        assertEquals(ExitStatus.USAGE.code, run(new IllegalStateException(), Map.of(), "fail", "--no-such-option").code());
    }

    @Test
    void runningOutOfHeapSaysSoAndHowToGiveMoreNotInternalError() {
        // an OutOfMemoryError wrapped in an exception (the cause chain is searched); a bare one: the test below
        Run r = run(new IllegalStateException("internal error while building x.msi", new OutOfMemoryError("Java heap space")), Map.of(), "fail");
        assertEquals(ExitStatus.FAILED.code, r.code());
        assertTrue(r.err().contains("ran out of memory") && r.err().contains("-Xmx"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    /** A command that runs out of heap: picocli does not hand an Error to the handler, so execute() catches it. */
    @Command(name = "grow")
    static final class Grow implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void aBareOutOfMemoryErrorFromACommandGetsTheSameAdviceAndNoStackTrace() {
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(new CommandLine(new Grow()));
        CommandFailures.install(root, Map.of());
        StringWriter err = new StringWriter();
        root.setErr(new PrintWriter(err));
        assertEquals(ExitStatus.FAILED.code, CommandFailures.execute(root, "grow"));
        assertTrue(err.toString().startsWith("tool grow: ran out of memory") && err.toString().contains("-Xmx"), err.toString());
        assertFalse(err.toString().contains("at dev.ssprkit"), err.toString());
    }

    @Test
    void aBugIsAnInternalErrorWithItsStackTraceOnlyWhenAskedFor() {
        Run plain = run(new NullPointerException("cell"), Map.of(), "fail");
        assertEquals(70, plain.code());
        assertTrue(plain.err().contains("internal error — please report it"), plain.err());
        assertTrue(plain.err().contains("java.lang.NullPointerException: cell"), plain.err());
        assertFalse(plain.err().contains("\tat "), "no stack trace without --debug: " + plain.err());

        // an IllegalArgumentException that is not an InvalidValueException is a bug, not a usage error
        assertEquals(70, run(new IllegalArgumentException("negative position"), Map.of(), "fail").code());

        Run debug = run(new NullPointerException("cell"), Map.of(), "fail", "--debug");
        assertEquals(70, debug.code());
        assertTrue(debug.err().contains("\tat dev.ssprkit.common.cli.CommandFailuresTest."), debug.err());
        assertTrue(run(new NullPointerException("cell"), Map.of(), "later", "--debug").err().contains("\tat "));
        Run env = run(new NullPointerException("cell"), Map.of("SSPR_DEBUG", "1"), "fail");
        assertTrue(env.err().contains("\tat "), env.err());
    }
}
