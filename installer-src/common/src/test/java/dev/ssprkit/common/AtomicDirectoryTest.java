package dev.ssprkit.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A folder filled whole or not at all: new, empty or holding the user's files, with a failure at each stage. */
class AtomicDirectoryTest {
    @TempDir
    Path dir;

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isRegularFile(p)) out.put(rel, Files.readString(p));
                else if (!rel.isEmpty()) out.put(rel + "/", "");
            }
        }
        return out;
    }

    private static void write(Path staging) throws IOException {
        Files.createDirectories(staging.resolve("sub"));
        Files.writeString(staging.resolve("a.txt"), "new a");
        Files.writeString(staging.resolve("sub/b.txt"), "new b");
    }

    @Test
    void aNewFolderAppearsWhole() throws IOException {
        Path out = dir.resolve("out");
        AtomicDirectory.populate(out, AtomicDirectoryTest::write);
        assertEquals(Map.of("a.txt", "new a", "sub/", "", "sub/b.txt", "new b"), contents(out));
        assertEquals(Map.of("out/", "", "out/a.txt", "new a", "out/sub/", "", "out/sub/b.txt", "new b"), contents(dir), "no staging folder left");
    }

    @Test
    void aWriterFailingHalfwayLeavesNothing() throws IOException {
        Path out = dir.resolve("out");
        assertThrows(IOException.class, () -> AtomicDirectory.populate(out, staging -> {
            Files.writeString(staging.resolve("a.txt"), "new a");
            throw new IOException("fault after one file");
        }));
        assertFalse(Files.exists(out));
        assertEquals(Map.of(), contents(dir));
    }

    @Test
    void filesAreMergedIntoAFolderThatHasSomeAndTheOthersStay() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("a.txt"), "old a");
        Files.writeString(out.resolve("mine.txt"), "mine");
        AtomicDirectory.populate(out, AtomicDirectoryTest::write);
        assertEquals(Map.of("a.txt", "new a", "mine.txt", "mine", "sub/", "", "sub/b.txt", "new b"), contents(out));
    }

    /** A failure while moving in (a folder stands where a file goes): what was moved is taken back, backups restored. */
    @Test
    void aFailureWhileMergingUndoesTheMerge() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("a.txt"), "old a");
        Files.createDirectories(out.resolve("sub/b.txt")); // a folder where the extraction has a file
        Map<String, String> before = contents(out);
        assertThrows(AtomicDirectory.UnsafeTargetException.class, () -> AtomicDirectory.populate(out, AtomicDirectoryTest::write));
        assertEquals(before, contents(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no staging or backup folder left");
        }
    }

    @Test
    void aSymbolicLinkInTheTargetIsNotFollowed() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("mine.txt"), "mine");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("sub"), elsewhere);
        assertThrows(AtomicDirectory.UnsafeTargetException.class, () -> AtomicDirectory.populate(out, AtomicDirectoryTest::write));
        assertEquals(Map.of(), contents(elsewhere));
        assertEquals("mine", Files.readString(out.resolve("mine.txt")));
        assertFalse(Files.exists(out.resolve("a.txt")));
    }
}
