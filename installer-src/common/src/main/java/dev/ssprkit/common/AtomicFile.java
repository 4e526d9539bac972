package dev.ssprkit.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Output that appears whole or not at all: write to a temporary file beside the target, then move it into place.
 * The temporary file is created with the process's default permissions (the umask), unlike
 * {@code Files.createTempFile}'s 0600, which would otherwise stay on the finished MSI, cabinet or answer file.
 * A folder of outputs (a kit, an extraction) is filled the same way: in a hidden work folder beside it, then moved
 * into place ({@link #writeFolder}). Every user-visible file the toolkit writes goes through this class.
 */
public final class AtomicFile {
    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Writer {
        void write(Path tmp) throws IOException;
    }

    private AtomicFile() {}

    /** Writes {@code target} through {@code writer}; on any failure the temporary file is removed and the target untouched. */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = tempBeside(abs);
        boolean done = false;
        try {
            writer.write(tmp);
            replace(tmp, abs);
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    /**
     * Opens the temporary file a {@link Writer} was given, for writing from its start. It was created empty, so it is
     * not truncated: on ext4 a truncated file is flushed to disk when closed (its "replace by truncate" heuristic),
     * which cost a 119 MB package about 25 ms on top of the flush its replacing rename starts anyway. The stream hands
     * out its channel ({@link ChannelOutputStream#channel}), so a whole file can be copied into it by the kernel.
     */
    public static ChannelOutputStream open(Path tmp) throws IOException {
        return new ChannelOutputStream(java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE), tmp);
    }

    /** Writes {@code bytes} as the whole content of {@code target}, atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, tmp -> Files.write(tmp, bytes));
    }

    /** Writes {@code text} in {@code charset} as the whole content of {@code target}, atomically. */
    public static void writeString(Path target, String text, java.nio.charset.Charset charset) throws IOException {
        write(target, text.getBytes(charset));
    }

    /**
     * Fills a new folder {@code target} through {@code writer} (given a hidden work folder beside it) and moves it into
     * place. {@code target} must not exist or be an empty folder: nothing of the user's is replaced. On any failure
     * the work folder is removed (without following links) and {@code target} is untouched.
     */
    public static void writeFolder(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        refuseNonEmpty(abs);
        Files.createDirectories(abs.getParent());
        Path work = tempFolderBeside(abs);
        boolean done = false;
        try {
            writer.write(work);
            refuseNonEmpty(abs);
            Files.deleteIfExists(abs);
            Files.move(work, abs, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            if (!done) deleteTree(work);
        }
    }

    private static void refuseNonEmpty(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(folder.toString(), null, "exists and is not a folder; choose a new folder");
        }
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            if (s.findAny().isPresent()) {
                throw new java.nio.file.DirectoryNotEmptyException(folder + " (choose a new or empty folder; nothing in it was changed)");
            }
        }
    }

    /** Not createTempDirectory: its 0700 would stay on the finished folder; this one gets the umask's permissions. */
    private static Path tempFolderBeside(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createDirectory(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** Removes a work folder bottom-up; links are removed, never followed (Files.walk does not follow them). */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** A new, empty, uniquely named hidden file in the target's folder. */
    public static Path tempBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** Moves {@code tmp} over {@code target}, atomically where the file system can. */
    public static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
