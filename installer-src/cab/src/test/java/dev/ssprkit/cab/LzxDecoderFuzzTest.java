package dev.ssprkit.cab;

import dev.ssprkit.cab.lzx.LzxDataException;
import dev.ssprkit.cab.lzx.LzxDecoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes the LZX decoder two ways: whole LZX cabinets mutated (read or refused with {@link CabinetException}, as
 * {@link CabinetReaderFuzzTest} checks), and raw LZX frames mutated and fed to {@link LzxDecoder} directly, where the
 * cabinet checksum cannot catch the damage first (decoded or refused with {@link LzxDataException}). Anything else, or
 * running out of time, is kept ({@link Findings}, reader "lzx") and fails the property.
 *
 * <p>Tries: 300 each here; {@code mvn -Pnightly} runs 100,000 each.
 */
class LzxDecoderFuzzTest {
    private static final Mutator MUTATOR = new Mutator();
    private static final byte[][] CABINETS = seeds();
    private final Findings findings = new Findings("lzx");

    static byte[][] seeds() {
        try {
            Path dir = Files.createTempDirectory("ssprkit-lzx-fuzz");
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("a.txt", Payloads.text(70_000, 1));
            files.put("b.bin", Payloads.random(40_000, 2));
            files.put("c.exe", LzxInteropTest.x86Like(30_000));
            files.put("d", new byte[] {1});
            byte[][] seeds = new byte[2][];
            int[] windows = {15, 21};
            for (int i = 0; i < 2; i++) {
                Path cab = dir.resolve(i + ".cab");
                CabinetWriter w = new CabinetWriter(CabOptions.builder().lzx(windows[i]).threads(1).build());
                files.forEach(w::add);
                w.write(cab);
                seeds[i] = Files.readAllBytes(cab);
                Files.delete(cab);
            }
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
        assertEquals(List.of(), findings.all(), "inputs that failed other than with CabinetException / LzxDataException");
    }

    @Property(tries = 300, seed = "20260415", shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedLzxCabinetsAreReadOrRefused(@ForAll long mutation, @ForAll @IntRange(min = 1, max = 12) int count,
                                            @ForAll @IntRange(min = 0, max = 1) int seed) {
        byte[] input = MUTATOR.mutate(CABINETS[seed], mutation, count);
        try {
            CabinetReaderFuzzTest.readOrRefused(input);
        } catch (Throwable t) {
            findings.keep(input, t);
        }
    }

    @Property(tries = 300, seed = "20260416", shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedLzxFramesAreDecodedOrRefused(@ForAll long mutation, @ForAll @IntRange(min = 1, max = 8) int count,
                                             @ForAll @IntRange(min = 0, max = 1) int seed) {
        // the checksums and cbData/cbUncomp are set to what the mutated data needs, so only the LZX decoder judges it
        byte[] input = withoutChecksums(MUTATOR.mutate(withoutChecksums(CABINETS[seed]), mutation, count));
        try {
            CabinetReaderFuzzTest.readOrRefused(input);
        } catch (Throwable t) {
            findings.keep(input, t);
        }
    }

    /**
     * A copy with every CFDATA checksum of folder 0 set to 0 ("not computed"), so mutations of the data reach the
     * decoder. Stops quietly where the layout no longer parses (the reader will refuse those).
     */
    static byte[] withoutChecksums(byte[] cab) {
        byte[] b = cab.clone();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (b.length < CfHeader.SIZE + CfFolder.SIZE) return b;
        long p = Integer.toUnsignedLong(buf.getInt(CfHeader.SIZE));
        int blocks = buf.getShort(CfHeader.SIZE + 4) & 0xFFFF;
        for (int i = 0; i < blocks && p + CfData.SIZE <= b.length; i++) {
            buf.putInt((int) p, 0);
            p += CfData.SIZE + (buf.getShort((int) p + 4) & 0xFFFF);
        }
        return b;
    }

    /** Reads a raw LZX frame sequence: decoded or refused, in time (used by the corpus replay). */
    static void decodeOrRefused(byte[] input) {
        assertTimeoutPreemptively(CabinetReaderFuzzTest.LIMIT, () -> {
            try (CabinetReader r = CabinetReader.open(input, "fuzz.cab")) {
                r.extract((entry, in) -> in.transferTo(java.io.OutputStream.nullOutputStream()));
            } catch (CabinetException refused) {
                // the domain error
            }
        });
    }
}
