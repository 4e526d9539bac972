package dev.ssprkit.cab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A content-addressed store of compressed cabinets, so a rebuild with unchanged payload skips compression (what
 * WiX offers as {@code -cc}/{@code -reusecab}). The key is a digest of everything a cabinet is a deterministic
 * function of: the options ({@link CabOptions#outputKey}: method, LZX window, level, timestamp) and, in order, each entry's name, size and MD5. An entry
 * is {@code KEY.cab} plus {@code KEY.sha256} (the digest of the cabinet's bytes); it is used only when the cabinet
 * still has that digest, and a corrupt entry is deleted so the caller rebuilds it. Entries are written to a temporary
 * file and moved into place, so builds sharing the folder never see a partial entry.
 */
public final class CabinetCache {
    /** One file of a cabinet, as the key sees it. */
    public record Entry(String name, long size, byte[] md5) {}

    private final Path folder;

    public CabinetCache(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /** The key of a cabinet of these entries, written with these options. */
    public static String key(CabOptions options, List<Entry> entries) {
        MessageDigest md = sha256();
        // outputKey() holds everything besides the entries that decides the bytes (method, LZX window, level, date)
        md.update(("ssprkit cabinet cache 2\0" + options.outputKey()).getBytes(StandardCharsets.UTF_8));
        for (Entry e : entries) {
            md.update(e.name().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Long.toString(e.size()).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) 0);
            md.update(e.md5());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The cached cabinet for {@code key} when it exists and verifies; a corrupt entry is removed. */
    public Optional<Path> lookup(String key) throws IOException {
        Path cab = folder.resolve(key + ".cab"), sum = folder.resolve(key + ".sha256");
        if (!Files.isRegularFile(cab) || !Files.isRegularFile(sum)) return Optional.empty();
        String expected = Files.readString(sum, StandardCharsets.US_ASCII).strip();
        if (expected.equals(digestOf(cab))) return Optional.of(cab);
        Files.deleteIfExists(cab);
        Files.deleteIfExists(sum);
        return Optional.empty();
    }

    /** Stores a copy of {@code cabinet} under {@code key}; the folder is created when missing. */
    public void store(String key, Path cabinet) throws IOException {
        Files.createDirectories(folder);
        String digest = digestOf(cabinet);
        Path cabTmp = temp(key + ".cab"), sumTmp = temp(key + ".sha256");
        try {
            Files.copy(cabinet, cabTmp, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(sumTmp, digest + "\n", StandardCharsets.US_ASCII);
            move(cabTmp, folder.resolve(key + ".cab"));
            move(sumTmp, folder.resolve(key + ".sha256")); // the digest last: an entry without it is never used
        } finally {
            Files.deleteIfExists(cabTmp);
            Files.deleteIfExists(sumTmp);
        }
    }

    private Path temp(String name) {
        return folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String digestOf(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
