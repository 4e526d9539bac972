package dev.ssprkit.wix.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the binder gets from the payload read ahead: the expected bytes are those of the files this test writes;
 * anything the prefetch did not read (too large, past its caps, missing, not a file) is simply absent, so the binder
 * reads (and reports) it itself.
 */
class PayloadPrefetchTest {
    @TempDir
    Path dir;

    @Test
    void smallFilesComeWithTheirBytesLargeOnesAreLeftToTheBinder() throws Exception {
        Path small = Files.write(dir.resolve("small.txt"), "hello payload".getBytes());
        byte[] big = new byte[PayloadPrefetch.MAX_FILE_BYTES + 1];
        Arrays.fill(big, (byte) 7);
        Path large = Files.write(dir.resolve("large.bin"), big);
        try (PayloadPrefetch p = PayloadPrefetch.start(true)) {
            p.start(small);
            p.start(large);
            assertArrayEquals("hello payload".getBytes(), bytes(p.facts(small).orElseThrow()));
            assertEquals(Optional.empty(), p.facts(large), "above the per-file limit: the cabinet writer streams it from disk");
        }
    }

    @Test
    void withACabinetCacheNothingIsReadAhead() throws Exception {
        Path small = Files.write(dir.resolve("a.txt"), new byte[] {1, 2, 3});
        try (PayloadPrefetch p = PayloadPrefetch.start(false)) {
            p.start(small);
            assertEquals(Optional.empty(), p.facts(small), "a build with a cabinet cache reads no bytes ahead");
        }
    }

