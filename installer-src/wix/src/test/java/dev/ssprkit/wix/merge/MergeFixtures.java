package dev.ssprkit.wix.merge;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds the merge-module test sources (src/test/resources/merge) and reads results through msitools. */
final class MergeFixtures {
    private MergeFixtures() {}

    static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");
    /** The test module's GUID (Module.wxs, Package/@Id) as the modularization suffix the SDK describes. */
    static final String SUFFIX = ".4E1C7A52_9B3D_4F6A_8C21_7D5E0B9A3F14";

    static Path resource(String path) {
        try {
            return Path.of(MergeFixtures.class.getResource("/merge/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BuildResult build(Path source, Path out, Map<String, String> defines, String arch) {
        BuildRequest request = BuildRequest.builder(out, List.of(source)).environment(Map.of()).defines(defines)
                .platform(arch).buildTime(BUILD_TIME).workingDirectory(source.getParent())
                .allowedRoots(List.of(out.getParent())).build();
        return WixBuild.build(request);
    }

    /** Builds the test module into {@code dir}/test.msm (asserting success). */
    static Path module(Path dir) {
        Path msm = dir.resolve("test.msm");
        BuildResult r = build(resource("module/Module.wxs"), msm, Map.of(), "x86");
        assertTrue(r.success(), r.diagnostics().toString());
        return msm;
    }

    /** {@code msiinfo export}: the rows of a table, each as its tab-separated cells (header lines dropped). */
    static List<List<String>> export(Path db, String table) {
        String out = Tool.run("msiinfo", "export", db.toString(), table).assertOk().stdout();
        String[] lines = out.split("\r?\n");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) rows.add(List.of(lines[i].split("\t", -1)));
        return rows;
    }

    /** The rows of a table keyed by their first cell. */
    static Map<String, List<String>> byKey(Path db, String table) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (List<String> r : export(db, table)) out.put(r.get(0), r);
        return out;
    }

    /** {@code msiinfo suminfo} as name → value. */
    static Map<String, String> summary(Path db) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Tool.run("msiinfo", "suminfo", db.toString()).assertOk().stdout().split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return out;
    }

    /** {@code msiinfo extract DB STREAM} into a file (the stream's bytes, unchanged). */
    static Path extractStream(Path db, String stream, Path target) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("msiinfo", "extract", db.toString(), stream);
        pb.redirectOutput(target.toFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (p.waitFor() != 0) throw new AssertionError("msiinfo extract " + db + " " + stream + " failed");
        return target;
    }

    static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }
}
