package dev.ssprkit.endpoint.msiexec;

import java.time.Duration;

/** Waits between retries; tests inject one that only records. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    static Sleeper real() {
        return d -> Thread.sleep(d.toMillis());
    }
}
