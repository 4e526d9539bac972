package dev.ssprkit.intune;

import dev.ssprkit.testkit.fuzz.Findings;
import dev.ssprkit.testkit.fuzz.FuzzTries;
import dev.ssprkit.testkit.fuzz.Mutator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes {@link IntuneWinReader} with mutations of a valid package: opening and unpacking either succeeds or throws
 * {@link IntuneWinException}, within the time limit, and leaves no output on failure. Tries: 300 here;
 * {@code -Pnightly} runs 100,000.
 */
class IntuneWinReaderFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Mutator MUTATOR = new Mutator();
    private static final byte[] SEED = seed();
    private final Findings findings = new Findings("intunewin");

    static byte[] seed() {
        try {
            Path dir = Files.createTempDirectory("ssprkit-intunewin-fuzz");
            Path pkg = Crafted.intunewin(dir.resolve("seed.intunewin"), Crafted.zip(Map.of("setup.exe", "MZ setup".getBytes())), x -> x, b -> b);
            byte[] bytes = Files.readAllBytes(pkg);
            Files.delete(pkg);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeProperty
    void reset() {
        findings.clear();
    }

    @AfterProperty
    void noFindings() {
        assertEquals(List.of(), findings.all(), "inputs that failed other than with IntuneWinException");
    }

    @Property(tries = 300, seed = "20260316", shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedPackagesAreReadOrRefused(@ForAll long mutation, @ForAll @IntRange(min = 1, max = 8) int count) {
        byte[] input = MUTATOR.mutate(SEED, mutation, count);
        try {
            readOrRefused(input);
        } catch (Throwable t) {
            findings.keep(input, t);
        }
    }

    /** Unpacks everything, or accepts an IntuneWinException that left no output; anything else is thrown. */
    static void readOrRefused(byte[] input) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Path dir = Files.createTempDirectory("ssprkit-intunewin-try");
            try {
                Path pkg = Files.write(dir.resolve("try.intunewin"), input);
                Path out = dir.resolve("out");
                try (IntuneWinReader r = IntuneWinReader.open(pkg)) {
                    r.unpackTo(out);
                } catch (IntuneWinException refused) {
                    if (Files.exists(out)) throw new AssertionError("a refused package left " + out);
                }
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        });
    }
}
