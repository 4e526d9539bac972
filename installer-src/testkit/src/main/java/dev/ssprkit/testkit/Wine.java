package dev.ssprkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Wine prefix for a test class: created on first use, a persistent {@code wineserver -p} started once (an install
 * then takes ~2 s instead of ~10 s), and that wineserver killed by {@link #close()}.
 *
 * <pre>{@code
 * static Wine wine;
 * @BeforeAll static void up(@TempDir Path dir) { wine = Wine.start(dir.resolve("prefix")); }
 * @AfterAll static void down() { wine.close(); }
 * }</pre>
 */
public final class Wine implements AutoCloseable {
    private final Path prefix;
    private final Map<String, String> env;

    private Wine(Path prefix) {
        this.prefix = prefix;
        this.env = new HashMap<>();
        env.put("WINEPREFIX", prefix.toString());
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        env.put("DISPLAY", "");
    }

    /** Requires wine (skip locally / fail in CI), creates the prefix and starts its persistent wineserver. */
    public static Wine start(Path prefix) {
        Tool.require("wine", "wineserver");
        try {
            Files.createDirectories(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Wine wine = new Wine(prefix);
        wine.startPersistentServer();
        wine.exec(List.of("wineboot", "-i"), 300).assertOk();
        return wine;
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
