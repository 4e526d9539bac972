package dev.ssprkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder where a prefix's wineserver keeps its socket and lock, {@code ROOT/server-DEV-INODE} (DEV and INODE
 * those of the prefix folder, in hex), and the wineservers running in it. Upstream Wine's ROOT is
 * {@code /tmp/.wine-UID}. Debian's Wine (its temporary-directory patch) uses {@code /run/user/UID/wine} where that
 * folder exists, else a folder made with mkdtemp in {@code $TMPDIR} (or {@code /tmp}) whose name it keeps in the
 * prefix's file {@code wineserver}.
 *
 * <p>A copy of the template prefix would carry the template's {@code wineserver} file, so every prefix of every
 * test process would share one ROOT, told apart by inode alone; {@link #forget} removes the copied file, and the
 * prefix's first wineserver makes a ROOT of its own. A prefix deleted while a process of it still ran could then
 * never hand its server to a new prefix that reuses its inode.
 */
record ServerDir(Path dir, Path ownRoot) {
    private static final Pattern MKDTEMP_NAME = Pattern.compile("wine-[A-Za-z0-9]{6}");

    /** Removes a copied {@code wineserver} file (Debian's pointer to ROOT) before the prefix's wineserver starts. */
    static void forget(Path prefix) {
        try {
            Files.deleteIfExists(prefix.resolve("wineserver"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServerDir of(Path prefix) {
        try {
            long dev = ((Number) Files.getAttribute(prefix, "unix:dev")).longValue();
            long ino = ((Number) Files.getAttribute(prefix, "unix:ino")).longValue();
            String leaf = "server-" + Long.toHexString(dev) + "-" + Long.toHexString(ino);
            int uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue();
            Path run = Path.of("/run/user/" + uid);
            Path pointer = prefix.resolve("wineserver");
            if (Files.isDirectory(run)) return new ServerDir(run.resolve("wine").resolve(leaf), null);
            if (Files.isRegularFile(pointer)) {
                String name = Files.readString(pointer).strip();
                String tmp = System.getenv("TMPDIR");
                Path root = Path.of(tmp == null || tmp.isEmpty() ? "/tmp" : tmp).resolve(name);
                return new ServerDir(root.resolve(leaf), MKDTEMP_NAME.matcher(name).matches() ? root : null);
            }
            return new ServerDir(Path.of("/tmp/.wine-" + uid).resolve(leaf), null);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return new ServerDir(null, null);
        }
    }

    /** The pids of the wineservers running in this folder now (a wineserver's working folder is its server folder). */
    List<Long> servers() {
        List<Long> pids = new ArrayList<>();
        if (dir == null) return pids;
        for (Path p : processes()) {
            try {
                if (Files.readString(p.resolve("comm")).startsWith("wineserver") && Files.readSymbolicLink(p.resolve("cwd")).equals(dir)) {
                    pids.add(Long.parseLong(p.getFileName().toString()));
                }
            } catch (IOException | SecurityException e) {
                // gone meanwhile, or not ours
            }
        }
        return pids;
    }

    /** The {@code /proc/PID} folders of the processes running now (none without procfs). */
    static List<Path> processes() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * After the prefix's wineserver has exited: removes the ROOT this prefix's wineserver made for itself (its socket
     * and lock only); nothing when a wineserver still runs there or ROOT is shared.
     */
    void removeIfUnused() {
        if (ownRoot == null || !servers().isEmpty()) return;
        try (Stream<Path> s = Files.walk(ownRoot)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover folder in the temporary folder does no harm
        }
    }
}
