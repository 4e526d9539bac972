package dev.ssprkit.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a test learns when the window it waits for never comes: a program that exited fails the wait at once (not
 * after the whole timeout), with its exit code and output; one still running fails at the timeout with its output
 * and the processes of its Wine prefix; an installer's log named on its command line ({@code /l*v FILE}) is shown with
 * them. (A CI run once waited 120 s for a dialog and could say only "visible windows: []".)
 */
@Tag("interop")
class VirtualDisplayTest {
    @TempDir Path dir;

    @Test
    void aProgramThatExitsFailsTheWaitAtOnceWithItsExitCodeAndOutput() {
        try (VirtualDisplay display = VirtualDisplay.start()) {
            VirtualDisplay.Running p = display.launch(List.of("sh", "-c", "echo cannot open the package; exit 3"), Map.of(), dir.resolve("out"));
            long start = System.nanoTime();
            AssertionError e = assertThrows(AssertionError.class, () -> p.awaitWindow("^Never$", Duration.ofSeconds(60)));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "failed at once, not at the timeout");
            assertTrue(e.getMessage().contains("exited with 3 before a window titled /^Never$/ appeared"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot open the package"), e.getMessage());
        }
    }

    /** An msiexec that ran through its dialogs and exited 0 (as with no display) is told by its log, so that goes in. */
    @Test
    void theLogAnInstallerCommandLineNamesIsReportedWithTheOutput() throws Exception {
        Path log = dir.resolve("install.log");
        java.nio.file.Files.writeString(log, "Action start 12:00:01: WelcomeEulaDlg.\r\nAction ended 12:00:01: WelcomeEulaDlg. Return value 1.\r\n");
        try (VirtualDisplay display = VirtualDisplay.start()) {
            VirtualDisplay.Running p = display.launch(List.of("sh", "-c", "echo installed; exit 0", "/L*V", log.toString()), Map.of(), dir.resolve("out"));
            AssertionError e = assertThrows(AssertionError.class, () -> p.awaitWindow("^Never$", Duration.ofSeconds(60)));
            assertTrue(e.getMessage().contains("exited with 0"), e.getMessage());
            assertTrue(e.getMessage().contains("installed"), e.getMessage());
            assertTrue(e.getMessage().contains("its log " + log + ":\nAction start 12:00:01: WelcomeEulaDlg."), e.getMessage());
            assertTrue(e.getMessage().contains("Return value 1."), e.getMessage());
        }
    }

    @Test
    void aProgramStillRunningAtTheTimeoutIsReportedWithItsOutputAndItsPrefixsProcesses() {
        String prefix = dir.resolve("no-such-prefix").toString();
        try (VirtualDisplay display = VirtualDisplay.start()) {
            VirtualDisplay.Running p = display.launch(List.of("sh", "-c", "echo waiting; exec sleep 60"), Map.of("WINEPREFIX", prefix), dir.resolve("out"));
            try {
                AssertionError e = assertThrows(AssertionError.class, () -> p.awaitWindow("^Never$", Duration.ofSeconds(2)));
                assertTrue(e.getMessage().contains("no window titled /^Never$/ within 2 s"), e.getMessage());
                assertTrue(e.getMessage().contains("is still running"), e.getMessage());
                assertTrue(e.getMessage().contains("waiting"), e.getMessage());
                // the sleep runs with WINEPREFIX set to the prefix, so it is listed as one of its processes
                assertTrue(e.getMessage().contains("processes of " + prefix + ":\n" + p.process().pid() + " sleep 60"), e.getMessage());
            } finally {
                p.process().destroyForcibly();
            }
        }
    }
}
