package dev.ssprkit.wix.hostile;

import dev.ssprkit.testkit.fuzz.Findings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Replays the fuzz regression corpus ({@code src/test/resources/fuzz-corpus/wix}) through the whole build. */
class FuzzCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/wix");

    @TestFactory
    Stream<DynamicTest> corpusSourcesGiveDiagnosticsNotCrashes() {
        return Findings.corpus(CORPUS).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> WixFuzzTest.replay(Files.readAllBytes(p))));
    }
}
