package dev.ssprkit.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One idle Wine program ({@code cmd.exe} reading commands from a pipe of ours) that keeps a prefix's desktop open
 * from boot to {@link #close()}.
 *
 * <p>Why. Wine's desktop process ({@code explorer.exe /desktop}) closes the desktop about a second after the last
 * program using it exits, and the next program that makes a window starts a new one. A program starting inside that
 * second is handed the closing desktop's window; Wine then cannot load the display driver through it ("The explorer
 * process failed to start"), falls back to its null driver, and every window of that program is invisible. msiexec
 * does not fail there: its dialogs return at once as if answered, the install runs to the end and exits 0 (CI saw
 * exactly that: "msiexec exited with 0 before a window titled /Gallery/ appeared; visible windows: []"; the same
 * happens at will with a {@code DISPLAY} no server answers). The dialog tests start msiexec right after the previous
 * one was killed, inside that second, dozens of times a run. With this program running the desktop never closes:
 * there is no second in which a program can meet a closing one, and the prefix's services are not stopped and started
 * again between programs either.
 *
 * <p>{@link #start} returns once cmd.exe has answered an {@code echo} through the pipes (the desktop has a user then)
 * and the desktop process runs: {@code rundll32 user32.dll,GetDesktopWindow} asks for the desktop window, which starts
 * it when the one {@code wineboot} started has closed already. A console program alone never starts one, and the
 * first dialog of a test would otherwise.
 */
final class DesktopKeeper implements AutoCloseable {
    private static final String READY = "ssprkit-desktop-keeper-ready";
    private final Process process;

    private DesktopKeeper(Process process) {
        this.process = process;
    }

    static DesktopKeeper start(Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(Wine.command("cmd"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DesktopKeeper keeper = new DesktopKeeper(p);
        boolean started = false;
        try {
            OutputStream in = p.getOutputStream();
            // the caret is cmd's escape: the answer has the word without it, an echoed command line would keep it
            in.write(("echo " + READY.replace("-ready", "^-ready") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
            CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> readUntilReady(p));
            String output = said.get(120, TimeUnit.SECONDS);
            if (output != null) {
                throw new AssertionError("Wine's cmd.exe (kept running so the prefix's desktop stays open) ended before"
                        + " it answered; it printed:\n" + output);
            }
            openDesktop(env);
            started = true;
            return keeper;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("Wine's cmd.exe (kept running so the prefix's desktop stays open) did not answer within 120 s", e);
        } catch (ExecutionException e) {
            throw new AssertionError("reading Wine's cmd.exe failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting Wine's cmd.exe", e);
        } finally {
            if (!started) keeper.close(); // on every failure, an assertion's included
        }
    }

    /**
     * Starts the desktop process if none runs. Its output is discarded, not piped: the desktop process it may start
     * lives on and would hold a pipe of ours open to the end.
     */
    private static void openDesktop(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Wine.command(Wine.system32("rundll32.exe"), "user32.dll,GetDesktopWindow"));
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("rundll32 user32.dll,GetDesktopWindow (opening the prefix's desktop) still ran after 120 s");
        }
        if (p.exitValue() != 0) throw new AssertionError("rundll32 user32.dll,GetDesktopWindow (opening the prefix's desktop) exited " + p.exitValue());
    }

    /** Null once a line holds the ready word (after cmd's prompt); else everything cmd printed before its output ended. */
    private static String readUntilReady(Process p) {
        StringBuilder seen = new StringBuilder();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.contains(READY)) return null;
                seen.append(line).append('\n');
            }
            return seen.toString();
        } catch (IOException e) {
            return seen + "(reading failed: " + e.getMessage() + ")";
        }
    }

    /** Ends the input (cmd.exe exits at its end), then waits for the exit; kills the process if it does not go. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the process has gone already
        }
        Processes.awaitOrKill(process, 10);
        try {
            process.getInputStream().close();
        } catch (IOException ignored) {
            // nothing more to read
        }
    }

    /** For failure messages. */
    @Override
    public String toString() {
        return "cmd.exe keeping the desktop open (pid " + process.pid() + (process.isAlive() ? ", running)" : ", exited)");
    }
}
