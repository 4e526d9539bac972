package dev.ssprkit.cab;

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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes {@link CabinetReader} with mutations of two valid cabinets (MSZIP and stored): opening, listing and
 * extracting everything either succeeds or throws {@link CabinetException}, within the time limit; anything else is
 * kept ({@link Findings}) and fails the property after every try has run.
 *
 * <p>Tries: 500 here; {@code mvn -Pnightly} (system property {@code ssprkit.fuzz.tries}) runs 100,000.
 */
class CabinetReaderFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(5);
    private static final Mutator MUTATOR = new Mutator();
    private static final byte[][] SEEDS = seeds();
    private final Findings findings = new Findings("cab");

    static byte[][] seeds() {
        try {
            Path dir = Files.createTempDirectory("ssprkit-cab-fuzz");
            Path mszip = dir.resolve("mszip.cab"), stored = dir.resolve("stored.cab");
            new CabinetWriter(CabOptions.builder().threads(1).build())
                    .add("a.txt", Payloads.text(40_000, 1)).add("b.bin", Payloads.random(5_000, 2)).add("c.txt", "tiny\n".getBytes())
                    .write(mszip);
            new CabinetWriter(CabOptions.builder().threads(1).compression(Compression.NONE).build())
                    .add("x.txt", Payloads.text(3_000, 3)).add("y.txt", "y".getBytes()).write(stored);
            byte[][] seeds = {Files.readAllBytes(mszip), Files.readAllBytes(stored)};
            Files.delete(mszip);
            Files.delete(stored);
            Files.delete(dir);
            return seeds;
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
        assertEquals(List.of(), findings.all(), "inputs that failed other than with CabinetException");
    }

    @Property(tries = 500, seed = "20260102", shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedCabinetsAreReadOrRefused(@ForAll long mutation, @ForAll @IntRange(min = 1, max = 12) int count,
                                         @ForAll @IntRange(min = 0, max = 1) int seed) {
        byte[] input = MUTATOR.mutate(SEEDS[seed], mutation, count);
        try {
            readOrRefused(input);
        } catch (Throwable t) {
            findings.keep(input, t);
        }
    }

    /** Reads everything, or accepts a CabinetException; anything else (or running out of time) is thrown. */
    static void readOrRefused(byte[] input) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (CabinetReader r = CabinetReader.open(input, "fuzz.cab")) {
                r.entries();
                r.extract((entry, in) -> in.transferTo(ByteArrayOutputStream.nullOutputStream()));
            } catch (CabinetException refused) {
                // the domain error
            }
        });
    }
}
