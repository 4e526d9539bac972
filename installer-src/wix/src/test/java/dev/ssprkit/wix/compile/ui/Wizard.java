package dev.ssprkit.wix.compile.ui;

import dev.ssprkit.testkit.VirtualDisplay;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One {@code wine msiexec /i} with the full user interface on a virtual display, driven page by page with the keys a
 * user would press (buttons by their {@code &} mnemonics: alt+n is Next).
 *
 * <p>Every built-in page is titled "[ProductName] Setup", so a walk tells pages apart by a customisation WiX documents
 * for its dialog sets: the project's .wxl replaces library strings, here each dialog's {@code <Id>_Title} with the
 * dialog's own id ({@link #titles}). A page is "reached" when a window with that title is on the screen.
 */
final class Wizard {
    private static final Duration PAGE = Duration.ofSeconds(90);
    private final VirtualDisplay display;
    private final VirtualDisplay.Running msiexec;
    private final Path log;

    private Wizard(VirtualDisplay display, VirtualDisplay.Running msiexec, Path log) {
        this.display = display;
        this.msiexec = msiexec;
        this.log = log;
    }

    /**
     * A project .wxl that titles every dialog of the built-in library with its id: the ids are the library's own
     * {@code *_Title} strings (WiX's naming), read from the library's English texts.
     */
    static Path titles(Path dir) throws IOException {
        String library;
        try (InputStream in = Wizard.class.getResourceAsStream("/dev/ssprkit/wix/ext/ui/WixUI_en-us.wxl")) {
            if (in == null) throw new IllegalStateException("the built-in dialog texts are not on the class path");
            library = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder wxl = new StringBuilder("<WixLocalization Culture=\"en-us\" xmlns=\"http://wixtoolset.org/schemas/v4/wxl\">\n");
        Matcher m = Pattern.compile("Id=\"([A-Za-z]+)_Title\"").matcher(library);
        while (m.find()) wxl.append("  <String Id=\"").append(m.group(1)).append("_Title\" Value=\"").append(m.group(1)).append("\" />\n");
        wxl.append("</WixLocalization>\n");
        Path file = dir.resolve("titles.wxl");
        Files.writeString(file, wxl);
        return file;
    }

    /** Builds {@code source} (written as NAME.wxs in {@code dir}) with the title .wxl and any further options. */
    static Path build(Path dir, String name, String source, java.util.function.UnaryOperator<BuildRequest.Builder> options) throws IOException {
        Path wxs = dir.resolve(name + ".wxs");
        Files.writeString(wxs, source);
        Path msi = dir.resolve(name + ".msi");
        List<Path> loc = new ArrayList<>(List.of(titles(dir)));
        BuildRequest.Builder b = BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .buildTime(Instant.parse("2026-01-01T00:00:00Z")).locFiles(loc);
        BuildResult r = WixBuild.build(options.apply(b).build());
        assertTrue(r.success(), () -> name + ": " + r.diagnostics());
        return msi;
    }

    static Path build(Path dir, String name, String source) throws IOException {
        return build(dir, name, source, b -> b);
    }

    /** Starts {@code msiexec /i MSI /l*v LOG [PROPERTY=VALUE...]} with its windows on {@code display}. */
    static Wizard start(VirtualDisplay display, Wine wine, Path msi, String... properties) {
        Path log = msi.resolveSibling(msi.getFileName() + "." + System.nanoTime() + ".log");
        List<String> cmd = new ArrayList<>(Wine.command("msiexec", "/i", msi.toString(), "/l*v", log.toString()));
        cmd.addAll(List.of(properties));
        return new Wizard(display, display.launch(cmd, wine.environment(), log.resolveSibling(log.getFileName() + ".out")), log);
    }

    /** Waits for the page (a window titled exactly {@code dialog}) and returns its window. */
    String page(String dialog) {
        try {
            return msiexec.awaitWindow("^" + dialog + "$", PAGE);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nmsiexec log:\n" + tail(), e);
        }
    }

    /** Waits for the page and presses {@code keys} on it. */
    Wizard on(String dialog, String... keys) {
        display.key(page(dialog), keys);
        return this;
    }

    VirtualDisplay display() {
        return display;
    }

    /** msiexec's exit status as a Unix process reports it (the Windows code modulo 256). */
    int exitCode() {
        return msiexec.await(Duration.ofMinutes(3));
    }

    /** The whole verbose log so far (Wine writes it as the install goes). */
    String log() {
        try {
            if (!Files.exists(log)) return "";
            byte[] b = Files.readAllBytes(log);
            boolean utf16 = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE;
            return utf16 ? new String(b, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log's last part, for failure messages. */
    String tail() {
        String s = log();
        return s.length() > 20_000 ? s.substring(s.length() - 20_000) : s;
    }
}
