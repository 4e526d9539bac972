package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build that needs more heap than the JVM was given (20,000 registry components under {@code -Xmx16m}) is not a
 * bug of ours and not the source's fault: {@code sspr build} says it ran out of memory and how to give the JVM more,
 * exits 1 (the work failed), prints no "internal error" and no stack trace, and writes no package. Run as a separate
 * JVM, since the heap limit is the JVM's.
 */
class OutOfHeapBuildTest {
    @TempDir Path dir;

    @Test
    void aBuildBeyondTheHeapLimitSaysHowToGiveMoreAndWritesNothing() throws Exception {
        StringBuilder components = new StringBuilder();
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            UUID guid = UUID.nameUUIDFromBytes(("heap-" + i).getBytes(StandardCharsets.UTF_8));
            components.append("<Component Id=\"c").append(i).append("\" Guid=\"").append(guid).append("\">")
                    .append("<RegistryValue Root=\"HKLM\" Key=\"Software\\heap\\k").append(i)
                    .append("\" Name=\"v\" Value=\"value ").append(i).append("\" Type=\"string\" KeyPath=\"yes\"/></Component>\n");
            refs.append("<ComponentRef Id=\"c").append(i).append("\"/>");
        }
        Path wxs = Files.writeString(dir.resolve("big.wxs"), """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="heap" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{4E4A6B2C-1D3F-4E5A-9B8C-7D6E5F4A3B31}">
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="D" Name="heap">
                """ + components + "</Directory></StandardDirectory><Feature Id=\"F\">" + refs + "</Feature></Package></Wix>\n");
        Path out = dir.resolve("big.msi");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Sspr.class.getName(), "build", wxs.toString(), "-o", out.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the build JVM ended");
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(ExitStatus.FAILED.code, p.exitValue(), err);
        assertTrue(err.contains("sspr build: ran out of memory") && err.contains("-Xmx"), err);
        assertFalse(err.contains("internal error"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(out), "no package");
    }
}
