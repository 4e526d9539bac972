package dev.ssprkit.intune;

import dev.ssprkit.testkit.fuzz.Findings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Replays the fuzz regression corpus ({@code src/test/resources/fuzz-corpus/intunewin}): read or refused, in time. */
class FuzzCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/intunewin");

    @TestFactory
    Stream<DynamicTest> corpusInputsAreReadOrRefused() {
        List<Path> corpus = Findings.corpus(CORPUS);
        assertFalse(corpus.isEmpty(), "the corpus " + CORPUS.toAbsolutePath() + " is missing");
        return corpus.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> IntuneWinReaderFuzzTest.readOrRefused(Files.readAllBytes(p))));
    }
}
