package dev.ssprkit.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** FileBytes.read gives what Files.readAllBytes gives (the JDK's own reading is the reference), slice edges included. */
class FileBytesTest {
    @TempDir Path tmp;

    @Test
    void sameBytesAsTheJdkForSizesAroundTheSlice() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, FileBytes.SLICE - 1, FileBytes.SLICE, FileBytes.SLICE + 1, 3 * FileBytes.SLICE + 5}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path f = tmp.resolve("f" + size);
            Files.write(f, content);
            assertArrayEquals(Files.readAllBytes(f), FileBytes.read(f), "size " + size);
        }
    }

    @Test
    void aMissingFileIsTheJdksException() {
        assertThrows(NoSuchFileException.class, () -> FileBytes.read(tmp.resolve("missing")));
    }
}
