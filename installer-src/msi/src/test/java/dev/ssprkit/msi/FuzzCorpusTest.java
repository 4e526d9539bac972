package dev.ssprkit.msi;

import dev.ssprkit.testkit.fuzz.Findings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Replays the fuzz regression corpus ({@code src/test/resources/fuzz-corpus/msi}): read or refused, in time. */
class FuzzCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/msi");
    @TempDir Path dir;

    @TestFactory
    Stream<DynamicTest> corpusInputsAreReadOrRefused() {
        return Findings.corpus(CORPUS).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> CorruptFixture.assertReadOrRejected(dir.resolve("replay.msi"), Files.readAllBytes(p))));
    }
}
