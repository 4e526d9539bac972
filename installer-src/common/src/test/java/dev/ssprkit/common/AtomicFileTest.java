package dev.ssprkit.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class AtomicFileTest {
    @TempDir Path dir;

    @Test
    void theFinishedFileIsReadableByOthersAsTheUmaskAllows() throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));   // what the umask gives a plain new file
        Path out = dir.resolve("sub/out.msi");
        AtomicFile.write(out, tmp -> Files.writeString(tmp, "content"));
        assertEquals("content", Files.readString(out));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        assertEquals(expected, Files.getPosixFilePermissions(out));
        assertEquals(List.of(out), Files.list(out.getParent()).toList(), "no temporary file left");
    }

    @Test
    void aFailedWriteLeavesTheOldTargetAndNoTemporaryFile() throws Exception {
        Path out = dir.resolve("out.msi");
        Files.writeString(out, "old");
        assertThrows(IOException.class, () -> AtomicFile.write(out, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(out));
        assertEquals(List.of(out), Files.list(dir).toList());
    }
}
