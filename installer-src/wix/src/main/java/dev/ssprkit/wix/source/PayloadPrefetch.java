package dev.ssprkit.wix.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
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
 *
 * <p>When nothing is waiting to be read, the same thread hashes ahead ({@link #md5}): the MD5 that MsiFileHash needs,
 * of each small file's bytes it holds and of each file too large to hold (streamed). Until the cabinet starts, the
 * second core has little else to do, and a hash taken here is one the cabinet writer does not compute while it
 * compresses on every core. A hash is handed over only while it is still the file's: of the very bytes the binder
 * takes from here, or of a file whose size and modification time are those it had when it was hashed (the binder's
 * cabinet reads it after that). A file the binder reaches before this thread does is hashed by the cabinet writer as
 * before, and this thread skips it. Once the cabinet starts ({@link #stopHashingAhead}), hashing ahead stops: the
 * cabinet writer hashes each file in the pass that reads it for compressing, where a hash taken here would have cost a
 * second read of the file on a core that is no longer idle.
 */
public final class PayloadPrefetch implements AutoCloseable {
    /** Files up to this size are read whole. */
    public static final int MAX_FILE_BYTES = 64 * 1024;
    /**
     * At most this many bytes are held in all. What the read-ahead saves is per file (a {@code stat}, an open, a read
     * and a close on the binder's thread), not per byte, and its bytes stay resident until the first cabinet has
     * taken them, beside everything else the build holds by then: with 32 MB here, a 100,000-file build of 3 GB
     * peaked 24 MB higher, at the first cabinet (fifteenth session).
     */
    public static final long MAX_TOTAL_BYTES = 8L << 20;
    /** At most this many files are read ahead (each costs its bytes and about 150 bytes of bookkeeping). */
    public static final int MAX_FILES = 16_384;

    /** Does nothing: every lookup is empty (tests, tools, builds that read nothing early). */
    public static final PayloadPrefetch NONE = new PayloadPrefetch(false);

    /**
     * What was read: a regular file's whole content (following links, as opening it does), from the buffer's position
     * to its limit; its size is what remains. Read-only, and outside the Java heap: held from compiling until the
     * cabinet takes it, heap arrays were copied by every collection in between (about 75 ms of pauses for the 25 MB
     * a 184 MB payload of mixed sizes left here).
     */
    public record Facts(ByteBuffer bytes) {
        public int size() {
            return bytes.remaining();
        }
    }

    private final boolean enabled;
    private final ConcurrentHashMap<Path, FutureTask<Facts>> started = new ConcurrentHashMap<>();
    /** Hashes taken ahead, by file: a task not started yet is cancelled by whoever needs the hash first. */
    private final ConcurrentHashMap<Path, FutureTask<Hash>> hashes = new ConcurrentHashMap<>();
    private final AtomicLong budget = new AtomicLong(Math.min(MAX_TOTAL_BYTES, Runtime.getRuntime().maxMemory() / 8));
    /** Reads first, hashes when no read waits: the binder may be waiting for a read, never for a hash. */
    private final LinkedBlockingQueue<Runnable> reads = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<FutureTask<Hash>> toHash = new LinkedBlockingQueue<>();
    /** Set when the cabinet starts ({@link #stopHashingAhead}): from then on nothing more is queued for hashing. */
    private volatile boolean hashingStopped;
    private final Semaphore work = new Semaphore(0);
    private final Thread worker;
    /** The slab the worker cuts read-ahead content from ({@link #space}). */
    private ByteBuffer slab;
    private static final int SLAB = 1 << 20;
    /** The worker's read buffer for hashing files from disk (only the worker uses it). */
    private final byte[] hashBuffer;

    private PayloadPrefetch(boolean enabled) {
        this.enabled = enabled;
        this.hashBuffer = enabled ? new byte[1 << 16] : null;
        if (enabled) {
            worker = new Thread(this::work, "payload-prefetch");
            worker.setDaemon(true);
            worker.start();
        } else {
            worker = null;
        }
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
        started.computeIfAbsent(file, f -> {
            FutureTask<Facts> task = new FutureTask<>(() -> read(f));
            reads.add(task);
            work.release();
            return task;
        });
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
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return Optional.empty(); // read again by the caller, which reports what went wrong
        }
    }

    /**
     * The MD5 of {@code file} taken ahead, if it is still the file's: waits only for a hash this thread is computing
     * right now (which the caller would otherwise compute a second time); a file not hashed yet is taken off this
     * thread's list and left to the caller. Asked once per file: the answer is handed over, not kept.
     */
    public Optional<byte[]> md5(Path file) {
        FutureTask<Hash> h = file == null ? null : hashes.remove(file);
        if (h == null || h.cancel(false)) return Optional.empty(); // cancelled: not started, the caller hashes it
        try {
            Hash hash = h.get();
            return hash != null && hash.stillDescribes(file) ? Optional.of(hash.md5()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return Optional.empty();
        }
    }

    /** Whether the hash of {@code file} taken ahead is ready (for tests, which wait for it instead of sleeping). */
    boolean hashedAhead(Path file) {
        FutureTask<Hash> h = hashes.get(file);
        return h != null && h.isDone();
    }

    /** Lets {@code file}'s bytes go (the binder calls this once they are in the cabinet). */
    public void forget(Path file) {
        if (file == null) return;
        started.remove(file);
        FutureTask<Hash> h = hashes.remove(file);
        if (h != null) h.cancel(false);
    }

    /**
     * An MD5 taken ahead: of the bytes held ({@code modified} null: they are what the cabinet takes), or of the file
     * as it was while hashed (its size and time stamp, unchanged from before the read to after it).
     */
    private record Hash(byte[] md5, long size, FileTime modified) {
        /** Whether the hash is still the file's: its size and time stamp are those it had when hashed. */
        boolean stillDescribes(Path file) {
            if (modified == null) return true;
            try {
                BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
                return now.size() == size && now.lastModifiedTime().equals(modified);
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
    }

    /**
     * The cabinet writer is about to read the payload, hashing what it reads: hashes not started yet are dropped and
     * no more are queued (their files are hashed by the writer, in the same read), a hash in progress is finished and
     * handed over as before. Measured on the 184 MB bench: hashing on alongside the cabinet cost 145 ms of CPU, most of
     * it the second read of each file (thirteenth session).
     */
    public void stopHashingAhead() {
        hashingStopped = true;
        for (FutureTask<Hash> t; (t = toHash.poll()) != null; ) t.cancel(false);
    }

    private void hashLater(Path file, ByteBuffer bytes) {
        if (hashingStopped) return;
        FutureTask<Hash> h = new FutureTask<>(() -> hash(file, bytes));
        if (hashes.putIfAbsent(file, h) != null) return;
        toHash.add(h);
        work.release();
    }

    /** Reads before hashes; a task cancelled meanwhile does nothing when run, and a failing one fails only its own. */
    private void work() {
        try {
            while (true) {
                work.acquire();
                Runnable task = reads.poll();
                if (task == null) task = toHash.poll();
                if (task != null) task.run();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** The MD5 of the bytes held, or of the file as it is now; null when it is unreadable or changed while read. */
    private Hash hash(Path file, ByteBuffer bytes) {
        MessageDigest md5 = md5();
        if (bytes != null) {
            md5.update(bytes.duplicate());
            return new Hash(md5.digest(), bytes.remaining(), null);
        }
        try {
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(hashBuffer)) > 0; ) md5.update(hashBuffer, 0, n);
            }
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            if (after.size() != before.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())) return null;
            return new Hash(md5.digest(), before.size(), before.lastModifiedTime());
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Facts read(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return null;
        }
        long size = attributes.size();
        if (!attributes.isRegularFile()) return null;
        if (size > MAX_FILE_BYTES) {
            hashLater(file, null);
            return null;
        }
        if (budget.addAndGet(-size) < 0) return null;
        ByteBuffer bytes = space((int) size);
        try (FileChannel ch = FileChannel.open(file)) {
            while (bytes.hasRemaining() && ch.read(bytes) >= 0) {
                // until full or at the end
            }
            // changed while read: the binder reads it itself (and notices if it keeps changing)
            if (bytes.hasRemaining() || ch.read(ByteBuffer.allocate(1)) >= 0) return null;
        } catch (IOException | SecurityException e) {
            return null;
        }
        ByteBuffer content = bytes.flip().asReadOnlyBuffer();
        hashLater(file, content);
        return new Facts(content);
    }

    /**
     * {@code size} bytes of direct memory for one file, cut from a slab of {@link #SLAB} bytes (one allocation, and one
     * cleaner, for many small files); only the worker thread calls this.
     */
    private ByteBuffer space(int size) {
        if (slab == null || slab.remaining() < size) slab = ByteBuffer.allocateDirect(Math.max(SLAB, size));
        ByteBuffer b = slab.slice(slab.position(), size);
        slab.position(slab.position() + size);
        return b;
    }

    @Override
    public void close() {
        if (worker != null) worker.interrupt();
        started.values().forEach(t -> t.cancel(false));
        started.clear();
        hashes.clear();
        toHash.clear();
    }
}
