package dev.ssprkit.wix.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads payload files on a background thread while the sources are still being compiled: the compiler names each file
 * as soon as it has resolved and checked its path ({@link #start}), and the binder later takes what was read
 * ({@link #facts}) instead of asking the file system itself. A build of many small files spends most of its binding
 * time in per-file system calls (a {@code stat} for the File table's size, then open, read and close for the
 * cabinet); on a machine with a second core those now overlap compiling and linking.
 *
 * <p>What is kept: the bytes of small files ({@link #MAX_FILE_BYTES} or less), of at most {@link #MAX_FILES} files
 * and {@link #MAX_TOTAL_BYTES} (or an eighth of the heap's limit, if less) in all, so memory stays bounded whatever
 * the payload (a 100,000-file build keeps its peak: the files past the cap are read by the binder as before). It is
 * only a head start: a file that was not read here (large, past the cap, missing, unreadable, not a regular file,
 * changed while read) has no facts, and the binder reads it as before and reports any problem at the element that
 * named it. Files are read as the build would read them anyway, and only paths the compiler allowed (the source
 * roots) are ever given.
 */
public final class PayloadPrefetch implements AutoCloseable {
    /** Files up to this size are read whole. */
    public static final int MAX_FILE_BYTES = 64 * 1024;
    /** At most this many bytes are held in all. */
    public static final long MAX_TOTAL_BYTES = 32L << 20;
    /** At most this many files are read ahead (each costs its bytes and about 150 bytes of bookkeeping). */
    public static final int MAX_FILES = 16_384;

    /** Does nothing: every lookup is empty (tests, tools, builds that read nothing early). */
    public static final PayloadPrefetch NONE = new PayloadPrefetch(false);

    /** What was read: a regular file's whole content (following links, as opening it does); its size is its length. */
    public record Facts(byte[] bytes) {
    }

    private final boolean enabled;
    private final ConcurrentHashMap<Path, Future<Facts>> started = new ConcurrentHashMap<>();
    private final AtomicLong budget = new AtomicLong(Math.min(MAX_TOTAL_BYTES, Runtime.getRuntime().maxMemory() / 8));
    private final ExecutorService worker;

    private PayloadPrefetch(boolean enabled) {
        this.enabled = enabled;
        this.worker = enabled ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "payload-prefetch");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * A prefetch on one background thread; with {@code readBytes} false, none (builds whose cabinets may come from the
     * cache, where reading the bytes would be wasted).
     */
    public static PayloadPrefetch start(boolean readBytes) {
        return readBytes ? new PayloadPrefetch(true) : NONE;
    }

    /** Starts reading {@code file} unless it was started already. */
    public void start(Path file) {
        if (!enabled || file == null || started.size() >= MAX_FILES) return;
        started.computeIfAbsent(file, f -> worker.submit(() -> read(f)));
    }

    /** What was read of {@code file}, waiting for it if needed; empty when it was not started or could not be read. */
    public Optional<Facts> facts(Path file) {
        Future<Facts> f = file == null ? null : started.get(file);
        if (f == null) return Optional.empty();
        try {
            return Optional.ofNullable(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty(); // read again by the caller, which reports what went wrong
        }
    }

    /** Lets {@code file}'s bytes go (the binder calls this once they are in the cabinet). */
    public void forget(Path file) {
        if (file != null) started.remove(file);
    }

    private Facts read(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return null;
        }
        long size = attributes.size();
        if (!attributes.isRegularFile() || size > MAX_FILE_BYTES || budget.addAndGet(-size) < 0) return null;
        byte[] bytes = new byte[(int) size];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(bytes, 0, bytes.length);
            // changed while read: the binder reads it itself (and notices if it keeps changing)
            if (n != bytes.length || in.read() >= 0) return null;
        } catch (IOException | SecurityException e) {
            return null;
        }
        return new Facts(bytes);
    }

    @Override
    public void close() {
        if (worker != null) worker.shutdownNow();
        started.clear();
    }
}
