package dev.ssprkit.testkit;

import java.util.concurrent.TimeUnit;

/** How the testkit lets a process it started go. */
final class Processes {
    private Processes() {}

    /**
     * Waits up to {@code seconds} for {@code p} to exit (after it was asked to: destroyed, its input closed, told to
     * quit), then kills it and waits as long again; an interrupt kills it at once and stays set.
     */
    static void awaitOrKill(Process p, int seconds) {
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
