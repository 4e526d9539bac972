package dev.ssprkit.cli;

import dev.ssprkit.common.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * sspr's own class-data archive for the JVM that {@link JarLauncher} restarts (bin/sspr does the same in shell): the
 * classes a build loads, stored by the JVM in the user's cache ({@code $XDG_CACHE_HOME/ssprkit/cds}, else
 * {@code ~/.cache/ssprkit/cds}) so later starts map them instead of reading and verifying them from the jar (a small
 * build: about 0.7 s without, 0.5 s with). JDK 17 has no automatic archive (JDK 19's -XX:+AutoCreateSharedArchive),
 * so the first {@code build} without one dumps it at exit (-XX:ArchiveClassesAtExit, about half a second more, once)
 * into a temporary name, which replaces the archive's name only when that build succeeded; other commands only use
 * one. The name carries the jar's and the java executable's path, size and time stamp: an archive is valid only for
 * the jar and the JVM it was made with (the JVM ignores another silently, and starts slower than with none). Off with
 * {@code SSPR_CDS=off}, when no cache folder is known, or when the user's options already name an archive or turn
 * sharing off.
 */
final class ClassDataArchive {
    /** Silences the JVM's class-data messages (at dump time it lists the classes it skips, on standard output). */
    static final String QUIET = "-Xlog:cds*=off";
    /** Free space needed to make an archive (sspr's is about 10 MB). */
    static final long MIN_FREE = 64L << 20;

    private final Path archive;
    private final Path temporary; // null: the archive exists and is used

    private ClassDataArchive(Path archive, Path temporary) {
        this.archive = archive;
        this.temporary = temporary;
    }

    /**
     * The archive for running {@code jar} with {@code java} and {@code options}, when there is one to use or (for the
     * {@code build} command) one to make; empty when none applies.
     */
    static Optional<ClassDataArchive> of(Map<String, String> env, Path java, Path jar, List<String> options, String command) {
        if ("off".equals(env.get("SSPR_CDS"))) return Optional.empty();
        if (options.stream().anyMatch(o -> o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit")
                || o.startsWith("-Xshare:off") || o.equals("-Xshare:dump"))) {
            return Optional.empty();
        }
        Path cache = cacheFolder(env);
        if (cache == null) return Optional.empty();
        String key;
        try {
            key = key(java, jar);
        } catch (IOException e) {
            return Optional.empty();
        }
        Path folder = cache.resolve("ssprkit").resolve("cds");
        Path archive = folder.resolve("sspr-j" + key + ".jsa");
        if (Files.isRegularFile(archive)) return Optional.of(new ClassDataArchive(archive, null));
        if (!"build".equals(command)) return Optional.empty();
        Path temporary;
        try {
            // a JVM that cannot write its archive at exit exits 1 whatever the build did: only with room for one (about
            // 10 MB) and a file the JVM can create there
            Files.createDirectories(folder);
            if (Files.getFileStore(folder).getUsableSpace() < MIN_FREE) return Optional.empty();
            temporary = AtomicFile.tempBeside(archive);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataArchive(archive, temporary));
    }

    /**
     * The JVM options that use the archive, or make it (then the command's own exit status is written beside it,
     * {@link Sspr#recordStatus}).
     */
    List<String> flags() {
        return temporary == null ? List.of("-XX:SharedArchiveFile=" + archive, QUIET)
                : List.of("-XX:ArchiveClassesAtExit=" + temporary, "-D" + Sspr.STATUS_FILE + "=" + statusFile(), QUIET);
    }

    private Path statusFile() {
        return temporary.resolveSibling(temporary.getFileName() + ".status");
    }

    /** Where the archive is (or will be once made). */
    Path archive() {
        return archive;
    }

    /**
     * After the JVM exited with {@code jvmStatus} (null: it did not start), the command's exit status: the one the
     * command recorded when there is one (the JVM's own is 1 when it could not write the archive), else the JVM's. A
     * dumped archive takes the archive's name when both are 0, else it is removed. A concurrent build may have put one
     * there first; either is valid.
     */
    Integer finish(Integer jvmStatus) {
        if (temporary == null) return jvmStatus;
        Integer status = jvmStatus;
        try {
            if (Files.isRegularFile(statusFile())) status = Integer.valueOf(Files.readString(statusFile()).trim());
        } catch (IOException | RuntimeException e) {
            // none recorded: the JVM's status stands
        }
        try {
            if (jvmStatus != null && jvmStatus == 0 && status == 0 && Files.isRegularFile(temporary) && Files.size(temporary) > 0) {
                AtomicFile.replace(temporary, archive);
            }
        } catch (IOException | SecurityException e) {
            // no archive this time: the next build tries again
        } finally {
            try {
                Files.deleteIfExists(statusFile());
                Files.deleteIfExists(temporary);
            } catch (IOException | SecurityException e) {
                // a leftover temporary file in our cache folder; harmless
            }
        }
        return status;
    }

    private static Path cacheFolder(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) return Path.of(xdg);
        String home = env.get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".cache");
    }

    /** The jar's and the JVM executable's real path, size and modification time, as 8 hex digits. */
    static String key(Path java, Path jar) throws IOException {
        CRC32 crc = new CRC32();
        for (Path p : List.of(jar, java)) {
            Path real = p.toRealPath();
            String id = real + "\0" + Files.size(real) + "\0" + Files.getLastModifiedTime(real).toMillis() + "\0";
            crc.update(id.getBytes(StandardCharsets.UTF_8));
        }
        return String.format("%08x", crc.getValue());
    }
}
