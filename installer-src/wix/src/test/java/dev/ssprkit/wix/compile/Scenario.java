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
 * {@code expected.txt}: header lines, then expected rows of each table it lists (the listed tables must hold exactly
 * these rows; see {@link TableText} for the placeholders). Header lines:
 * <ul>
 *   <li>{@code # source: ...} (at least one): where the expected rows come from (WiX source file or documentation,
 *       MSI SDK page, wixl's output), never our own output;</li>
 *   <li>{@code # platform: x64|x86|arm64|default} ({@code -arch}; default = none given, as WiX: x86 unless a v3
 *       Package/@Platform says otherwise);</li>
 *   <li>{@code # wixl: yes|no (why)}: whether {@code WixlInteropTest} builds it with wixl and compares;
 *       {@code # wixl-differs: Table ...}: tables that test leaves out for this scenario (each listed in WIXL-DIFFERENCES.md);</li>
 *   <li>{@code # bindpath: NAME=folder} ({@code -bindpath}, folder relative to the scenario);</li>
 *   <li>{@code # loc: file.wxl} and {@code # culture: ll-cc} ({@code -loc}, {@code -culture});</li>
 *   <li>{@code # warning: WIXnnnn line N}: a warning the build must report (and no other warning is allowed);</li>
 *   <li>{@code # beside: name}: a file the build writes beside the MSI (an external cabinet).</li>
 * </ul>
 */
record Scenario(String name, Path dir, String platform, boolean wixl, Map<String, List<String>> expected,
                List<String> sourcesCited, List<String> bindPaths, List<String> locFiles, List<String> cultures,
                List<String> warnings, List<String> beside, List<String> wixlDiffers) {
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
        List<String> cited = new ArrayList<>(), bindPaths = new ArrayList<>(), locs = new ArrayList<>(), cultures = new ArrayList<>(),
                warnings = new ArrayList<>(), beside = new ArrayList<>(), wixlDiffers = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expected.txt"))) {
            String t = line.strip();
            if (t.startsWith("# platform:")) platform = t.substring(11).strip();
            else if (t.startsWith("# wixl-differs:")) wixlDiffers.addAll(List.of(t.substring(15).strip().split("\\s+")));
            else if (t.startsWith("# wixl:")) wixl = t.substring(7).strip().startsWith("yes");
            else if (t.startsWith("# source:")) cited.add(t.substring(9).strip());
            else if (t.startsWith("# bindpath:")) bindPaths.add(t.substring(11).strip());
            else if (t.startsWith("# loc:")) locs.add(t.substring(6).strip());
            else if (t.startsWith("# culture:")) cultures.add(t.substring(10).strip());
            else if (t.startsWith("# warning:")) warnings.add(t.substring(10).strip());
            else if (t.startsWith("# beside:")) beside.add(t.substring(9).strip());
            else if (!t.isEmpty() && !t.startsWith("#")) {
                String table = t.substring(0, t.indexOf(':'));
                expected.computeIfAbsent(table, k -> new ArrayList<>()).add(t);
            }
        }
        return new Scenario(dir.getFileName().toString(), dir, platform.equals("default") ? null : platform, wixl, expected,
                cited, bindPaths, locs, cultures, warnings, beside, wixlDiffers);
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
        List<String> binds = bindPaths.stream().map(b -> b.contains("=")
                ? b.substring(0, b.indexOf('=') + 1) + dir.resolve(b.substring(b.indexOf('=') + 1)) : dir.resolve(b).toString()).toList();
        return WixBuild.build(BuildRequest.builder(output, sources()).platform(platform).environment(Map.of()).buildTime(BUILD_TIME)
                .validate(false).bindPaths(binds).locFiles(locFiles.stream().map(dir::resolve).toList()).cultures(cultures).build());
    }

    @Override
    public String toString() {
        return name;
    }
}
