package dev.ssprkit.wix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds one source written by a test as {@code p.wxs} in its folder, with a fixed build time and no environment. */
public final class TestBuild {
    private TestBuild() {}

    public static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");

    public static BuildResult build(Path dir, String source, Path msi) throws java.io.IOException {
        return build(dir, source, msi, b -> b);
    }

    /** The same with further request settings ({@code b -> b.bindPaths(...)}). */
    public static BuildResult build(Path dir, String source, Path msi, java.util.function.UnaryOperator<BuildRequest.Builder> options)
            throws java.io.IOException {
        Path wxs = Files.writeString(dir.resolve("p.wxs"), source);
        return WixBuild.build(options.apply(BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir).buildTime(BUILD_TIME)).build());
    }
}
