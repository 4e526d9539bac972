package dev.ssprkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An Xvfb server on a display number it picks itself ({@code -displayfd}): two test processes starting at once cannot
 * end up on one display (choosing a free number ourselves raced: the loser's Xvfb exited and its windows were drawn on,
 * then lost with, the winner's display).
 */
record XvfbServer(Process process, String display) {

    static XvfbServer start() {
        try {
            Path number = Files.createTempFile("ssprkit-xvfb-", ".display");
            try {
                ProcessBuilder pb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp");
                pb.redirectOutput(number.toFile());
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                Process p = pb.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                String n;
                while ((n = Files.readString(number).strip()).isEmpty()) {
                    if (!p.isAlive() || System.nanoTime() > deadline) {
                        p.destroyForcibly();
                        throw new AssertionError("Xvfb did not start within 30 s");
                    }
                    Thread.sleep(50);
                }
                return new XvfbServer(p, ":" + n);
            } finally {
                Files.deleteIfExists(number);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting Xvfb", e);
        }
    }

    /** Stops the server: asks, then kills it if it has not gone within 10 s. */
    void stop() {
        process.destroy();
        Processes.awaitOrKill(process, 10);
    }
}
