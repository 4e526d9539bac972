package dev.ssprkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
