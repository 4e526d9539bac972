package dev.ssprkit.uipreview.image;

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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes the decoding of Binary-table images (what a package hands the preview) with mutations of the WixUI bitmaps
 * and icons of this project: each is decoded or refused with {@link ImageException}, within the time limit and the
 * pixel budget; anything else is kept ({@link Findings}) and fails the property after every try has run.
 *
 * <p>Tries: 300 here; {@code mvn -Pnightly} (system property {@code ssprkit.fuzz.tries}) runs 100,000.
 */
class ImageFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(5);
    static final long MAX_PIXELS = 1 << 20;
    private static final Mutator MUTATOR = new Mutator();
    private static final byte[][] SEEDS = seeds();
    private final Findings findings = new Findings("images");

    static byte[][] seeds() {
        try {
            Path dir = ImagesTest.WIXUI_BITMAPS;
            return new byte[][] {Files.readAllBytes(dir.resolve("banner.bmp")), Files.readAllBytes(dir.resolve("info.ico")),
                    Files.readAllBytes(dir.resolve("up.ico"))};
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
        assertEquals(List.of(), findings.all(), "inputs that failed other than with ImageException");
    }

    @Property(tries = 300, seed = "20261204", shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedImagesAreDecodedOrRefused(@ForAll long mutation, @ForAll @IntRange(min = 1, max = 12) int count,
                                          @ForAll @IntRange(min = 0, max = 2) int seed) {
        byte[] input = MUTATOR.mutate(SEEDS[seed], mutation, count);
        try {
            decodedOrRefused(input);
        } catch (Throwable t) {
            findings.keep(input, t);
        }
    }

    /** Decodes within the pixel budget, or accepts an ImageException; anything else (or running out of time) is thrown. */
    static void decodedOrRefused(byte[] input) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                var img = Images.decode(input, 32, MAX_PIXELS);
                if ((long) img.getWidth() * img.getHeight() > MAX_PIXELS) throw new AssertionError("decoded past the pixel budget");
            } catch (ImageException refused) {
                // the domain error
            }
        });
    }
}
