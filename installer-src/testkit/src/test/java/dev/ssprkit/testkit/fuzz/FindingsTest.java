package dev.ssprkit.testkit.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A corpus replay fails, rather than passing with nothing replayed, when its folder is missing or holds no input. */
class FindingsTest {
    @TempDir Path dir;

    @Test
    void aMissingOrEmptyCorpusFailsTheReplay() throws Exception {
        AssertionError missing = assertThrows(AssertionError.class, () -> Findings.corpus(dir.resolve("msi")));
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
        Path corpus = Files.createDirectories(dir.resolve("cab"));
        Files.writeString(corpus.resolve("note.md"), "how these were found");
        Files.writeString(corpus.resolve("abc.txt"), "stack trace");
        AssertionError empty = assertThrows(AssertionError.class, () -> Findings.corpus(corpus));
        assertTrue(empty.getMessage().contains("no inputs"), empty.getMessage());
        Files.write(corpus.resolve("abc.bin"), new byte[] {1, 2, 3});
        assertEquals(List.of(corpus.resolve("abc.bin")), Findings.corpus(corpus));
    }
}
