package dev.ssprkit.cab;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever our writer writes, our reader gives back: names, sizes, order and bytes. */
class CabinetRoundTripTest {
    record Spec(String name, int size, boolean text, long seed, boolean onDisk) {
        byte[] content() {
            return text ? Payloads.text(size, seed) : Payloads.random(size, seed);
        }
    }

    @Provide
    Arbitrary<List<Spec>> entries() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcXYZ019_-. ").withChars("éüñ中文ß\\").ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank());
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 200)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(-3, 3).map(d -> 32768 + d)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 140_000)));
        Arbitrary<Spec> spec = Combinators.combine(names, sizes, Arbitraries.of(true, false), Arbitraries.longs(),
                Arbitraries.of(true, false)).as(Spec::new);
        return spec.list().ofMaxSize(10).uniqueElements(Spec::name);
    }

    @Property(tries = 60)
    void writerThenReaderIsIdentity(@ForAll("entries") List<Spec> specs,
                                    @ForAll Compression compression,
                                    @ForAll CompressionLevel level,
                                    @ForAll("threads") int threads) throws IOException {
        Path dir = Files.createTempDirectory("cab-prop");
        try {
            CabinetWriter w = new CabinetWriter(CabOptions.builder().compression(compression).level(level).threads(threads).build());
            List<byte[]> contents = new ArrayList<>();
            int i = 0;
            for (Spec s : specs) {
                byte[] c = s.content();
                contents.add(c);
                if (s.onDisk()) {
                    Path p = dir.resolve("src" + i++);
                    Files.write(p, c);
                    w.add(s.name(), p);
                } else {
                    w.add(s.name(), c);
                }
            }
            Path cab = dir.resolve("out.cab");
            CabinetInfo info = w.write(cab);
            long total = specs.stream().mapToLong(Spec::size).sum();
            assertEquals((total + 32767) / 32768, info.blockCount());
            assertEquals(Files.size(cab), info.cabinetSize());
            try (CabinetReader r = CabinetReader.open(cab)) {
                List<CabEntry> entries = r.entries();
                assertEquals(specs.size(), entries.size());
                long offset = 0;
                for (int k = 0; k < specs.size(); k++) {
                    assertEquals(specs.get(k).name(), entries.get(k).name());
                    assertEquals(specs.get(k).size(), entries.get(k).size());
                    assertEquals(offset, entries.get(k).offsetInFolder());
                    offset += specs.get(k).size();
                }
                Map<String, byte[]> back = Payloads.readAll(r);
                for (int k = 0; k < specs.size(); k++) {
                    assertArrayEquals(contents.get(k), back.get(specs.get(k).name()), specs.get(k).name());
                }
            }
        } finally {
            Payloads.deleteTree(dir);
        }
    }

    @Provide
    Arbitrary<Integer> threads() {
        return Arbitraries.integers().between(1, 3);
    }
}
