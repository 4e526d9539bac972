package dev.ssprkit.msi;

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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzes {@link MsiReader} (and POI's compound-file reader under it) with mutations of a valid package: each input
 * must be read completely or refused with an {@link MsiException}, within {@link CorruptFixture#TIME_LIMIT}. Anything
 * else is kept ({@link Findings}) and fails the property at the end, after every try has run.
 *
 * <p>Tries: 500 here; {@code mvn -Pnightly} (system property {@code ssprkit.fuzz.tries}) runs 100,000.
 */
class MsiReaderFuzzTest {
    private static final Mutator MUTATOR = new Mutator();
    private final Findings findings = new Findings("msi");
    private Path file;

    @BeforeProperty
    void file() throws IOException {
        file = Files.createTempFile("ssprkit-fuzz", ".msi");
        findings.clear();
    }

    @AfterProperty
    void noFindings() throws IOException {
        Files.deleteIfExists(file);
        assertEquals(List.of(), findings.all(), "inputs that failed other than with MsiException");
    }

    @Property(tries = 500, seed = "20260101", shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedPackagesAreReadOrRefused(@ForAll long mutation, @ForAll @IntRange(min = 1, max = 12) int count) {
        byte[] input = MUTATOR.mutate(CorruptFixture.VALID, mutation, count);
        try {
            CorruptFixture.assertReadOrRejected(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Throwable t) {
            findings.keep(input, t);
        }
    }
}
