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
 * One Wine prefix: created, a persistent {@code wineserver -p} started once (an install then takes ~2 s instead of
 * ~10 s), and that wineserver killed by {@link #close()}. One per test class:
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

    private Wine() {}

    private Wine(Path prefix) {
        init(prefix);
    }

    private void init(Path prefix) {
        this.prefix = prefix;
        Map<String, String> e = new HashMap<>();
        e.put("WINEPREFIX", prefix.toString());
        e.put("WINEDEBUG", "-all");
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
        Tool.require("wine", "wineserver");
        try {
            Files.createDirectories(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startPersistentServer();
        exec(List.of("wineboot", "-i"), 300).assertOk();
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
        ProcessBuilder pb = new ProcessBuilder("wineserver", "-p");
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** Runs {@code wine ARGS...}. */
    public Tool.Result wine(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("wine");
        cmd.addAll(List.of(args));
        return exec(cmd, 300);
    }

    public Tool.Result exec(List<String> command, int timeoutSeconds) {
        return Tool.run(command, null, env, timeoutSeconds);
    }

    /** {@code wine msiexec ARGS...}; returns msiexec's exit code with the output. */
    public Tool.Result msiexec(String... args) {
        List<String> cmd = new ArrayList<>(List.of("wine", "msiexec"));
        cmd.addAll(List.of(args));
        return exec(cmd, 300);
    }

    /** Sets the Windows version msiexec sees: win7, win8, win81, win10. */
    public void windowsVersion(String version) {
        wine("winecfg", "-v", version).assertOk();
    }

    /**
     * The data of one registry value as {@code wine reg query} prints it, e.g. {@code "0x1"} for a DWORD, or
     * {@code null} when the value (or key) does not exist.
     */
    public String regValue(String key, String name) {
        Tool.Result r = name == null ? wine("reg", "query", key, "/ve") : wine("reg", "query", key, "/v", name);
        if (r.exitCode() != 0) return null;
        for (String line : r.stdout().split("\r?\n")) {
            String t = line.strip();
            String[] parts = t.split("    ");
            if (parts.length >= 2 && parts[1].startsWith("REG_")) {
                String valueName = parts[0];
                boolean match = name == null ? valueName.equals("(Default)") || valueName.isEmpty() : valueName.equalsIgnoreCase(name);
                if (match) return parts.length >= 3 ? parts[2] : "";
            }
        }
        return null;
    }

    /** The type column (REG_SZ, REG_DWORD...) of one registry value, or null. */
    public String regType(String key, String name) {
        Tool.Result r = name == null ? wine("reg", "query", key, "/ve") : wine("reg", "query", key, "/v", name);
        if (r.exitCode() != 0) return null;
        for (String line : r.stdout().split("\r?\n")) {
            String[] parts = line.strip().split("    ");
            if (parts.length >= 2 && parts[1].startsWith("REG_")
                    && (name == null || parts[0].equalsIgnoreCase(name))) {
                return parts[1];
            }
        }
        return null;
    }

    public boolean regKeyExists(String key) {
        return wine("reg", "query", key).exitCode() == 0;
    }

    /** Kills this prefix's wineserver (and with it every process of the prefix). */
    @Override
    public void close() {
        exec(List.of("wineserver", "-k"), 60);
        exec(List.of("wineserver", "-w"), 60);
    }
}
