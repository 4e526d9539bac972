package dev.ssprkit.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A prefix's desktop stays open from boot to close ({@link DesktopKeeper}), checked on Wine's desktop process itself
 * ({@code explorer.exe /desktop}, found among the prefix's processes). Without a program of its own running, Wine
 * closes a desktop about a second after the last program using it exits (seen here: the process is gone 1 s after a
 * {@code reg add}), and a program starting in that second gets no display: its windows are invisible and msiexec
 * runs through its dialogs unanswered. So a desktop process runs once the prefix has booted, the same one serves
 * programs run seconds apart, also after {@link Wine#restart()}, and dialog tests draw on the display it uses.
 */
@Tag("interop")
class WineDesktopTest {
    @TempDir Path dir;

    @Test
    void oneDesktopProcessServesProgramsRunSecondsApartAndAfterARestart() throws Exception {
        try (Wine wine = Wine.start(dir.resolve("p"))) {
            String first = desktop(wine);
            assertNotNull(first, "no desktop process after boot:\n" + Wine.processes(wine.prefix().toString()));
            for (int i = 0; i < 2; i++) {
                wine.wine("cmd", "/c", "exit").assertOk();
                Thread.sleep(3000); // three times the delay after which Wine closes a desktop no program uses
                assertEquals(first, desktop(wine), () -> "the desktop process changed:\n" + Wine.processes(wine.prefix().toString()));
            }

            wine.restart();
            String second = desktop(wine);
            assertNotNull(second, "no desktop process after restart():\n" + Wine.processes(wine.prefix().toString()));
            assertNotEquals(first, second, "restart() kills the prefix's processes");
            Thread.sleep(3000);
            assertEquals(second, desktop(wine), () -> "the desktop closed after restart():\n" + Wine.processes(wine.prefix().toString()));

            assertEquals(wine.environment().get("DISPLAY"), wine.display().environment().get("DISPLAY"),
                    "dialog tests draw on the display of the prefix's desktop");
        }
    }

    /** The pid of the prefix's {@code explorer.exe /desktop}, or null. */
    private static String desktop(Wine wine) {
        for (String line : Wine.processes(wine.prefix().toString()).split("\n")) {
            if (line.contains("explorer.exe /desktop")) return line.substring(0, line.indexOf(' '));
        }
        return null;
    }
}
