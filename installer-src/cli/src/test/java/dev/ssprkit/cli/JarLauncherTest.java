package dev.ssprkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When plain {@code java -jar sspr.jar} restarts itself, and with which command line: the flags are the ones the
 * {@code bin/sspr} launcher script passes (read from the script itself, so the two cannot drift apart), the user's own
 * JVM options are kept and win, and the program's arguments go through unchanged.
 */
class JarLauncherTest {
    private static final String JAVA = "/usr/lib/jvm/java-17/bin/java";

    @Test
    void theFlagsAreTheLauncherScriptsFlags() throws Exception {
        String script = Files.readString(Path.of("bin/sspr"), StandardCharsets.UTF_8);
        for (String flag : JarLauncher.FLAGS) assertTrue(script.contains(" " + flag + " "), flag + " is in bin/sspr");
        assertTrue(script.contains("-D" + JarLauncher.LAUNCHED + "="), "bin/sspr says it set them, so the jar does not restart");
    }

    @Test
    void plainJavaJarRestartsWithTheFlagsAndTheSameArguments() {
        String[] args = {"build", "my product.wxs", "-o", "out.msi"};
        Optional<List<String>> c = JarLauncher.restart(JAVA,
                List.of("-Xmx300m", "-jar", "target/sspr.jar", "build", "my product.wxs", "-o", "out.msi"), args);
        assertEquals(List.of(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx300m",
                "-Dssprkit.launcher=java-jar", "-jar", "target/sspr.jar", "build", "my product.wxs", "-o", "out.msi"), c.orElseThrow());
    }

