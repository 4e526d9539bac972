package dev.ssprkit.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-hash index's trust rule: a recorded MD5 is given back only for the same file key, path, size and time stamp;
 * any change of those (or a file hashed while it was still being written) means the file is read again. The MD5s
 * themselves are java.security's (RFC 1321), not ours.
 */
class FileHashCacheTest {
    @TempDir Path dir;
    private static final FileTime OLD = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    private static byte[] md5(byte[] b) throws Exception {
        return MessageDigest.getInstance("MD5").digest(b);
    }

    private Path file(String name, String content, FileTime time) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, time);
        return p;
    }

    private FileHashCache recordAndSave(Path cache, Path file, String key) throws Exception {
        FileHashCache c = FileHashCache.open(cache, List.of(Map.entry(key, file)));
        assertNull(c.lookup(key, file, Files.size(file), Files.getLastModifiedTime(file)), "nothing recorded yet");
        c.record(key, file, Files.size(file), Files.getLastModifiedTime(file), Instant.now(), md5(Files.readAllBytes(file)));
        c.save();
        return c;
    }

    @Test
    void anUnchangedFileIsTakenFromTheIndexOfTheNextBuild() throws Exception {
        Path cache = dir.resolve("cache"), f = file("a.txt", "alpha", OLD);
        recordAndSave(cache, f, "filA");
        FileHashCache next = FileHashCache.open(cache, List.of(Map.entry("filA", f)));
        assertArrayEquals(md5("alpha".getBytes(StandardCharsets.UTF_8)),
                next.lookup("filA", f, Files.size(f), Files.getLastModifiedTime(f)));
    }

    @Test
    void aChangedSizeOrTimeStampOrKeyIsNotTrusted() throws Exception {
        Path cache = dir.resolve("cache"), f = file("a.txt", "alpha", OLD);
        recordAndSave(cache, f, "filA");
        FileHashCache next = FileHashCache.open(cache, List.of(Map.entry("filA", f)));
        assertNull(next.lookup("filA", f, 6, OLD), "another size");
        assertNull(next.lookup("filA", f, 5, FileTime.from(Instant.parse("2026-01-01T00:00:01Z"))), "another time stamp");
        assertNull(next.lookup("filB", f, 5, OLD), "another file key");
        assertNull(next.lookup("filA", dir.resolve("b.txt"), 5, OLD), "another path");
    }

    @Test
    void aFileModifiedJustBeforeItWasHashedIsNotRecorded() throws Exception {
        Path cache = dir.resolve("cache"), f = file("a.txt", "alpha", FileTime.from(Instant.now()));
        FileHashCache c = FileHashCache.open(cache, List.of(Map.entry("filA", f)));
        c.record("filA", f, 5, Files.getLastModifiedTime(f), Instant.now(), md5("alpha".getBytes(StandardCharsets.UTF_8)));
        c.save();
        FileHashCache next = FileHashCache.open(cache, List.of(Map.entry("filA", f)));
        assertNull(next.lookup("filA", f, 5, Files.getLastModifiedTime(f)),
                "it could still change within the same time stamp: hashed again");
    }

    @Test
    void aDamagedIndexIsIgnoredNotAnError() throws Exception {
        Path cache = dir.resolve("cache"), f = file("a.txt", "alpha", OLD);
        FileHashCache c = recordAndSave(cache, f, "filA");
        Path index = c.index();
        assertTrue(Files.isRegularFile(index));
        Files.write(index, new byte[] {(byte) 0xff, 0, 1, 2, '\n', 'x'});
        FileHashCache next = FileHashCache.open(cache, List.of(Map.entry("filA", f)));
        assertNull(next.lookup("filA", f, Files.size(f), Files.getLastModifiedTime(f)));
        Files.writeString(index, "ssprkit file hashes 1\nfilA\t5\tnot-a-number\t00112233445566778899aabbccddeeff\t" + f.toAbsolutePath() + "\n");
        assertNull(FileHashCache.open(cache, List.of(Map.entry("filA", f))).lookup("filA", f, 5, OLD));
        try (var s = Files.list(cache)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }
}
