package dev.ssprkit.cab;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A digest of each entry's content, computed from the bytes the writer reads anyway, so that a caller needing file
 * hashes (Windows Installer's MsiFileHash is an MD5) does not read every file a second time. Entries the caller does
 * not want (it has their hashes already) are not digested.
 */
final class EntryDigests {
    private final MessageDigest digest;
    private final Predicate<String> wanted;
    private final BiConsumer<String, byte[]> sink;
    private boolean active;

    EntryDigests(String algorithm, Predicate<String> wanted, BiConsumer<String, byte[]> sink) {
        try {
            this.digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("no " + algorithm + " digest in this JVM", e);
        }
        this.wanted = wanted;
        this.sink = sink;
    }

    /** The entry {@code name} is about to be read. */
    void start(String name) {
        digest.reset();
        active = wanted.test(name);
    }

    void update(byte[] b, int off, int len) {
        if (active) digest.update(b, off, len);
    }

    /** The entry was read to its end: hand its digest to the sink (when it was wanted). */
    void finish(String name) {
        if (active) sink.accept(name, digest.digest());
        active = false;
    }
}
