package dev.ssprkit.cab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The MD5s of payload files from an earlier build, kept beside the {@link CabinetCache}, so a rebuild with unchanged
 * payload need not read the payload at all (the cabinet key and MsiFileHash both need every file's MD5).
 *
 * <p><b>Trust rule</b> (the one {@code make} and WiX's {@code -reusecab} rely on): a file whose path, file key, size and
 * last-modified time (to the file system's precision) are all what they were when it was hashed is taken to hold the
 * same bytes. A change of any of them re-hashes the file. A file modified in the last {@value #RACY_SECONDS} seconds
 * before it was hashed is not recorded (it could change again within the same time stamp, as git's "racily clean"
 * rule says), so it is re-hashed next time. What this cannot see: a tool that rewrites a file keeping its size and
 * resets its time stamp; delete the cache folder (or build without {@code --cab-cache}) after such a change.
 *
 * <p>One index per list of files (named by two CRCs of the file keys and paths, in order, and their count), so unrelated packages
 * sharing the folder do not overwrite each other's. An index is only a hint: a damaged or foreign one is ignored (every
 * file is hashed again), and it is written to a temporary file and moved into place, so two builds sharing the cache
 * never read half an index.
 */
public final class FileHashCache {
    static final int RACY_SECONDS = 2;
    /** More than any index of 65,535 files needs (a line is a key, two numbers, an MD5 and a path). */
    private static final long MAX_INDEX_BYTES = 64L << 20;
    private static final String HEADER = "ssprkit file hashes 1";

    private record Recorded(long size, long modifiedNanos, byte[] md5) {}

    private final Path index;
    private final Map<String, Recorded> recorded = new ConcurrentHashMap<>();
    private final Map<String, Recorded> current = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private FileHashCache(Path index) {
        this.index = index;
    }

    /**
     * The index for these files (file key and path, in cabinet order) in {@code folder}; empty when it does not exist
     * yet or cannot be read.
     */
    public static FileHashCache open(Path folder, List<Map.Entry<String, Path>> files) {
        // the name only separates lists of files: two lists that met on one name would overwrite each other's index
        // and hash their files again, never take a wrong hash (entries are looked up by key and path), so two CRCs
        // (which the JVM computes with the processor's CRC instructions even before its compiler has run) and the count
        // do; SHA-256 of the same bytes took about 13 ms of a 2,000-file rebuild
        java.util.zip.CRC32C c1 = new java.util.zip.CRC32C();
        java.util.zip.CRC32 c2 = new java.util.zip.CRC32();
        for (Map.Entry<String, Path> f : files) {
            byte[] id = (f.getKey() + "\0" + f.getValue().toAbsolutePath() + "\0").getBytes(StandardCharsets.UTF_8);
            c1.update(id);
            c2.update(id);
        }
        String name = String.format("hashes-%08x%08x%08x.tsv", c1.getValue(), c2.getValue(), files.size());
        FileHashCache cache = new FileHashCache(folder.toAbsolutePath().normalize().resolve(name));
        cache.load();
        return cache;
    }

    Path index() {
        return index;
    }

    private void load() {
        try {
            if (!Files.isRegularFile(index) || Files.size(index) > MAX_INDEX_BYTES) return;
            try (BufferedReader in = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
                if (!HEADER.equals(in.readLine())) return;
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.split("\t", 5);
                    if (f.length != 5 || f[3].length() != 32) continue;
                    try {
                        recorded.put(id(f[0], f[4]), new Recorded(Long.parseLong(f[1]), Long.parseLong(f[2]),
                                HexFormat.of().parseHex(f[3])));
                    } catch (IllegalArgumentException e) {
                        // a damaged line: that file is hashed again
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            recorded.clear(); // unreadable or not text: every file is hashed again
        }
    }

    /**
     * The recorded MD5 of the file with this key at this path, when its size and time stamp are unchanged; else null.
     */
    public byte[] lookup(String fileKey, Path path, long size, FileTime modified) {
        Recorded r = recorded.get(id(fileKey, path.toAbsolutePath().toString()));
        if (r == null || r.size != size || r.modifiedNanos != nanos(modified)) return null;
        current.put(id(fileKey, path.toAbsolutePath().toString()), r);
        return r.md5.clone();
    }

    /**
     * Records the MD5 of a file just hashed, with the size and time stamp it had before it was read ({@code hashedAt}:
     * when reading began); a file modified within {@value #RACY_SECONDS} seconds of that is left out.
     */
    public void record(String fileKey, Path path, long size, FileTime modified, Instant hashedAt, byte[] md5) {
        String abs = path.toAbsolutePath().toString();
        if (fileKey.indexOf('\t') >= 0 || fileKey.indexOf('\n') >= 0 || abs.indexOf('\t') >= 0 || abs.indexOf('\n') >= 0
                || abs.indexOf('\r') >= 0) {
            return; // not representable in the index: hashed each time
        }
        if (modified.toInstant().plusSeconds(RACY_SECONDS).isAfter(hashedAt)) return;
        current.put(id(fileKey, abs), new Recorded(size, nanos(modified), md5.clone()));
        changed = true;
    }

    /**
     * Writes the index of this build's files (those looked up and those recorded) when anything changed; the folder is
     * created when missing.
     */
    public void save() throws IOException {
        if (!changed && current.size() == recorded.size()) return;
        Files.createDirectories(index.getParent());
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        HexFormat hex = HexFormat.of();
        for (Map.Entry<String, Recorded> e : current.entrySet()) {
            String[] keyAndPath = e.getKey().split("\0", 2);
            Recorded r = e.getValue();
            out.append(keyAndPath[0]).append('\t').append(r.size).append('\t').append(r.modifiedNanos).append('\t')
                    .append(hex.formatHex(r.md5)).append('\t').append(keyAndPath[1]).append('\n');
        }
        Path tmp = index.resolveSibling("." + index.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (NoSuchFileException ignored) {
                // moved
            }
        }
    }

    private static String id(String fileKey, String absolutePath) {
        return fileKey + "\0" + absolutePath;
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }
}
