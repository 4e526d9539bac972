package dev.ssprkit.endpoint.preflight;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether a host:port can be reached; pluggable so that tests never touch the network. */
public interface Probe {
    /** @return null when reachable, else why not */
    String unreachableReason(String host, int port, Duration timeout);

    /** A plain TCP connect with a timeout. */
    static Probe tcp() {
        return (host, port, timeout) -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                return null;
            } catch (IOException e) {
                return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        };
    }
}
