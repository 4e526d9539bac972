package dev.ssprkit.wix.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fragments of a project's {@code HarvestDirectory} items, written into a temporary folder that closing removes
 * (the project's own tree is not written to), with the bind paths their {@code SourceDir} paths need. Every front end
 * that builds a .wixproj (sspr build, the Maven plugin) compiles them with the project's sources.
 */
public final class HarvestedFragments implements AutoCloseable {
    private final List<Path> sources = new ArrayList<>();
    private final List<String> bindPaths = new ArrayList<>();
    private Path folder;

    private HarvestedFragments() {}

    /** Harvests every HarvestDirectory of {@code settings} (none for null settings or a project without any). */
    public static HarvestedFragments of(ProjectSettings settings) throws IOException {
        HarvestedFragments h = new HarvestedFragments();
        if (settings == null || settings.harvests().isEmpty()) return h;
        h.folder = Files.createTempDirectory("sspr-harvest-");
        try {
            for (ProjectSettings.Harvest one : settings.harvests()) {
                Path wxs = h.folder.resolve("_HarvestDirectory_" + one.componentGroup() + ".wxs");
                Files.writeString(wxs, one.fragment());
                h.sources.add(wxs);
                if (one.variable() == null) h.bindPaths.add(one.bindPath().toString());
            }
        } catch (IOException | RuntimeException e) {
            h.close();
            throw e;
        }
        return h;
    }

    public List<Path> sources() {
        return List.copyOf(sources);
    }

    public List<String> bindPaths() {
        return List.copyOf(bindPaths);
    }

    /** The folder the fragments are in (to allow reading it), or empty when there are none. */
    public List<Path> folders() {
        return folder == null ? List.of() : List.of(folder);
    }

    @Override
    public void close() throws IOException {
        if (folder == null) return;
        for (Path p : sources) Files.deleteIfExists(p);
        Files.deleteIfExists(folder);
        folder = null;
    }
}
