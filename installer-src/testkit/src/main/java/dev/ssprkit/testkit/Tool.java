package dev.ssprkit.testkit;

import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An external program used as an oracle (msiinfo, gcab, cabextract, wine...).
 *
 * <p>{@link #require(String)} skips the calling test when the program is missing, unless the system property
 * {@code interop.required} is {@code true} (CI sets it): then a missing oracle fails the test instead.
 */
public final class Tool {
    private Tool() {}

    /**
     * True when every interop test must run: system property {@code interop.required=true} or environment variable
     * {@code SSPRKIT_INTEROP_REQUIRED=true} (what {@code .ci/run} sets before running the README's test command).
     */
    public static boolean interopRequired() {
        return Boolean.getBoolean("interop.required") || "true".equalsIgnoreCase(System.getenv("SSPRKIT_INTEROP_REQUIRED"));
    }

    /** Skips (locally) or fails (in CI) unless every named program is on the PATH. */
    public static void require(String... programs) {
        for (String program : programs) {
            if (!onPath(program)) {
                String msg = "oracle '" + program + "' is not installed (apt-get install msitools wixl gcab cabextract wine64 xvfb osslsigncode)";
                if (interopRequired()) {
                    throw new AssertionError(msg + " but interop tests are required here (SSPRKIT_INTEROP_REQUIRED / -Dinterop.required)");
                }
                Assumptions.assumeTrue(false, msg);
            }
        }
    }

    /**
     * Skips (locally) or fails (when interop tests are required) unless {@code present}: for what a test needs besides
     * a program, e.g. Wine's DLL folder, {@code mkfifo}, symbolic links, {@code /proc}. {@code what} names it and how
     * to get it. Every skip for a missing oracle or file goes through here or {@link #require}, never a bare assumption.
     */
    public static void requireThat(boolean present, String what) {
        requireThat(present, what, interopRequired());
    }

    static void requireThat(boolean present, String what, boolean required) {
        if (present) return;
        if (required) {
            throw new AssertionError(what + " is missing, but interop tests are required here (SSPRKIT_INTEROP_REQUIRED / -Dinterop.required)");
        }
        Assumptions.assumeTrue(false, what + " is missing");
    }

    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** The outcome of one run. Output is decoded as UTF-8 (msitools prints UTF-8). */
    public record Result(int exitCode, String stdout, String stderr, List<String> command) {
        public Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("command " + command + " exited " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    public static Result run(List<String> command) {
        return run(command, null, Map.of(), 300);
    }

    public static Result run(String... command) {
        return run(List.of(command));
    }

    /** Runs a command to completion (bounded in time), capturing both output streams. */
    public static Result run(List<String> command, Path workDir, Map<String, String> env, int timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workDir != null) pb.directory(workDir.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t1 = pump(p.getInputStream(), out);
            Thread t2 = pump(p.getErrorStream(), err);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("command " + command + " did not finish within " + timeoutSeconds + " s");
            }
            // A daemon the command started (wineserver) may keep the pipes open: don't wait for it.
            t1.join(5000);
            t2.join(5000);
            String o, e;
            synchronized (out) {
                o = out.toString(StandardCharsets.UTF_8);
            }
            synchronized (err) {
                e = err.toString(StandardCharsets.UTF_8);
            }
            return new Result(p.exitValue(), o, e,
                    new ArrayList<>(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process went away; what was read is kept
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
