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

    /** Writes {@code bytes} as the whole content of {@code target}, atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, tmp -> Files.write(tmp, bytes));
    }

    /** Writes {@code text} in {@code charset} as the whole content of {@code target}, atomically. */
    public static void writeString(Path target, String text, java.nio.charset.Charset charset) throws IOException {
        write(target, text.getBytes(charset));
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
