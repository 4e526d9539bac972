package dev.ssprkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A booted Wine prefix that new prefixes are copied from. {@code wineboot -i} takes 8 s on a quiet machine and 20 s
 * or more on a loaded one, and about thirty test classes each need a fresh prefix; copying a booted one ({@code cp -a},
 * a reflink where the file system has them) takes under a second and gives the same prefix: Wine keeps no absolute
 * path of the prefix in it (its drive links are relative, {@code z:} is {@code /}, and the registry files name no
 * prefix path), and a copy's wineserver is its own, found by the copy's device and inode.
 *
 * <p>One template per user and Wine version (the key includes {@code wine --version} and the wine binary's size and
 * time), in the temporary folder, shared by test processes running at once: a file lock makes one of them boot it,
 * into a staging folder renamed into place when the boot has finished and its wineserver has written the registry.
 * {@code SSPRKIT_WINE_TEMPLATE=off} boots every prefix itself.
 */
final class WineTemplate {
    private WineTemplate() {}

    /** Fills {@code prefix} (absent or empty) with a copy of the template; false when templates are off. */
    static boolean copyInto(Path prefix, Map<String, String> env) {
        if ("off".equalsIgnoreCase(System.getenv("SSPRKIT_WINE_TEMPLATE"))) return false;
        try {
            Path template = template(env);
            Files.deleteIfExists(prefix); // an empty folder made by the caller; cp -a T P would copy T into it
            Tool.run(List.of("cp", "-a", "--reflink=auto", template.toString(), prefix.toString()), null, Map.of(), 300)
                    .assertOk();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path template(Map<String, String> env) throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        String key = key();
        Path template = root.resolve("ssprkit-wine-template-" + key);
        if (Files.isDirectory(template)) return template;
        try (FileChannel ch = FileChannel.open(root.resolve("ssprkit-wine-template-" + key + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            if (Files.isDirectory(template)) return template; // another process booted it while we waited
            Path staging = Files.createTempDirectory(root, "ssprkit-wine-template-staging-");
            Path prefix = staging.resolve("prefix");
            boot(prefix, env);
            Files.move(prefix, template, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(staging);
            return template;
        }
    }

    /** Boots a prefix on the caller's display and waits for its wineserver to exit (the registry is then on disk). */
    private static void boot(Path prefix, Map<String, String> env) throws IOException {
        Files.createDirectories(prefix);
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("WINEPREFIX", prefix.toString());
        Tool.run(Wine.command("wineboot", "-i"), null, e, 300).assertOk();
        Tool.run(List.of("wineserver", "-w"), null, e, 120);
    }

    /** The user, Wine's version and the wine binary's size and modification time, hashed. */
    private static String key() throws IOException {
        String version = Tool.run(List.of("wine", "--version"), null, Map.of(), 60).stdout().strip();
        StringBuilder k = new StringBuilder(version).append('|').append(System.getProperty("user.name"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path wine = Path.of(dir.isEmpty() ? "." : dir, "wine");
            if (Files.isRegularFile(wine)) {
                k.append('|').append(Files.size(wine)).append('|').append(Files.getLastModifiedTime(wine).toMillis());
                break;
            }
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(k.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
