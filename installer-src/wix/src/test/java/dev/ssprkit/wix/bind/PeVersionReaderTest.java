package dev.ssprkit.wix.bind;



import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PE version reader on PEs built for the tests, on Wine's own DLLs, and on garbage. */
class PeVersionReaderTest {
    private static Path scenarioFile(String name) {
        try {
            return Path.of(PeVersionReaderTest.class.getResource("/scenarios/v3-pe-version/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsFixedFileInfoAndTheFirstTranslation() {
        assertEquals(Optional.of(new PeVersionReader.PeVersion("3.1.4.1592", "1033")), PeVersionReader.read(scenarioFile("lib.dll")));
        assertEquals(Optional.of(new PeVersionReader.PeVersion("10.0.0.7", "1031")), PeVersionReader.read(scenarioFile("tool.exe")));
    }

    @Test
    void garbageGivesEmpty() throws Exception {
        assertEquals(Optional.empty(), PeVersionReader.read(scenarioFile("plain.dll")));
        assertEquals(Optional.empty(), PeVersionReader.read(Path.of("/nonexistent/file.dll")));
        byte[] good = Files.readAllBytes(scenarioFile("lib.dll"));
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + random.nextInt(8); k++) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            int cut = random.nextInt(b.length + 1);
            PeVersionReader.read(ByteBuffer.wrap(b, 0, cut).slice()); // must not throw
        }
    }

    /** Wine's builtin DLLs carry version resources; kernelbase reports the Windows version Wine emulates (x.y.z.w). */
    @Test
    @org.junit.jupiter.api.Tag("interop")
    void readsWineDlls() throws Exception {
        Path dir = Path.of("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows");
        dev.ssprkit.testkit.Tool.requireThat(Files.isDirectory(dir), "Wine's DLL folder " + dir + " (apt-get install wine64)");
        int found = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".dll")).sorted().limit(200).toList()) {
                Optional<PeVersionReader.PeVersion> v = PeVersionReader.read(p);
                if (v.isPresent()) {
                    found++;
                    assertTrue(v.get().version().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), p + ": " + v.get());
                }
            }
        }
        assertTrue(found > 50, "versions read from only " + found + " Wine DLLs");
    }
}
