package dev.ssprkit.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Wine program started as the tests start them ({@link Wine#command}) runs with its address space not randomized,
 * so its loader's brk heap begins right after the loader and never over 0x7ffe0000, where Wine maps the shared user
 * data. A CI run lost a winecfg to "failed to map the shared user data: c0000018"; a heap grown over that address
 * gives exactly that message every time.
 *
 * <p>Expected values: ADDR_NO_RANDOMIZE is 0x0040000 (Linux, include/uapi/linux/personality.h); without randomization
 * the kernel starts the brk heap at the first page after the executable's last segment (fs/binfmt_elf.c), here
 * the end of the highest mapping of the wine64 loader in {@code /proc/PID/maps}.
 */
@Tag("interop")
class WineLoaderTest {
    private static final int ADDR_NO_RANDOMIZE = 0x0040000;
    private static final long SHARED_USER_DATA = 0x7ffe0000L;

    @TempDir Path dir;

    @Test
    void wineProgramsRunUnrandomizedWithTheirHeapRightAfterTheLoader() throws Exception {
        try (Wine wine = Wine.start(dir.resolve("prefix"))) {
            ProcessBuilder pb = new ProcessBuilder(Wine.command("cmd")); // waits on its input, which we hold open
            pb.environment().putAll(wine.environment());
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process cmd = pb.start();
            try {
                // setarch and /usr/bin/wine exec in place, so the pid is the Wine process's; wait until it has mapped
                // the shared user data (its start-up is past the point that failed)
                Path maps = Path.of("/proc", String.valueOf(cmd.pid()), "maps");
                String text = "";
                for (int i = 0; i < 600 && cmd.isAlive(); i++) {
                    text = read(maps);
                    if (text.contains(Long.toHexString(SHARED_USER_DATA) + "-")) break;
                    Thread.sleep(100);
                }
                assertTrue(cmd.isAlive(), "cmd.exe exited with " + (cmd.isAlive() ? "" : cmd.exitValue()) + " during start-up");
                assertTrue(text.contains(Long.toHexString(SHARED_USER_DATA) + "-"), "shared user data never mapped:\n" + text);

                int personality = Integer.parseInt(read(Path.of("/proc", String.valueOf(cmd.pid()), "personality")).strip(), 16);
                assertEquals(ADDR_NO_RANDOMIZE, personality & ADDR_NO_RANDOMIZE, "personality " + Integer.toHexString(personality));

                long loaderEnd = -1, heapStart = -1;
                for (String line : text.lines().toList()) {
                    String[] range = line.substring(0, line.indexOf(' ')).split("-");
                    if (line.endsWith("/wine64")) loaderEnd = Math.max(loaderEnd, Long.parseLong(range[1], 16));
                    if (line.endsWith("[heap]")) heapStart = Long.parseLong(range[0], 16);
                }
                assertTrue(loaderEnd > 0, "no wine64 mapping:\n" + text);
                assertEquals(Long.toHexString(loaderEnd), Long.toHexString(heapStart), "the heap starts right after the loader:\n" + text);
                assertTrue(heapStart < SHARED_USER_DATA, "loader and heap below the shared user data");
            } finally {
                cmd.destroyForcibly();
                cmd.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }

    @Test
    void everyWineCommandGoesThroughTheLoader() {
        List<String> c = Wine.command("msiexec", "/i", "a.msi");
        assertEquals(List.of("setarch", "-R", "wine", "C:\\windows\\system32\\msiexec.exe", "/i", "a.msi"), c);
    }
}
