package dev.ssprkit.wix.compile;

import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One scenario folder: {@code product.wxs} (plus any other {@code .wxs}, linked together), payload files, and
 * {@code expected.txt}: header lines {@code # platform: x64}, {@code # wixl: yes|no (why)}, then expected rows of
 * each table it lists (the listed tables must hold exactly these rows).
 */
record Scenario(String name, Path dir, String platform, boolean wixl, Map<String, List<String>> expected) {
    static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");

    static Path root(String folder) {
        try {
            return Path.of(Scenario.class.getResource("/" + folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Scenario> all() throws IOException {
        List<Scenario> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root("scenarios"))) {
            for (Path dir : s.sorted().toList()) out.add(load(dir));
        }
        return out;
    }

    static Scenario load(Path dir) throws IOException {
        String platform = "x64";
        boolean wixl = false;
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("expected.txt"))) {
            String t = line.strip();
            if (t.startsWith("# platform:")) platform = t.substring(11).strip();
            else if (t.startsWith("# wixl:")) wixl = t.substring(7).strip().startsWith("yes");
            else if (!t.isEmpty() && !t.startsWith("#")) {
                String table = t.substring(0, t.indexOf(':'));
                expected.computeIfAbsent(table, k -> new ArrayList<>()).add(t);
            }
        }
        return new Scenario(dir.getFileName().toString(), dir, platform, wixl, expected);
    }

    List<Path> sources() {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> wxs = new ArrayList<>(s.filter(p -> p.toString().endsWith(".wxs")).sorted().toList());
            wxs.remove(dir.resolve("product.wxs"));
            wxs.add(0, dir.resolve("product.wxs"));
            return wxs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BuildResult build(Path output) {
        // ICE validation is off here: scenarios exercise single features, not complete valid products (see ProductBuildTest)
        return WixBuild.build(new BuildRequest(sources(), output, platform, Map.of(), List.of(), Map.of(), BUILD_TIME).withoutValidation());
    }

    @Override
    public String toString() {
        return name;
    }
}
