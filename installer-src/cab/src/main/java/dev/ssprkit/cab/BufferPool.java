package dev.ssprkit.cab;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Arrays of one size handed out and given back, so a pipeline that streams a payload through fixed-size buffers
 * allocates a bounded number of them instead of one per block: the rest is garbage that made a 184 MB build collect
 * its young generation about fifty times, each pause stopping the compressing threads too. Holds at most
 * {@code capacity} idle arrays; arrays of another size are never pooled. Thread-safe.
 */
final class BufferPool {
    private final int size;
    private final ArrayBlockingQueue<byte[]> idle;

    BufferPool(int size, int capacity) {
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    /** An array of the pool's size: an idle one, else a new one. Its content is whatever it last held. */
    byte[] take() {
        byte[] b = idle.poll();
        return b != null ? b : new byte[size];
    }

    /** Gives {@code b} back for reuse (dropped when the pool is full or it has another size). */
    void give(byte[] b) {
        if (b != null && b.length == size) idle.offer(b);
    }
}
