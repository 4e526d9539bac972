package dev.ssprkit.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr for long work ({@code build}, {@code extract}): a bar when the total is
 * known, else a spinner with the elapsed time. Shown only when stderr is a terminal ({@link CliContext#interactive}),
 * so tests, pipes and JSON output never see it; the line is erased when the work ends.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private static final Progress NONE = new Progress(null, null, 0, null);

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final LongSupplier done;
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    private Progress(PrintWriter err, String label, long total, LongSupplier done) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.done = done;
        if (err == null) {
            thread = null;
            return;
        }
        thread = new Thread(this::loop, "sspr-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** A spinner with the elapsed time. */
    static Progress start(CliContext ctx, PrintWriter err, String label) {
        return ctx.interactive() ? new Progress(err, label, 0, null) : NONE;
    }

    /** A bar of {@code done}/{@code total} (the supplier is polled from the progress thread). */
    static Progress start(CliContext ctx, PrintWriter err, String label, long total, LongSupplier done) {
        return ctx.interactive() && total > 0 ? new Progress(err, label, total, done) : NONE;
    }

    private void loop() {
        String spin = "|/-\\";
        int tick = 0;
        while (running) {
            long secs = (System.nanoTime() - start) / 1_000_000_000L;
            String line;
            if (done != null) {
                long d = Math.min(total, Math.max(0, done.getAsLong()));
                int filled = (int) (WIDTH * d / total);
                line = label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + d + "/" + total + " " + secs + "s";
            } else {
                line = label + " " + spin.charAt(tick++ % spin.length()) + " " + secs + "s";
            }
            synchronized (err) {
                err.print("\r" + line);
                err.flush();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        if (thread == null) return;
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 24) + "\r");
            err.flush();
        }
    }
}
