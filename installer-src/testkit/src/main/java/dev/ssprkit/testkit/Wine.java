package dev.ssprkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Wine prefix: created (copied from a booted template, {@link WineTemplate}), a persistent {@code wineserver -p}
 * started once (an install then takes ~2 s instead of
 * ~10 s), and that wineserver killed by {@link #close()}. Each prefix gets a virtual X display of its own (Xvfb, on
 * a free display number Xvfb chooses), stopped with it: without any display every program that makes a window —
 * msiexec, winecfg, start.exe — tries and fails to start the desktop process, and on a loaded machine such launches
 * sometimes failed outright (wix/test/wine-lifecycle.sh says more). The prefix's desktop stays open from boot to
 * {@link #close()} ({@link DesktopKeeper}), on that display, which dialog tests use too ({@link #display()}). Programs
 * are started by their full path ({@code C:\windows\system32\msiexec.exe}), not through start.exe. One per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final Wine wine = Wine.perClass();   // prefix in its own temp folder, removed after
 * }</pre>
 *
 * or, inside one test, {@code try (Wine wine = Wine.start(dir.resolve("prefix"))) { ... }}.
 */
public final class Wine implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private Path prefix;
    private Map<String, String> env;
    private Path ownedRoot;
    private XvfbServer xvfb;
    private VirtualDisplay virtualDisplay;
    private DesktopKeeper keeper;
    /** The pid of the persistent wineserver started at boot, or -1 where it could not be told. */
    private long server = -1;

    private Wine() {}

    private Wine(Path prefix) {
        init(prefix);
    }

    private void init(Path prefix) {
        this.prefix = prefix;
        Map<String, String> e = new HashMap<>();
        e.put("WINEPREFIX", prefix.toString());
        // quiet by default; SSPRKIT_WINEDEBUG (e.g. err+all) shows what Wine says when a program fails to start
        String debug = System.getenv("SSPRKIT_WINEDEBUG");
        e.put("WINEDEBUG", debug == null || debug.isBlank() ? "-all" : debug);
        e.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        e.put("DISPLAY", "");
        this.env = Map.copyOf(e);
    }

    /** Requires wine (skip locally / fail in CI), creates the prefix and starts its persistent wineserver. */
    public static Wine start(Path prefix) {
        Wine wine = new Wine(prefix);
        wine.boot();
        return wine;
    }

    /** A JUnit extension: the prefix is made before the class's tests and killed and removed after them. */
    public static Wine perClass() {
        return new Wine();
    }

    private void boot() {
        Tool.require("wine", "wineserver", "Xvfb", "setarch");
        Tool.requireThat(LoaderCheck.WORKS, "'setarch -R' allowed here (Wine's programs run with an unrandomized address"
                + " space, Wine.LOADER; a container's seccomp profile may refuse that personality)");
        try {
            Files.createDirectories(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startDisplay();
        if (isEmpty(prefix)) WineTemplate.copyInto(prefix, env);
        ServerDir.forget(prefix);
        startProcesses();
    }

    /** The persistent wineserver, what a booted prefix runs, and the program that keeps its desktop open. */
    private void startProcesses() {
        startPersistentServer();
        // On a copy of the booted template this takes about a second (the prefix is up to date), and it starts what a
        // booted prefix runs (services, rpcss, the desktop process) with our pipes, not those of the first program a
        // test runs: started by that program, they would hold its output open until the prefix is killed, and a
        // caller reading output to its end (commons-exec's stream pumps in MsiexecRunner) would time out.
        exec(command("wineboot", "-i"), 300).assertOk();
        server = ServerDir.of(prefix).servers().stream().findFirst().orElse(-1L); // up by now: wineboot ran on it
        keeper = DesktopKeeper.start(env);
    }

    /** Ends the desktop keeper, then kills the wineserver and with it every process of the prefix, and waits. */
    private void stopProcesses() {
        if (keeper != null) keeper.close();
        keeper = null;
        exec(List.of("wineserver", "-k"), 60);
        exec(List.of("wineserver", "-w"), 60);
    }

    /**
     * Kills every process of the prefix and starts them again as at boot (persistent wineserver, services, desktop):
     * for what Wine reads only when its processes start, e.g. services.exe the services created while it ran.
     */
    public void restart() {
        stopProcesses();
        startProcesses();
    }

    /**
     * This prefix's own display (its desktop process draws there) as a {@link VirtualDisplay}, for tests that show,
     * drive and capture dialogs; it is stopped with the prefix, not by the caller. Requires xdotool and ImageMagick's
     * import as {@link VirtualDisplay#start()} does.
     */
    public VirtualDisplay display() {
        Tool.require("xdotool", "import");
        if (virtualDisplay == null) virtualDisplay = VirtualDisplay.on(xvfb);
        return virtualDisplay;
    }

    /** Runs a program with no pipes of ours (what it leaves running cannot hold them) and waits for it. */
    private void runWithoutPipes(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed in " + prefix);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Xvfb on a display number it picks itself ({@code -displayfd}) and points this prefix's DISPLAY at it. */
    private void startDisplay() {
        xvfb = XvfbServer.start();
        Map<String, String> e = new HashMap<>(env);
        e.put("DISPLAY", xvfb.display());
        env = Map.copyOf(e);
    }

    /** {@code C:\windows\system32\NAME}: a Wine program started directly, not through start.exe. */
    public static String system32(String program) {
        return "C:\\windows\\system32\\" + program;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ownedRoot = Files.createTempDirectory("ssprkit-wine-");
        init(ownedRoot.resolve("prefix"));
        boot();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (ownedRoot == null) return;
        close();
        deleteTree(ownedRoot);
        ownedRoot = null;
    }

    /**
     * Removes a folder without following links: a prefix links its user folders to the real home directory, and
     * those links are removed, never their targets.
     */
    private static void deleteTree(Path root) throws IOException {
        List<Path> all;
        try (java.util.stream.Stream<Path> s = Files.walk(root)) { // Files.walk does not follow links
            all = s.sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path p : all) { // tests may leave read-only folders in the prefix
            if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(p)) p.toFile().setWritable(true);
        }
        for (Path p : all) Files.deleteIfExists(p);
    }

    /** The environment every Wine command of this prefix runs with (WINEPREFIX, quiet debug, no Mono/Gecko). */
    public Map<String, String> environment() {
        return env;
    }

    /** {@code wineserver -p} detaches and keeps running; its output must not be tied to our pipes. */
    private void startPersistentServer() {
        runWithoutPipes(List.of("wineserver", "-p"));
    }

    public Path prefix() {
        return prefix;
    }

    /** The Unix path of a Windows path on the C: drive, e.g. {@code C:\Program Files\X\a.txt}. */
    public Path cDrive(String windowsPath) {
        String p = windowsPath.replace('\\', '/');
        if (p.length() >= 2 && p.charAt(1) == ':') p = p.substring(2);
        while (p.startsWith("/")) p = p.substring(1);
        return prefix.resolve("drive_c").resolve(p);
    }

    /** Wine's own programs by bare name, started by their path instead (not through start.exe). */
    private static final Map<String, String> PROGRAMS = Map.of("reg", system32("reg.exe"), "cmd", system32("cmd.exe"),
            "msiexec", system32("msiexec.exe"), "winecfg", system32("winecfg.exe"), "wineboot", system32("wineboot.exe"),
            "regedit", "C:\\windows\\regedit.exe");

    /** Runs {@code wine ARGS...}; a bare program name of Wine's ({@code reg}, {@code cmd}, {@code regedit}...) by its path. */
    public Tool.Result wine(String... args) {
        return exec(command(args), 300);
    }

    /**
     * {@code wine ARGS...} as a command line, a bare program name of Wine's by its path: {@code wine msiexec} would go
     * through {@code start.exe /exec msiexec}, one more process between the caller and the program (for programs
     * started elsewhere, e.g. on a {@link VirtualDisplay}).
     */
    public static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(LOADER);
        cmd.add(PROGRAMS.getOrDefault(args[0], args[0]));
        cmd.addAll(List.of(args).subList(1, args.length));
        return cmd;
    }

    /**
     * How every Wine program of the tests is started: {@code setarch -R wine}, with the address space not randomized.
     * Debian's Wine 8 has no preloader, and its 64-bit loader is a fixed-address executable at 0x7d000000, so the
     * kernel places its brk heap anywhere in the 1 GB above it (seen here: 0x7d195000 to 0xbce2f000 over 2,000 starts
     * of a program linked there). When that heap lies over 0x7ffe0000, where Wine must map the shared user data, the
     * process dies at once with "failed to map the shared user data: c0000018" (a CI run, in winecfg; reproduced here
     * every time by a heap grown over that address; 2 of 3,000 plain starts of {@code wine cmd.exe /c exit} here, none
     * of 3,000 through setarch). Without randomization the heap starts right after the loader every time, 47 MB below
     * that address. The personality is inherited by every process Wine starts in turn.
     */
    public static final List<String> LOADER = List.of("setarch", "-R", "wine");

    /** Whether {@code setarch -R} may run here: asked once per test process, when a prefix is first booted. */
    private static final class LoaderCheck {
        static final boolean WORKS = Tool.run(List.of("setarch", "-R", "true"), null, Map.of(), 60).exitCode() == 0;
    }

    public Tool.Result exec(List<String> command, int timeoutSeconds) {
        return Tool.run(command, null, env, timeoutSeconds);
    }

    /**
     * {@code wine C:\windows\system32\msiexec.exe ARGS...}; returns msiexec's exit code with the output. Wine 8's
     * msiexec has been seen, rarely and only under load, to stall for good inside a DLL custom action before the DLL's
     * first line ran (the custom-action server it starts never answered; reproduced outside Java, once in about 150
     * runs). Such a run fails the test after 300 s, and the failure lists the Wine processes still running then, so
     * the next one can be told apart from a hang of ours. Tests keep the number of msiexec runs they need small.
     */
    public Tool.Result msiexec(String... args) {
        List<String> cmd = new ArrayList<>(command("msiexec"));
        cmd.addAll(List.of(args));
        try {
            return exec(cmd, 300);
        } catch (AssertionError e) {
            if (!String.valueOf(e.getMessage()).contains("did not finish")) throw e;
            Tool.Result ps = Tool.run(List.of("ps", "-eo", "pid,ppid,stat,etime,args"), null, Map.of(), 30);
            String wine = ps.stdout().lines().filter(l -> l.contains(".exe") || l.contains("wine")).collect(java.util.stream.Collectors.joining("\n"));
            throw new AssertionError(e.getMessage() + "; the Wine processes then:\n" + wine, e);
        }
    }

    /** Sets the Windows version msiexec sees: win7, win8, win81, win10. */
    public void windowsVersion(String version) {
        wine(system32("winecfg.exe"), "-v", version).assertOk();
    }

    /**
     * The data of one registry value as {@code wine reg query} prints it, e.g. {@code "0x1"} for a DWORD, or
     * {@code null} when the value (or key) does not exist.
     */
    public String regValue(String key, String name) {
        String[] entry = regEntry(key, name);
        return entry == null ? null : entry.length >= 3 ? entry[2] : "";
    }

    /** The type column (REG_SZ, REG_DWORD...) of one registry value, or null. */
    public String regType(String key, String name) {
        String[] entry = regEntry(key, name);
        return entry == null ? null : entry[1];
    }

    /** The columns (name, type, data) of the line {@code reg query} prints for one value, or null (null name: the default). */
    private String[] regEntry(String key, String name) {
        Tool.Result r = regQuery(key, name);
        if (r == null) return null;
        for (String line : r.stdout().split("\r?\n")) {
            String[] parts = line.strip().split("    ");
            if (parts.length >= 2 && parts[1].startsWith("REG_")) {
                boolean match = name == null ? parts[0].equals("(Default)") || parts[0].isEmpty() : parts[0].equalsIgnoreCase(name);
                if (match) return parts;
            }
        }
        return null;
    }

    public boolean regKeyExists(String key) {
        return regQuery(key, "") != null;
    }

    /** What {@code reg query KEY /s} prints (every value below the key), or null when the key does not exist. */
    public String regTreeListing(String key) {
        Tool.Result r = regQuery(List.of("reg", "query", key, "/s"));
        return r == null ? null : r.stdout();
    }

    /** What {@code reg query KEY} prints (the key's values and subkeys), or null when the key does not exist. */
    public String regKeyListing(String key) {
        Tool.Result r = regQuery(key, "");
        return r == null ? null : r.stdout();
    }

    /**
     * {@code reg query KEY [/v NAME | /ve]} ({@code name} "" for the whole key): the result, or null when reg.exe says
     * the key or value does not exist. reg.exe always prints something: what it found, or that it found nothing. Under
     * load, Wine has been seen to lose a console program's output (exit 1 with nothing printed where the key had just
     * been removed; exit 0 with nothing printed where the value had just been read), so an empty answer is no answer:
     * the same read-only query is asked again, at most twice, each time said on stderr; the installs and uninstalls
     * under test are never repeated. Any other failure fails the caller with what Wine printed and the state of the
     * prefix's wineserver.
     */
    private Tool.Result regQuery(String key, String name) {
        List<String> cmd = new ArrayList<>(List.of("reg", "query", key));
        if (name == null) cmd.add("/ve");
        else if (!name.isEmpty()) cmd.addAll(List.of("/v", name));
        return regQuery(cmd);
    }

    private Tool.Result regQuery(List<String> cmd) {
        for (int attempt = 1; ; attempt++) {
            Tool.Result r = wine(cmd.toArray(String[]::new));
            String said = r.stdout() + r.stderr();
            if (r.exitCode() == 0 && !r.stdout().isBlank()) return r;
            if (r.exitCode() == 1 && said.contains("Unable to find")) return null; // reg.exe's own "not found"
            if (said.isBlank() && attempt < 3) {
                System.err.println("testkit: wine " + String.join(" ", cmd) + " exited " + r.exitCode()
                        + " and printed nothing (Wine lost its output); asking again (" + serverState() + ")");
                continue;
            }
            throw new AssertionError("wine " + String.join(" ", cmd) + " exited " + r.exitCode() + " without saying what it found"
                    + " (attempt " + attempt + ")\nstdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr() + "\n" + serverState());
        }
    }

    /**
     * Whether the persistent wineserver started at boot still serves this prefix, for failure messages: a wineserver
     * that died takes the registry changes made since its last save with it, and the next command starts a new one
     * from what is on disk.
     */
    public String serverState() {
        List<Long> now = ServerDir.of(prefix).servers();
        String keeping = keeper == null ? "" : "; " + keeper;
        if (server < 0) return "wineserver of the prefix now: " + now + keeping;
        return (now.contains(server) ? "the prefix's persistent wineserver (pid " + server + ") is still running"
                : "the prefix's persistent wineserver (pid " + server + ") is gone; serving it now: " + now) + keeping;
    }

    /**
     * The processes running in the Wine prefix at {@code prefix} (their environment's WINEPREFIX), one "pid command
     * line" per line, for failure messages: Wine's processes are children of init, not of the program a test started.
     */
    public static String processes(String prefix) {
        StringBuilder out = new StringBuilder();
        String want = "WINEPREFIX=" + prefix;
        for (Path p : ServerDir.processes()) {
            try {
                if (!List.of(nulSeparated(p.resolve("environ"))).contains(want)) continue;
                out.append(p.getFileName()).append(' ').append(String.join(" ", nulSeparated(p.resolve("cmdline")))).append('\n');
            } catch (IOException | SecurityException e) {
                // gone meanwhile, or not ours
            }
        }
        return out.isEmpty() ? "(none)" : out.toString();
    }

    private static String[] nulSeparated(Path file) throws IOException {
        return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).split("\0");
    }

    /** Kills this prefix's wineserver (and with it every process of the prefix), then its display. */
    @Override
    public void close() {
        stopProcesses();
        ServerDir.of(prefix).removeIfUnused();
        if (xvfb != null) xvfb.stop(); // the display() handed out, if any, is this server's
        virtualDisplay = null;
        xvfb = null;
    }
}
