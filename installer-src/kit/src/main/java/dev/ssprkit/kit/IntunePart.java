package dev.ssprkit.kit;

import dev.ssprkit.intune.IntuneWinWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Intune Win32 app: {@code intune/X.intunewin} holding the package and, when the kit has one, its transform (the
 * install command applies it, so the kit's settings reach packages that read no properties), and the Graph bodies
 * filled from what was written ({@link Win32AppJson}): the app ({@code win32-app.json}), its content file's sizes
 * ({@code content-file.json}) and the commit with the encryption info ({@code commit.json}). Runs after the transform
 * part.
 */
public final class IntunePart implements KitGenerator.KitPart {
    private final IntuneWinWriter.Options options;
    private IntuneWinWriter.Result lastResult;

    public IntunePart() {
        this(IntuneWinWriter.Options.defaults());
    }

    public IntunePart(IntuneWinWriter.Options options) {
        this.options = options;
    }

    @Override
    public List<String> write(Path msi, ProductFacts facts, KitOptions kitOptions, Path dir) throws IOException {
        String msiName = msi.getFileName().toString();
        Path packaged = dir.resolve(msiName);
        String mstName = KitGenerator.TransformName.of(msiName);
        List<Path> files = new ArrayList<>(List.of(packaged));
        boolean withTransform = Files.isRegularFile(dir.resolve(mstName));
        if (withTransform) files.add(dir.resolve(mstName));
        String base = msiName.toLowerCase(java.util.Locale.ROOT).endsWith(".msi") ? msiName.substring(0, msiName.length() - 4) : msiName;
        String intunewin = "intune/" + base + ".intunewin";
        Files.createDirectories(dir.resolve("intune"));
        lastResult = IntuneWinWriter.pack(packaged, dir, files, dir.resolve(intunewin), options);
        List<String> written = new ArrayList<>(List.of(intunewin));
        String architecture;
        try (dev.ssprkit.msi.model.Database db = dev.ssprkit.msi.MsiReader.read(packaged)) {
            architecture = dev.ssprkit.kit.transform.RegistryInjection.is64BitPackage(db) ? "x64" : "x86";
        }
        Win32AppJson json = new Win32AppJson(facts, lastResult, base + ".intunewin", withTransform ? mstName : null, architecture, kitOptions);
        write(dir, "intune/win32-app.json", Win32AppJson.pretty(json.app()), written);
        write(dir, "intune/content-file.json", Win32AppJson.pretty(json.contentFile()), written);
        write(dir, "intune/commit.json", Win32AppJson.pretty(json.commit()), written);
        return written;
    }

    /** What the last {@link #write} packed. */
    public IntuneWinWriter.Result lastResult() {
        return lastResult;
    }

    private static void write(Path dir, String rel, String text, List<String> written) throws IOException {
        Files.writeString(dir.resolve(rel), text, StandardCharsets.UTF_8);
        written.add(rel);
    }
}
