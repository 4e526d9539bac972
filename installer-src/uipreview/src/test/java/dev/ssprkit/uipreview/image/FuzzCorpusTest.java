package dev.ssprkit.uipreview.image;

import dev.ssprkit.testkit.fuzz.Findings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Replays the fuzz regression corpus ({@code src/test/resources/fuzz-corpus/images}): decoded or refused, in time. */
class FuzzCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/images");

    @TestFactory
    Stream<DynamicTest> corpusInputsAreDecodedOrRefused() {
        return Findings.corpus(CORPUS).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> ImageFuzzTest.decodedOrRefused(Files.readAllBytes(p))));
    }
}
