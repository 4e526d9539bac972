package dev.ssprkit.cab;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.BiConsumer;

/**
 * A digest of each entry's content, computed from the bytes the writer reads anyway, so that a caller needing file
 * hashes (Windows Installer's MsiFileHash is an MD5) does not read every file a second time.
 */
final class EntryDigests {
    private final MessageDigest digest;
    private final BiConsumer<String, byte[]> sink;

    EntryDigests(String algorithm, BiConsumer<String, byte[]> sink) {
        try {
            this.digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("no " + algorithm + " digest in this JVM", e);
        }
        this.sink = sink;
    }

    void start() {
        digest.reset();
    }

    void update(byte[] b, int off, int len) {
        digest.update(b, off, len);
    }

    /** The entry was read to its end: hand its digest to the sink. */
    void finish(String name) {
        sink.accept(name, digest.digest());
    }
}
