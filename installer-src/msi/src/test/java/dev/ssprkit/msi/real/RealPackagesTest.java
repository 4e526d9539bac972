package dev.ssprkit.msi.real;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.layout.InstallLayout;
import dev.ssprkit.msi.layout.PackageExtractor;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.patch.PatchReader;
import dev.ssprkit.msi.transform.TransformContents;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Opt-in: real packages other tools built (WiX 2-6, Visual Studio, Microsoft's build engine, msitools...), gathered
 * from public repositories' test data; the list, with sources and hashes, is {@code real-packages.tsv} beside this
 * class (in test resources, real-packages/). Run with {@code mvn -B test -pl installer-src/msi -am -Preal-packages -Dreal.packages=DIR} (DIR holds
 * the packages, any layout; external cabinets beside their package).
 *
 * <p>The oracle is msitools: for every .msi/.msm/.msp/.mst that {@code msiinfo tables} opens, we must open it (a
 * database, merge module or patch with {@link MsiReader}/{@link PatchReader}, a transform with
 * {@link TransformContents}); for every package {@code msiextract} extracts files from, {@link PackageExtractor} must
 * write the same files: the same multiset of MD5s (paths differ by design: we name standard folders as Windows does).
 * The figures and every failure are written to {@code target/real-packages.tsv} and printed.
 */
@EnabledIfSystemProperty(named = "ssprkit.realPackages", matches = ".+")
class RealPackagesTest {
    @TempDir
    Path tmp;

    @Test
    void everyPackageMsitoolsOpensWeOpenAndExtractTheSameFiles() throws Exception {
        Tool.require("msiinfo", "msiextract");
        Path dir = Path.of(System.getProperty("ssprkit.realPackages"));
        List<Path> packages;
        try (Stream<Path> s = Files.walk(dir)) {
            packages = s.filter(Files::isRegularFile).filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(msi|msm|msp|mst)")).sorted().toList();
        }
        int total = 0, msitoolsOpened = 0, weOpened = 0, weOpenedOfTheirs = 0, extractable = 0, sameFiles = 0, cabOracle = 0, cabSame = 0;
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder("package\tmsitools_opens\twe_open\tmsiextract_files\tour_files\tsame_md5s\tnote\n");
        int n = 0;
        for (Path p : packages) {
            total++;
            String rel = dir.relativize(p).toString();
            boolean theyOpen = Tool.run(List.of("msiinfo", "tables", p.toString()), p.getParent(), Map.of(), 120).exitCode() == 0;
            if (theyOpen) msitoolsOpened++;
            String note = "";
            boolean weOpen;
            try {
                weOpen = open(p);
            } catch (IOException | RuntimeException e) {
                weOpen = false;
                note = e.toString();
            }
            if (weOpen) weOpened++;
            if (weOpen && theyOpen) weOpenedOfTheirs++;
            if (theyOpen && !weOpen) failures.add(rel + ": msitools opens it, we do not: " + note);
            String theirCount = "-", ourCount = "-", same = "-";
            String lower = p.toString().toLowerCase(Locale.ROOT);
            if (theyOpen && (lower.endsWith(".msm") || lower.endsWith(".msp")) && Tool.onPath("cabextract")) {
                // msiextract reads no merge module or patch: the oracle is cabextract on the cabinet streams msiinfo
                // extracts (MergeModule.CABinet; a patch's cabinets), against our extraction
                Map<String, Integer> theirMd5 = cabinetStreamMd5s(p, n);
                if (!theirMd5.isEmpty()) {
                    cabOracle++;
                    Path ours = tmp.resolve("ours" + n);
                    try {
                        if (lower.endsWith(".msp")) {
                            try (PatchReader patch = PatchReader.open(p)) {
                                patch.extractFiles(ours);
                            }
                        } else {
                            try (Database db = MsiReader.read(p)) {
                                new PackageExtractor(db, p, InstallLayout.Style.WINDOWS).extractTo(ours);
                            }
                        }
                        Map<String, Integer> ourMd5 = md5s(ours);
                        theirCount = "cab:" + theirMd5.values().stream().mapToInt(i -> i).sum();
                        ourCount = String.valueOf(ourMd5.values().stream().mapToInt(i -> i).sum());
                        same = ourMd5.equals(theirMd5) ? "yes" : "no";
                        if (ourMd5.equals(theirMd5)) cabSame++;
                        else failures.add(rel + ": cabextract of its cabinet streams gives " + theirMd5 + ", we wrote " + ourMd5);
                    } catch (IOException | RuntimeException e) {
                        same = "no";
                        note = e.toString();
                        failures.add(rel + ": extraction failed: " + e);
                    }
                    deleteTree(ours);
                }
            }
            if (theyOpen && (lower.endsWith(".msi") || lower.endsWith(".msm"))) {
                Path theirs = Files.createDirectories(tmp.resolve("theirs" + n));
                Tool.Result r = Tool.run(List.of("msiextract", "-C", theirs.toString(), p.getFileName().toString()), p.getParent(), Map.of(), 300);
                Map<String, Integer> theirMd5 = md5s(theirs);
                theirCount = r.exitCode() == 0 ? String.valueOf(theirMd5.values().stream().mapToInt(i -> i).sum()) : "fail";
                if (r.exitCode() == 0 && !theirMd5.isEmpty()) {
                    extractable++;
                    Path ours = tmp.resolve("ours" + n);
                    try (Database db = MsiReader.read(p)) {
                        new PackageExtractor(db, p, InstallLayout.Style.WINDOWS).extractTo(ours);
                        Map<String, Integer> ourMd5 = md5s(ours);
                        ourCount = String.valueOf(ourMd5.values().stream().mapToInt(i -> i).sum());
                        boolean ok = ourMd5.equals(theirMd5);
                        same = ok ? "yes" : "no";
                        if (ok) sameFiles++;
                        else failures.add(rel + ": msiextract wrote " + theirMd5 + ", we wrote " + ourMd5);
                    } catch (IOException | RuntimeException e) {
                        same = "no";
                        note = e.toString();
                        failures.add(rel + ": extraction failed: " + e);
                    }
                }
                deleteTree(theirs);
                deleteTree(tmp.resolve("ours" + n));
            }
            n++;
            report.append(String.join("\t", rel, theyOpen ? "1" : "0", weOpen ? "1" : "0", theirCount, ourCount, same, note.replace('\t', ' ').replace('\n', ' '))).append('\n');
        }
        String figures = "packages " + total + "; msitools opened " + msitoolsOpened + ", we opened " + weOpened + " (" + weOpenedOfTheirs
                + " of msitools' " + msitoolsOpened + "); msiextract extracted files from " + extractable + ", we wrote the same MD5s for " + sameFiles
                + "; merge modules and patches whose cabinet streams cabextract reads: " + cabOracle + ", the same MD5s for " + cabSame;
        report.append("# ").append(figures).append('\n');
        Path out = Path.of("target", "real-packages.tsv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(figures);
        failures.forEach(f -> System.out.println("  " + f));
        assertEquals(List.of(), failures, figures);
    }

    /** Opens the file as what its CLSID says it is, reading everything `sspr inspect` shows. */
    private static boolean open(Path p) throws IOException {
        String kind = MsiReader.kindOf(p);
        if ("transform".equals(kind)) {
            TransformContents.read(p);
            return true;
        }
        if ("patch".equals(kind)) {
            try (PatchReader patch = PatchReader.open(p)) {
                patch.cabinetStreams();
            }
            return true;
        }
        try (Database db = MsiReader.read(p)) {
            new InstallLayout(db).files();
            return true;
        }
    }

    /** The files of every cabinet stream (by the "MSCF" signature) as msiinfo streams/extract and cabextract give them. */
    private Map<String, Integer> cabinetStreamMd5s(Path p, int n) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        Tool.Result streams = Tool.run(List.of("msiinfo", "streams", p.toString()), p.getParent(), Map.of(), 60);
        if (streams.exitCode() != 0) return out;
        int k = 0;
        for (String stream : streams.stdout().split("\n")) {
            if (stream.isBlank() || stream.startsWith("\u0005")) continue;
            Path cab = tmp.resolve("stream" + n + "-" + k++ + ".cab");
            Tool.Result x = Tool.run(List.of("sh", "-c", "msiinfo extract \"$0\" \"$1\" > \"$2\"", p.toString(), stream, cab.toString()), p.getParent(), Map.of(), 60);
            byte[] head = x.exitCode() == 0 && Files.size(cab) >= 4 ? Arrays.copyOf(Files.readAllBytes(cab), 4) : new byte[0];
            if (head.length == 4 && head[0] == 'M' && head[1] == 'S' && head[2] == 'C' && head[3] == 'F') {
                Path dirOut = Files.createDirectories(tmp.resolve("cab" + n + "-" + k));
                if (Tool.run(List.of("cabextract", "-q", "-d", dirOut.toString(), cab.toString()), p.getParent(), Map.of(), 120).exitCode() == 0) {
                    md5s(dirOut).forEach((h, c) -> out.merge(h, c, Integer::sum));
                }
                deleteTree(dirOut);
            }
            Files.deleteIfExists(cab);
        }
        return out;
    }

    /** MD5 → how many files have it. */
    private static Map<String, Integer> md5s(Path root) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        if (!Files.isDirectory(root)) return out;
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            MessageDigest md = MessageDigest.getInstance("MD5");
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
            }
            out.merge(HexFormat.of().formatHex(md.digest()), 1, Integer::sum);
        }
        return out;
    }

    private static void deleteTree(Path d) throws IOException {
        if (!Files.exists(d)) return;
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
