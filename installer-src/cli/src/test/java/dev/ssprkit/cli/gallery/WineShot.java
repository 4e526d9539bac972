package dev.ssprkit.cli.gallery;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.VirtualDisplay;
import dev.ssprkit.testkit.Wine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One picture of the first dialog a package shows: {@code wine msiexec /i PKG PROPERTY=VALUE} with the full user
 * interface on a virtual display, the window found by its title, captured with ImageMagick's {@code import -window}
 * once two captures in a row are alike (Wine has finished drawing), then msiexec killed: nothing is installed, and
 * the persistent wineserver of the prefix makes the next start quick.
 *
 * @param title  the window's title as the X server has it (xdotool getwindowname)
 * @param width  the captured window's width in pixels (Wine's window is the dialog's client area: no window manager
 *               draws a frame on the virtual display)
 * @param log    msiexec's verbose log ({@code /l*v}): every dialog it showed is an "Action start HH:MM:SS: NAME." line
 */
record WineShot(String title, int width, int height, String log) {
    private static final Duration APPEAR = Duration.ofSeconds(90);

    static WineShot take(VirtualDisplay display, Wine wine, Path msi, String property, String titleContains, Path png, Path log) throws IOException {
        awaitGone(display, titleContains);
        VirtualDisplay.Running msiexec = display.launch(Wine.command("msiexec", "/i", msi.toString(), property,
                "/l*v", log.toString()), wine.environment(), log.resolveSibling(log.getFileName() + ".out"));
        String title;
        BufferedImage image;
        try {
            String window = msiexec.awaitWindow(titleContains, APPEAR);
            image = settledCapture(display, window, png);
            title = Tool.run(List.of("xdotool", "getwindowname", window), null, display.environment(), 20).assertOk().stdout().strip();
        } finally {
            msiexec.process().descendants().forEach(ProcessHandle::destroyForcibly);
            msiexec.process().destroyForcibly();
            msiexec.await(Duration.ofSeconds(30));
        }
        String text = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1) : "";
        return new WineShot(title, image.getWidth(), image.getHeight(), text);
    }

    /** The actions msiexec's log says it started, in order (dialogs shown from a sequence are actions too). */
    List<String> actionsStarted() {
        List<String> out = new ArrayList<>();
        Matcher m = ACTION_START.matcher(log);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static final Pattern ACTION_START = Pattern.compile("Action start [0-9:]+: (\\w+)\\.");

    /** Captures until two pictures in a row are alike (at most 5 s), so a half-drawn dialog is never kept. */
    private static BufferedImage settledCapture(VirtualDisplay display, String window, Path png) throws IOException {
        int[] previous = null;
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            Tool.run(List.of("import", "-window", window, png.toString()), null, display.environment(), 60).assertOk();
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) throw new AssertionError("import wrote no readable PNG: " + png);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            if (previous != null && Arrays.equals(previous, pixels)) return image;
            if (System.nanoTime() > end) throw new AssertionError("the window kept changing for 5 s: " + png);
            previous = pixels;
            pause(150);
        }
    }

    /** Waits until the previous msiexec's window has left the screen (the next one must not be mistaken for it). */
    private static void awaitGone(VirtualDisplay display, String titleContains) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (display.hasWindow(titleContains)) {
            if (System.nanoTime() > end) throw new AssertionError("a window titled /" + titleContains + "/ is still on the screen: " + display.titles());
            pause(100);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
