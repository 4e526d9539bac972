package dev.ssprkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A virtual X display (Xvfb) for tests that show installer dialogs under Wine, driven with xdotool and captured with
 * ImageMagick's {@code import}, as {@code docs/oracles.md} describes. Windows are found by their title and waited
 * for (never slept for); keys and clicks go to one window. Requires Xvfb, xdotool and import: skipped locally
 * without them, a failure in CI ({@link Tool#require}).
 */
public final class VirtualDisplay implements AutoCloseable {
    private final XvfbServer server;
    private final String display;

    private VirtualDisplay(XvfbServer server) {
        this.server = server;
        this.display = server.display();
    }

    /** Starts Xvfb on a display number it picks (1024x768, 24-bit) and waits until it accepts clients. */
    public static VirtualDisplay start() {
        Tool.require("Xvfb", "xdotool", "import");
        return on(XvfbServer.start());
    }

    /**
     * The display of an Xvfb server started elsewhere in the testkit (a Wine prefix's own, {@link Wine#display()}),
     * once it accepts clients; closing it stops that server.
     */
    static VirtualDisplay on(XvfbServer x) {
        VirtualDisplay d = new VirtualDisplay(x);
        if (d.awaitReady(Duration.ofSeconds(20))) return d;
        d.close();
        throw new IllegalStateException("Xvfb on " + x.display() + " did not accept clients within 20 s");
    }

    private boolean awaitReady(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && server.process().isAlive()) {
            if (Tool.run(List.of("xdotool", "getmouselocation"), null, environment(), 10).exitCode() == 0) return true;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** DISPLAY for programs that should show their windows here. */
    public Map<String, String> environment() {
        return Map.of("DISPLAY", display);
    }

    /** {@code env} with DISPLAY pointing here (e.g. a Wine prefix's environment). */
    public Map<String, String> environment(Map<String, String> env) {
        Map<String, String> out = new HashMap<>(env);
        out.put("DISPLAY", display);
        return out;
    }

    /**
     * Waits for a visible window whose title matches {@code titleRegex} (xdotool's regular expression) and returns its
     * id; fails with what is on the screen (titles), what {@code program} printed and the processes of its Wine prefix
     * when none appears in time, and at once when the program has exited. Polls rather than using
     * {@code xdotool search --sync}: that one aborts with BadWindow when another window goes away while it walks the
     * window tree, which is exactly what happens while an installer replaces one dialog with the next.
     */
    private String awaitWindow(String titleRegex, Duration timeout, Running program) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String first = firstWindow(titleRegex);
            if (first != null) return first;
            if (!program.isAlive()) {
                throw new AssertionError(String.join(" ", program.command()) + " exited with " + program.process().exitValue() + " before a window titled /"
                        + titleRegex + "/ appeared; visible windows: " + titles() + "\n" + program.report());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no window titled /" + titleRegex + "/ within " + timeout.toSeconds() + " s; visible windows: " + titles()
                        + "\n" + String.join(" ", program.command()) + " is still running\n" + program.report());
            }
            pause(100);
        }
    }

    /** The first visible window whose title matches, or null (also when xdotool lost a race with a closing window). */
    private String firstWindow(String titleRegex) {
        Tool.Result r = Tool.run(List.of("xdotool", "search", "--onlyvisible", "--name", titleRegex), null, environment(), 20);
        String first = r.stdout().strip().split("\\R")[0].strip();
        return r.exitCode() == 0 && !first.isEmpty() ? first : null;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether a visible window matching {@code titleRegex} exists now. */
    public boolean hasWindow(String titleRegex) {
        Tool.Result r = Tool.run(List.of("xdotool", "search", "--onlyvisible", "--name", titleRegex), null, environment(), 20);
        return r.exitCode() == 0 && !r.stdout().isBlank();
    }

    /** The titles of the visible windows, for failure messages. */
    public List<String> titles() {
        Tool.Result r = Tool.run(List.of("xdotool", "search", "--onlyvisible", "--name", "."), null, environment(), 20);
        List<String> out = new ArrayList<>();
        for (String id : r.stdout().split("\\R")) {
            if (id.isBlank()) continue;
            Tool.Result n = Tool.run(List.of("xdotool", "getwindowname", id.strip()), null, environment(), 20);
            if (n.exitCode() == 0 && !n.stdout().isBlank()) out.add(n.stdout().strip());
        }
        return out;
    }

    /** Activates {@code window} and sends key names (xdotool's: Return, Tab, alt+n, space...). */
    public void key(String window, String... keys) {
        Tool.run(List.of("xdotool", "windowactivate", "--sync", window), null, environment(), 20);
        List<String> cmd = new ArrayList<>(List.of("xdotool", "key", "--window", window, "--delay", "100"));
        cmd.addAll(List.of(keys));
        Tool.run(cmd, null, environment(), 30).assertOk();
    }

    /**
     * Types text into the focused control of {@code window}. The keys go through the XTEST extension to the window
     * holding the input focus (given to {@code window} first): events sent to a window directly (XSendEvent) carry
     * no Shift state Wine honours, so capitals, colons and backslashes would arrive wrong or not at all.
     */
    public void type(String window, String text) {
        Tool.run(List.of("xdotool", "windowfocus", window), null, environment(), 20);
        Tool.run(List.of("xdotool", "type", "--delay", "50", text), null, environment(), 60).assertOk();
    }

    /**
     * Sends key names through XTEST to whatever holds the input focus: a popup menu a click opened (a menu is a
     * window of its own, which no {@code --window} names).
     */
    public void keyFocused(String... keys) {
        List<String> cmd = new ArrayList<>(List.of("xdotool", "key", "--delay", "150"));
        cmd.addAll(List.of(keys));
        Tool.run(cmd, null, environment(), 30).assertOk();
    }

    /** The width and height of {@code window} in pixels. */
    public int[] size(String window) {
        Tool.Result r = Tool.run(List.of("xdotool", "getwindowgeometry", "--shell", window), null, environment(), 20).assertOk();
        int w = -1, h = -1;
        for (String line : r.stdout().split("\\R")) {
            if (line.startsWith("WIDTH=")) w = Integer.parseInt(line.substring(6).strip());
            if (line.startsWith("HEIGHT=")) h = Integer.parseInt(line.substring(7).strip());
        }
        if (w < 0 || h < 0) throw new AssertionError("no geometry for window " + window + ": " + r.stdout());
        return new int[] {w, h};
    }

    /** Clicks at a point relative to {@code window}'s top-left corner. */
    public void click(String window, int x, int y) {
        Tool.run(List.of("xdotool", "windowactivate", "--sync", window), null, environment(), 20);
        Tool.run(List.of("xdotool", "mousemove", "--window", window, Integer.toString(x), Integer.toString(y), "click", "1"), null, environment(), 20).assertOk();
    }

    /** Captures the whole screen as a PNG (for failure reports and documentation). */
    public Path screenshot(Path png) {
        Tool.run(List.of("import", "-window", "root", png.toString()), null, environment(), 60).assertOk();
        return png;
    }

    /**
     * Starts a program that shows windows here and returns at once; {@link Running#await} waits for its exit. The
     * output goes to {@code log} so a stuck program cannot block on a full pipe. A Wine program whose debug output is
     * off ({@code WINEDEBUG=-all}) gets Wine's {@code winediag} errors back: they are what Wine says when a process
     * cannot draw on any display ("no driver could be loaded"), and then its dialogs are invisible and msiexec runs
     * through them as if they had been answered. They go to {@code log} only, which failures show.
     */
    public Running launch(List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment(env));
        if ("-all".equals(pb.environment().get("WINEDEBUG")) && env.containsKey("WINEPREFIX")) pb.environment().put("WINEDEBUG", "-all,err+winediag");
        pb.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            return new Running(this, command, env.get("WINEPREFIX"), pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A program started by {@link #launch} (in the Wine prefix {@code winePrefix}, or null). */
    public record Running(VirtualDisplay display, List<String> command, String winePrefix, Process process, Path log) {
        /** Waits for a window of this program's display whose title matches {@code titleRegex} (see the display's). */
        public String awaitWindow(String titleRegex, Duration timeout) {
            return display.awaitWindow(titleRegex, timeout, this);
        }

        /**
         * For failure messages: the program's output so far (its last 4,000 characters), the log file its command line
         * names after a Windows Installer logging option ({@code msiexec /l*v FILE}: which dialogs it started and how
         * they ended; its last 8,000 characters) and the Wine prefix's processes.
         */
        String report() {
            Path installerLog = installerLog(command);
            return "its output:\n" + tail(log, 4000)
                    + (installerLog == null ? "" : "\nits log " + installerLog + ":\n" + tail(installerLog, 8000))
                    + (winePrefix == null ? "" : "\nprocesses of " + winePrefix + ":\n" + Wine.processes(winePrefix));
        }

        /** msiexec's logging option: {@code /L} with any of its mode letters, then the file. */
        private static final java.util.regex.Pattern LOG_OPTION = java.util.regex.Pattern.compile("(?i)/l[iwearucmopvx+!*]*");

        static Path installerLog(List<String> command) {
            for (int i = 0; i + 1 < command.size(); i++) {
                if (LOG_OPTION.matcher(command.get(i)).matches()) return Path.of(command.get(i + 1));
            }
            return null;
        }

        private static String tail(Path file, int chars) {
            String text;
            try {
                text = Files.isRegularFile(file) ? Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1) : "(no such file)";
            } catch (IOException e) {
                text = "(unreadable: " + e.getMessage() + ")";
            }
            return text.length() > chars ? "..." + text.substring(text.length() - chars) : text;
        }
        /** Waits for the exit and returns the exit code; fails (and kills the program) after {@code timeout}. */
        public int await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError("still running after " + timeout.toSeconds() + " s: " + process.info().commandLine().orElse("?"));
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        public boolean isAlive() {
            return process.isAlive();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
