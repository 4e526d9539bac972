package dev.ssprkit.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first embedded cabinet is written straight into the package's temporary file in the output folder, an external
 * one into the temporary folder and then beside the package. When such a write fails (the output's disk is full; here a file-size limit, {@code ulimit -f}, which makes a write past it fail
 * with EFBIG "File too large" as a full disk fails with ENOSPC), the build says which cabinet, why, and where to look,
 * exits non-zero without an internal error, and leaves nothing in the output folder: neither a package nor the
 * hidden temporary file that held the partial cabinet. Run as a separate JVM, since the limit is the process's.
 */
class FullDiskBuildTest {
    @TempDir Path dir;

    /** @param embed yes: the cabinet is written into the package; no: an external cabinet, written beside it */
    @ParameterizedTest(name = "EmbedCab={0}")
    @ValueSource(strings = {"yes", "no"})
    void aCabinetThatDoesNotFitFailsCleanly(String embed) throws Exception {
        byte[] noise = new byte[3 << 20]; // random: stored, so the cabinet is about 3 MB whatever the compression
        new Random(11).nextBytes(noise);
        Files.write(dir.resolve("noise.bin"), noise);
        Path wxs = Files.writeString(dir.resolve("full.wxs"), """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="full" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{4E4A6B2C-1D3F-4E5A-9B8C-7D6E5F4A3B32}">
                    <MediaTemplate EmbedCab="EMBED"/>
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="D" Name="full"/></StandardDirectory>
                    <Feature Id="F"><Component Directory="D"><File Source="noise.bin"/></Component></Feature>
                  </Package>
                </Wix>
                """.replace("EMBED", embed));
        Path out = Files.createDirectories(dir.resolve("out"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 1 MB (bash counts 1024-byte blocks): the sources and the JVM are only read; only our output is written
        String command = "ulimit -f 1024 && exec \"$0\" -XX:+UseSerialGC -XX:-UsePerfData -cp \"$1\" " + Sspr.class.getName()
                + " build -a x64 \"$2\" -o \"$3\"";
        Process p = new ProcessBuilder(List.of("bash", "-c", command, java, System.getProperty("java.class.path"), wxs.toString(),
                out.resolve("full.msi").toString())).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the build JVM ended");
        String err = Files.readString(dir.resolve("err.txt"));
        // the disk's fault, not the sources': exit 4 ("I/O error") in sspr's exit-code table, not 3 ("bad input")
        assertEquals(Sspr.IO_ERROR, p.exitValue(), err);
        assertTrue(err.contains("File too large"), err);
        // the embedded one is written in the output folder, the external one in the temporary folder first
        if (embed.equals("yes")) assertTrue(err.contains("cannot build cabinet") && err.contains("output folder"), err);
        assertTrue(err.contains("full.wxs:"), "located at the source: " + err);
        assertFalse(err.contains("internal error"), err);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "no package and no temporary file");
        }
    }
}
