package dev.ssprkit.cab;

import dev.ssprkit.testkit.fuzz.Findings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Replays the LZX fuzz corpus ({@code src/test/resources/fuzz-corpus/lzx}: seeds and whatever the nightly run kept):
 * read or refused, in time. Fails when the corpus is missing, so a lost folder does not pass silently.
 */
class LzxFuzzCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/lzx");

    @TestFactory
    Stream<DynamicTest> corpusInputsAreReadOrRefused() {
        List<Path> inputs = Findings.corpus(CORPUS);
        assertFalse(inputs.isEmpty(), "the LZX fuzz corpus " + CORPUS.toAbsolutePath() + " is missing or empty");
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> LzxDecoderFuzzTest.decodeOrRefused(Files.readAllBytes(p))));
    }
}