    @Test
    void theHeapSizingIsTheLauncherScriptsAndComesWithTheCollector() throws Exception {
        String script = Files.readString(Path.of("bin/sspr"), StandardCharsets.UTF_8);
        assertTrue(script.contains("heap=\"" + String.join(" ", JarLauncher.HEAP_FLAGS) + "\""), "bin/sspr sizes the heap the same way");
        String[] args = {"build", "big.wxs"};
        List<String> c = JarLauncher.restart(JAVA, List.of("-jar", "sspr.jar", "build", "big.wxs"), args).orElseThrow();
        assertEquals(List.of(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms64m", "-Xmn16m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=25", "-Dssprkit.launcher=java-jar", "-jar", "sspr.jar", "build", "big.wxs"), c,
                "no heap option given: the heap starts small and grows with the build, without a limit");
        assertFalse(String.join(" ", c).contains("-Xmx"), "no cap: a build that holds more gets more");
    }

    @Test
    void aHeapTheUserSizedIsNotSizedAgain() {
        String[] args = {"build", "big.wxs"};
        // -Xms64m before a user's -Xmx32m would stop the JVM; a user's free ratios could contradict ours the same way
        for (String sized : List.of("-Xmx32m", "-Xms1g", "-Xmn8m", "-XX:MaxHeapSize=100m", "-XX:MaxRAMPercentage=50",
                "-XX:InitialRAMPercentage=1", "-XX:MinHeapFreeRatio=40", "-XX:MaxRAM=1g", "-XX:NewSize=4m")) {
            List<String> c = JarLauncher.restart(JAVA, List.of(sized, "-jar", "sspr.jar", "build", "big.wxs"), args).orElseThrow();
            assertEquals(List.of(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", sized, "-Dssprkit.launcher=java-jar",
                    "-jar", "sspr.jar", "build", "big.wxs"), c, sized);
        }
        List<String> inherited = JarLauncher.restart(JAVA, List.of("-jar", "sspr.jar", "build", "big.wxs"), List.of("-Xmx48m"), args).orElseThrow();
        assertFalse(inherited.contains("-Xms64m"), "JDK_JAVA_OPTIONS or JAVA_TOOL_OPTIONS sized it: " + inherited);
        List<String> g1 = JarLauncher.restart(JAVA, List.of("-XX:+UseG1GC", "-jar", "sspr.jar", "build", "big.wxs"), args).orElseThrow();
        assertFalse(g1.contains("-Xmn16m"), "sized for the serial collector only: " + g1);
    }

    @Test
    void theUsersOwnChoicesAreKept() {
        String[] args = {"inspect", "a.msi"};
        List<String> c = JarLauncher.restart(JAVA, List.of("-XX:+UseParallelGC", "-jar", "sspr.jar", "inspect", "a.msi"), args).orElseThrow();
        assertEquals(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Dssprkit.launcher=java-jar", "-jar", "sspr.jar", "inspect", "a.msi"), c,
                "the collector the user chose, only the compiler level added");
        assertEquals(Optional.empty(), JarLauncher.restart(JAVA,
                List.of("-XX:+UseG1GC", "-XX:-TieredCompilation", "-jar", "sspr.jar", "inspect", "a.msi"), args), "both chosen: run here");
    }

    @Test
    void aRecordingAnAgentOrADebuggerKeepsTheCommandInThisJvm() {
        String[] args = {"build", "a.wxs"};
        for (String watched : List.of("-XX:StartFlightRecording=filename=b.jfr", "-agentlib:jdwp=transport=dt_socket,server=y",
                "-javaagent:agent.jar", "-agentpath:/opt/async-profiler/lib/libasyncProfiler.so=start")) {
            assertEquals(Optional.empty(), JarLauncher.restart(JAVA, List.of(watched, "-jar", "sspr.jar", "build", "a.wxs"), args), watched);
        }
    }

    @Test
    void withoutAReadableCommandLineOrJarItRunsHere() {
        String[] args = {"--version"};
        assertEquals(Optional.empty(), JarLauncher.restart(null, List.of("-jar", "sspr.jar", "--version"), args));
        assertEquals(Optional.empty(), JarLauncher.restart(JAVA, null, args));
        assertEquals(Optional.empty(), JarLauncher.restart(JAVA, List.of("-cp", "sspr.jar", "dev.ssprkit.cli.JarLauncher", "--version"), args),
                "not java -jar: the class path cannot be rebuilt reliably, so no restart");
    }

    /**
     * Linux names its transparent-huge-page mode in /sys/kernel/mm/transparent_hugepage/enabled, the chosen one in
     * brackets (the kernel's admin-guide/mm/transhuge page): only in "madvise" mode does asking make a difference.
     */
    @Test
    void hugePagesAreAskedForOnlyWhereLinuxGivesThemOnRequest(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertTrue(JarLauncher.hugePagesOnRequest(Files.writeString(dir.resolve("madvise"), "always [madvise] never\n")));
        assertFalse(JarLauncher.hugePagesOnRequest(Files.writeString(dir.resolve("always"), "[always] madvise never\n")), "given anyway");
        assertFalse(JarLauncher.hugePagesOnRequest(Files.writeString(dir.resolve("never"), "always madvise [never]\n")), "never given");
        assertFalse(JarLauncher.hugePagesOnRequest(dir.resolve("missing")), "not Linux, or a kernel without them");
        String script = Files.readString(Path.of("bin/sspr"), StandardCharsets.UTF_8);
        assertTrue(script.contains(JarLauncher.HUGE_PAGES) && script.contains(JarLauncher.HUGE_PAGE_MODE.toString()),
                "bin/sspr asks for them on the same condition");
    }

    @Test
    void hugePagesAreAddedUnlessTheUserNamedThem() {
        String[] args = {"build", "big.wxs"};
        List<String> c = JarLauncher.restart(JAVA, List.of("-jar", "sspr.jar", "build", "big.wxs"), List.of(), args, true).orElseThrow();
        assertEquals(List.of(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms64m", "-Xmn16m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=25", JarLauncher.HUGE_PAGES, "-Dssprkit.launcher=java-jar", "-jar", "sspr.jar", "build", "big.wxs"), c);
        List<String> declined = JarLauncher.restart(JAVA, List.of("-XX:-UseTransparentHugePages", "-jar", "sspr.jar", "build", "big.wxs"),
                List.of(), args, true).orElseThrow();
        assertFalse(declined.contains(JarLauncher.HUGE_PAGES), "the user turned them off: " + declined);
        List<String> large = JarLauncher.restart(JAVA, List.of("-jar", "sspr.jar", "build", "big.wxs"), List.of("-XX:+UseLargePages"),
                args, true).orElseThrow();
        assertFalse(large.contains(JarLauncher.HUGE_PAGES), "the environment chose large pages: " + large);
        assertEquals(Optional.empty(), JarLauncher.restart(JAVA,
                List.of("-XX:+UseG1GC", "-XX:-TieredCompilation", "-jar", "sspr.jar", "inspect", "a.msi"), List.of(), args, true),
                "huge pages alone are no reason to start a second JVM");
    }
}
