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

    @Test
    void aFolderAppearsWholeOrNotAtAllAndNeverReplacesAnythingOfTheUsers() throws Exception {
        Path out = dir.resolve("kit");
        AtomicFile.writeFolder(out, work -> {
            Files.writeString(work.resolve("a.txt"), "a");
            Files.createDirectories(work.resolve("sub"));
            Files.writeString(work.resolve("sub/b.txt"), "b");
        });
        assertEquals("b", Files.readString(out.resolve("sub/b.txt")));
        assertEquals(List.of(out), Files.list(dir).toList(), "no work folder left");

        assertThrows(java.nio.file.DirectoryNotEmptyException.class, () -> AtomicFile.writeFolder(out, work -> fail("must not run")));
        assertEquals("a", Files.readString(out.resolve("a.txt")));

        Path failed = dir.resolve("failed");
        assertThrows(IOException.class, () -> AtomicFile.writeFolder(failed, work -> {
            Files.writeString(work.resolve("half.txt"), "half");
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(failed));
        assertEquals(List.of(out), Files.list(dir).toList(), "the half-written work folder was removed");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        AtomicFile.writeFolder(empty, work -> Files.writeString(work.resolve("c.txt"), "c"));
        assertEquals("c", Files.readString(empty.resolve("c.txt")));
    }
}