    @Test
    void missingFoldersAndUnstartedPathsHaveNoFacts() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("sub"));
        try (PayloadPrefetch p = PayloadPrefetch.start(true)) {
            p.start(dir.resolve("missing.dll"));
            p.start(folder);
            assertEquals(Optional.empty(), p.facts(dir.resolve("missing.dll")), "the binder reports the missing file itself");
            assertEquals(Optional.empty(), p.facts(folder), "not a regular file: the binder says so itself");
            assertEquals(Optional.empty(), p.facts(dir.resolve("never-started.txt")));
        }
        Path any = Files.write(dir.resolve("b.txt"), new byte[] {1});
        PayloadPrefetch.NONE.start(any);
        assertEquals(Optional.empty(), PayloadPrefetch.NONE.facts(any));
    }

    @Test
    void theBytesHeldStayWithinTheBudget() throws Exception {
        int size = PayloadPrefetch.MAX_FILE_BYTES;
        int files = (int) (PayloadPrefetch.MAX_TOTAL_BYTES / size) + 3;
        long held = 0;
        try (PayloadPrefetch p = PayloadPrefetch.start(true)) {
            byte[] content = new byte[size];
            for (int i = 0; i < files; i++) p.start(Files.write(dir.resolve("f" + i), content));
            for (int i = 0; i < files; i++) {
                var f = p.facts(dir.resolve("f" + i));
                if (f.isPresent()) held += f.get().size();
            }
        }
        long budget = Math.min(PayloadPrefetch.MAX_TOTAL_BYTES, Runtime.getRuntime().maxMemory() / 8);
        assertTrue(held <= budget, held + " bytes held, budget " + budget);
        assertTrue(held > budget - size, "the budget is used, not wasted: " + held);
    }

    @Test
    void noMoreThanMaxFilesAreReadAhead() throws Exception {
        int files = PayloadPrefetch.MAX_FILES + 10;
        int read = 0;
        try (PayloadPrefetch p = PayloadPrefetch.start(true)) {
            for (int i = 0; i < files; i++) p.start(Files.write(dir.resolve("t" + i), new byte[] {(byte) i}));
            for (int i = 0; i < files; i++) if (p.facts(dir.resolve("t" + i)).isPresent()) read++;
        }
        assertEquals(PayloadPrefetch.MAX_FILES, read, "a 100,000-file build keeps its memory: the rest are read by the binder");
    }

    private static byte[] bytes(PayloadPrefetch.Facts f) {
        byte[] b = new byte[f.size()];
        f.bytes().duplicate().get(b);
        return b;
    }

    /** Waits (polling, at most 30 s) until the prefetch has hashed {@code file} ahead. */
    private static void awaitHash(PayloadPrefetch p, Path file) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!p.hashedAhead(file)) {
            assertTrue(System.nanoTime() < end, "no hash of " + file + " within 30 s");
            Thread.sleep(5);
        }
    }

    @Test
    void smallAndLargeFilesAreHashedAheadOnce() throws Exception {
        // expected digests: the MD5 test vectors for this sentence and for a million 'a' (md5sum gives the same)
        Path small = Files.write(dir.resolve("fox.txt"), "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII));
        byte[] million = new byte[1_000_000];
        Arrays.fill(million, (byte) 'a');
        Path large = Files.write(dir.resolve("a.bin"), million);
        try (PayloadPrefetch p = PayloadPrefetch.start(true)) {
            p.start(small);
            p.start(large);
            awaitHash(p, small);
            awaitHash(p, large);
            assertEquals("9e107d9d372bb6826bd81d3542a419d6", HexFormat.of().formatHex(p.md5(small).orElseThrow()));
            assertEquals("7707d6ae4e027c70eea2a935c2296f21", HexFormat.of().formatHex(p.md5(large).orElseThrow()));
            assertEquals(Optional.empty(), p.md5(large), "handed over once: a second asker hashes it itself");
        }
    }

    @Test
    void onceTheCabinetStartsNothingMoreIsHashedAhead() throws Exception {
        // the cabinet writer hashes what it reads from then on: a hash taken here would cost a second read
        Path small = Files.write(dir.resolve("s.txt"), "small".getBytes(StandardCharsets.US_ASCII));
        Path large = Files.write(dir.resolve("l.bin"), new byte[PayloadPrefetch.MAX_FILE_BYTES * 2]);
        try (PayloadPrefetch p = PayloadPrefetch.start(true)) {
            p.stopHashingAhead();
            p.start(small);
            p.start(large);
            // reading a file is what queues its hash: once both reads are done, a hash would have been queued
            assertArrayEquals("small".getBytes(StandardCharsets.US_ASCII), bytes(p.facts(small).orElseThrow()));
            assertEquals(Optional.empty(), p.facts(large));
            assertEquals(Optional.empty(), p.md5(small), "left to the cabinet writer");
            assertEquals(Optional.empty(), p.md5(large), "left to the cabinet writer");
        }
    }

    @Test
    void aLargeFileChangedAfterItWasHashedIsLeftToTheCaller() throws Exception {
        byte[] content = new byte[PayloadPrefetch.MAX_FILE_BYTES * 2];
        Path large = Files.write(dir.resolve("changing.bin"), content);
        try (PayloadPrefetch p = PayloadPrefetch.start(true)) {
            p.start(large);
            awaitHash(p, large);
            content[0] = 1;
            Files.write(large, content); // same size, later time stamp: the hash taken is no longer the file's
            Files.setLastModifiedTime(large, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            assertEquals(Optional.empty(), p.md5(large));
        }
    }

    @Test
    void nothingIsHashedAheadWithoutThePrefetch() throws Exception {
        Path small = Files.write(dir.resolve("c.txt"), new byte[] {1});
        try (PayloadPrefetch p = PayloadPrefetch.start(false)) {
            p.start(small);
            assertEquals(Optional.empty(), p.md5(small), "a build with a cabinet cache takes its hashes from the cache's index");
        }
    }

    @Test
    void filesReadIntoSharedSlabsKeepTheirOwnBytes() throws Exception {
        // 60 files of 40,000 bytes each, each its own content: more than one 1 MB slab of read-ahead memory
        try (PayloadPrefetch p = PayloadPrefetch.start(true)) {
            List<Path> files = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] b = new byte[40_000];
                new java.util.Random(i).nextBytes(b);
                files.add(Files.write(dir.resolve("s" + i), b));
            }
            files.forEach(p::start);
            for (Path f : files) assertArrayEquals(Files.readAllBytes(f), bytes(p.facts(f).orElseThrow()), f.toString());
        }
    }
}
