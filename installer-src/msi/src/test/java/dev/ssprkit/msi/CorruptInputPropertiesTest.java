package dev.ssprkit.msi;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.ssprkit.msi.CorruptFixture.VALID;
import static dev.ssprkit.msi.CorruptFixture.assertReadOrRejected;

/**
 * Random damage to the fixture package (seeded by jqwik): whatever is flipped or cut, reading everything either
 * succeeds or throws {@link MsiException}, within the time limit, and never another exception.
 */
class CorruptInputPropertiesTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("ssprkit-corrupt", ".msi");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 400, seed = "20240102")
    void bitFlipsAnywhere(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions) throws IOException {
        byte[] b = VALID.clone();
        for (int p : positions) {
            int bit = p % (b.length * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        assertReadOrRejected(FILE, b);
    }

    /** Flips in the header and directory sectors, where one bit changes the most structure. */
    @Property(tries = 300, seed = "7")
    void bitFlipsInHeaderAndDirectory(@ForAll @IntRange(min = 0, max = 512 * 8 - 1) int headerBit,
                                      @ForAll @IntRange(min = 0, max = 3 * 512 * 8 - 1) int directoryBit) throws IOException {
        byte[] b = VALID.clone();
        b[headerBit / 8] ^= (byte) (1 << (headerBit % 8));
        CfbBytes c = new CfbBytes(VALID);
        List<Integer> dir = c.chain(c.i32(CfbBytes.FIRST_DIR));
        int sector = dir.get(directoryBit / (512 * 8) % dir.size());
        int off = CfbBytes.sectorOffset(sector) + (directoryBit % (512 * 8)) / 8;
        b[off] ^= (byte) (1 << (directoryBit % 8));
        assertReadOrRejected(FILE, b);
    }

    /** Random bytes written over a random run of the file. */
    @Property(tries = 200, seed = "42")
    void overwrittenRuns(@ForAll @IntRange(min = 0, max = 1_000_000) int start, @ForAll @Size(min = 1, max = 64) byte[] junk) throws IOException {
        byte[] b = VALID.clone();
        int at = start % b.length;
        for (int i = 0; i < junk.length && at + i < b.length; i++) b[at + i] = junk[i];
        assertReadOrRejected(FILE, b);
    }
}
