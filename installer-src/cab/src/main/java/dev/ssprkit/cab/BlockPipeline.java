package dev.ssprkit.cab;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encodes blocks on {@code threads} workers and writes the records in block order. The calling thread reads blocks
 * and writes results; at most {@code 2 * threads + 2} blocks are in flight, so memory stays near that many times
 * 64 KiB however large the payload. With one thread everything runs on the caller. Since
 * {@link CfDataEncoder#encode} is pure, the output does not depend on the thread count.
 */
final class BlockPipeline {
    private final CfDataEncoder encoder;
    private final int threads;

    BlockPipeline(CfDataEncoder encoder, int threads) {
        this.encoder = encoder;
        this.threads = threads;
    }

    /** Streams every block of {@code source} to {@code out}; returns the number of CFDATA records written. */
    int run(FolderBlockSource source, OutputStream out) throws IOException {
        if (threads == 1) {
            int count = 0;
            byte[] previous = null;
            for (byte[] block = source.next(); block != null; block = source.next()) {
                out.write(encoder.encode(previous, block));
                previous = block;
                count++;
            }
            return count;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
        int window = 2 * threads + 2;
        int count = 0;
        try {
            byte[] previous = null;
            for (byte[] block = source.next(); block != null; block = source.next()) {
                if (inFlight.size() == window) {
                    out.write(await(inFlight.removeFirst()));
                    count++;
                }
                byte[] prev = previous;
                byte[] cur = block;
                inFlight.addLast(pool.submit(() -> encoder.encode(prev, cur)));
                previous = block;
            }
            while (!inFlight.isEmpty()) {
                out.write(await(inFlight.removeFirst()));
                count++;
            }
            return count;
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private static byte[] await(Future<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing cabinet blocks");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException("compressing a cabinet block failed", cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "cab-deflate-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
