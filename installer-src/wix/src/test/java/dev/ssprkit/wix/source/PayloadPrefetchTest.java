package dev.ssprkit.wix.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the binder gets from the payload read ahead: the expected sizes and bytes are those of the files this test
 * writes; anything the prefetch could not read is simply absent, so the binder reads (and reports) it itself.
 */
class PayloadPrefetchTest {
    @TempDir
    Path dir;

    @Test
    void smallFilesComeWithTheirBytesLargeOnesWithTheirSizeOnly() throws Exception {
        Path small = Files.write(dir.resolve("small.txt"), "hello payload".getBytes());
        byte[] big = new byte[PayloadPrefetch.MAX_FILE_BYTES + 1];
        Arrays.fill(big, (byte) 7);
        Path large = Files.write(dir.resolve("large.bin"), big);
        try (PayloadPrefetch p = PayloadPrefetch.start(true)) {
            p.start(small);
            p.start(large);
            PayloadPrefetch.Facts s = p.facts(small).orElseThrow();
            assertEquals(13, s.attributes().size());
            assertArrayEquals("hello payload".getBytes(), s.bytes());
            PayloadPrefetch.Facts l = p.facts(large).orElseThrow();
            assertEquals(big.length, l.attributes().size());
            assertNull(l.bytes(), "above the per-file limit: the cabinet writer streams it from disk");
        }
    }

    @Test
    void withoutBytesOnlyTheAttributesAreRead() throws Exception {
        Path small = Files.write(dir.resolve("a.txt"), new byte[] {1, 2, 3});
        try (PayloadPrefetch p = PayloadPrefetch.start(false)) {
            p.start(small);
            PayloadPrefetch.Facts s = p.facts(small).orElseThrow();
            assertEquals(3, s.attributes().size());
            assertNull(s.bytes(), "a build with a cabinet cache reads no bytes ahead");
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
            for (int i = 0; i < files; i++) {
                Path f = Files.write(dir.resolve("f" + i), content);
                p.start(f);
            }
            for (int i = 0; i < files; i++) {
                PayloadPrefetch.Facts f = p.facts(dir.resolve("f" + i)).orElseThrow();
                assertEquals(size, f.attributes().size());
                if (f.bytes() != null) held += f.bytes().length;
            }
        }
        assertTrue(held <= PayloadPrefetch.MAX_TOTAL_BYTES, held + " bytes held");
        assertTrue(held > PayloadPrefetch.MAX_TOTAL_BYTES - size, "the budget is used, not wasted: " + held);
    }
}
