package dev.ssprkit.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A folder of output that appears whole or not at all, the folder counterpart of {@link AtomicFile}: everything is
 * written into a hidden staging folder beside the target, and only a complete result is moved into place.
 *
 * <ul>
 *   <li>Target absent (or an empty folder): the staging folder is renamed to the target.</li>
 *   <li>Target a folder with files in it: the staged files are moved in one by one; a file they replace is first
 *       moved aside into a hidden backup folder beside the target. If any move fails, the files moved in are removed,
 *       the backups are put back and the folders created are removed, so the target is as it was.</li>
 * </ul>
 * A failure while writing (an exception from the writer, a bad input found halfway) removes the staging folder and
 * leaves the target untouched. A process killed outright leaves at most the hidden staging folder beside the target.
 */
public final class AtomicDirectory {
    /** Writes the content of a folder. */
    @FunctionalInterface
    public interface Writer {
        void write(Path staging) throws IOException;
    }

    /** The target holds something the result must not be written through (a symbolic link, a file for a folder). */
    public static final class UnsafeTargetException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnsafeTargetException(String message) {
            super(message);
        }
    }

    private AtomicDirectory() {}

    /** Fills {@code target} through {@code writer}; returns the target's absolute path. */
    public static Path populate(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(abs.toString(), null, "exists and is not a folder");
        }
        Files.createDirectories(abs.getParent());
        Path staging = tempDirBeside(abs, "tmp");
        boolean done = false;
        try {
            writer.write(staging);
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS) || isEmpty(abs)) {
                moveWhole(staging, abs);
            } else {
                merge(staging, abs);
            }
            done = true;
        } finally {
            if (!done || Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) deleteTree(staging);
        }
        return abs;
    }

    private static void moveWhole(Path staging, Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.delete(target); // empty; the rename below needs the name free
            } catch (DirectoryNotEmptyException e) { // something was written meanwhile: merge after all
                merge(staging, target);
                return;
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
    }

    /** Moves the staged files into a non-empty target; undoes every step on failure. */
    private static void merge(Path staging, Path target) throws IOException {
        Path backup = null;
        Deque<Runnable> undo = new ArrayDeque<>();
        Path realTarget = target.toRealPath();
        List<Path> staged;
        try (Stream<Path> s = Files.walk(staging)) {
            staged = new ArrayList<>(s.sorted().toList());
        }
        try {
            for (Path from : staged) {
                Path rel = staging.relativize(from);
                if (rel.toString().isEmpty()) continue;
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                    if (Files.isSymbolicLink(to)) throw new UnsafeTargetException("refusing to write through the symbolic link " + to);
                    if (!Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectory(to);
                        undo.push(() -> quietDelete(to));
                    } else if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                        throw new UnsafeTargetException(to + " is a file where the extraction has a folder");
                    }
                    if (!to.toRealPath().startsWith(realTarget)) throw new UnsafeTargetException("refusing to write outside " + target + " through " + to);
                    continue;
                }
                if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UnsafeTargetException(to + " is a folder where the extraction has a file");
                }
                if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                    if (backup == null) backup = tempDirBeside(target, "old");
                    Path saved = backup.resolve(rel.toString());
                    Files.createDirectories(saved.getParent());
                    Files.move(to, saved);
                    undo.push(() -> quietMove(saved, to));
                }
                Files.move(from, to);
                undo.push(() -> quietDelete(to));
            }
        } catch (IOException | RuntimeException e) {
            while (!undo.isEmpty()) undo.pop().run();
            if (backup != null) deleteTree(backup);
            throw e;
        }
        if (backup != null) deleteTree(backup);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** A new, empty, uniquely named hidden folder beside {@code target}. */
    public static Path tempDirBeside(Path target, String suffix) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "." + suffix);
            try {
                return Files.createDirectory(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** Removes a folder we created, without following symbolic links out of it. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static void quietDelete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort while undoing; the original error is what the user sees
        }
    }

    private static void quietMove(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // best effort while undoing
        }
    }
}
