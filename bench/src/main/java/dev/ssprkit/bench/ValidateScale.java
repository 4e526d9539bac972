package dev.ssprkit.bench;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.validate.Finding;
import dev.ssprkit.validate.Validator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How ICE validation grows with the package: synthetic databases of N components, each with one file and one
 * registry value (its key path the file), in folders of ten, in features of 1,000, are validated seven times each, after ten warm-up runs.
 * Time is the process's CPU time (validation, garbage collection and JIT together), which other work on a shared
 * machine disturbs far less than wall time; the fastest and the median run are printed, and
 * time(largest)/time(smallest) of the fastest runs. Wall times are printed too. Validation that looks rows up by scanning grows with N²
 * (100× from 10k to 100k); with indexes it should stay near 10×. On demand only (bench/validate-scale.sh), not a
 * timed test.
 *
 * <pre>java -cp bench/target/bench-build.jar dev.ssprkit.bench.ValidateScale [N...]   (default 10000 100000)</pre>
 */
public final class ValidateScale {
    private ValidateScale() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        // warm-up (class loading, JIT) on the smallest size, not counted
        Database warm = database(sizes[0]);
        for (int i = 0; i < 10; i++) Validator.validate(warm);
        double[] best = new double[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            Database db = database(sizes[k]);
            List<Double> times = new ArrayList<>(), walls = new ArrayList<>();
            int findings = 0;
            for (int run = 0; run < 7; run++) {
                long c0 = cpu(), t0 = System.nanoTime();
                List<Finding> f = Validator.validate(db);
                walls.add((System.nanoTime() - t0) / 1e9);
                times.add((cpu() - c0) / 1e9);
                findings = f.size();
            }
            List<Double> sorted = new ArrayList<>(times);
            sorted.sort(null);
            best[k] = sorted.get(0);
            System.out.printf(Locale.ROOT, "%,9d components/files/registry values: CPU fastest %.3f s, median %.3f s (runs %s; wall %s), %d findings%n",
                    sizes[k], best[k], sorted.get(3), seconds(times), seconds(walls), findings);
        }
        if (sizes.length > 1) {
            System.out.printf(Locale.ROOT, "time(%,d)/time(%,d) = %.1f (size ratio %.0f)%n", sizes[sizes.length - 1], sizes[0],
                    best[sizes.length - 1] / best[0], (double) sizes[sizes.length - 1] / sizes[0]);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static List<String> seconds(List<Double> times) {
        return times.stream().map(t -> String.format(Locale.ROOT, "%.3f", t)).toList();
    }

    /** A product with {@code n} components, files and registry values that validates without errors. */
    static Database database(int n) {
        Database db = new Database();
        Table property = db.table("Property");
        property.add("ProductCode", "{6F0E7A39-2D0C-4D8E-9E1B-8A9B0C1D2E3F}");
        property.add("ProductName", "Validate Scale");
        property.add("ProductVersion", "1.0.0");
        property.add("ProductLanguage", "1033");
        property.add("Manufacturer", "ssprkit bench");
        property.add("UpgradeCode", "{0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}");
        property.add("ALLUSERS", "1");
        Table dir = db.table("Directory");
        dir.add("TARGETDIR", null, "SourceDir");
        dir.add("ProgramFilesFolder", "TARGETDIR", ".");
        dir.add("INSTALLDIR", "ProgramFilesFolder", "Scale");
        Table component = db.table("Component"), file = db.table("File"), registry = db.table("Registry");
        Table feature = db.table("Feature"), featureComponents = db.table("FeatureComponents");
        for (int i = 0; i < n; i++) {
            String d = "D" + (i / 10);
            if (i % 10 == 0) dir.add(d, "INSTALLDIR", "d" + (i / 10));
            if (i % 1000 == 0) feature.add("F" + (i / 1000), null, "Feature " + (i / 1000), null, 1, 1, null, 0);
            String c = "C" + i, f = "f" + i;
            component.add(c, guid(i), d, 0, null, f);
            file.add(f, c, "F" + i + ".TXT|file" + i + ".txt", 100, null, null, 0, i + 1);
            registry.add("r" + i, 2, "Software\\Scale\\C" + i, "Installed", "1", c);
            featureComponents.add("F" + (i / 1000), c);
        }
        db.table("Media").add(1, n, null, "#scale.cab", null, null);
        return db;
    }

    private static String guid(int i) {
        return String.format(Locale.ROOT, "{%08X-0000-4000-8000-%012X}", i, (long) i * 7919);
    }
}
