package dev.ssprkit.bench;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.DirectorySpec;
import dev.ssprkit.builder.FeatureSpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.Platform;
import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.cab.Compression;
import dev.ssprkit.cab.CompressionLevel;
import dev.ssprkit.msi.WriteOptions;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the benchmark's {@code .wxs} (make-payload.py's subset of WiX v3: Product, Package, Media, nested Directory,
 * Component with one File, Feature with ComponentRef) through {@link PackageBuilder}. A stand-in until
 * {@code sspr build} exists; bench/run.sh calls it through one variable.
 *
 * <pre>java -jar bench/target/bench-build.jar [-t THREADS] [-c none|low|medium|high] [-z none|low|medium|high|mszip] -o OUT.msi IN.wxs</pre>
 *
 * {@code -c} is the effort ({@link CompressionLevel}); {@code -z} WiX's {@code CompressionLevel} (method and LZX
 * window, {@link dev.ssprkit.cab.WixCompressionLevel}), as {@code sspr build --compression} will apply it.
 */
public final class BenchBuild {
    private BenchBuild() {}

    public static void main(String[] args) throws Exception {
        Path out = null, wxs = null;
        boolean verbose = false;
        CabOptions.Builder cab = CabOptions.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-o" -> out = Path.of(args[++i]);
                case "-t" -> cab.threads(Integer.parseInt(args[++i]));
                case "-c" -> {
                    String level = args[++i].toUpperCase(Locale.ROOT);
                    if (level.equals("NONE")) cab.compression(Compression.NONE);
                    else cab.level(CompressionLevel.valueOf(level));
                }
                case "-z" -> {
                    String level = args[++i];
                    dev.ssprkit.cab.WixCompressionLevel.parse(level)
                            .orElseThrow(() -> new IllegalArgumentException("-z: " + dev.ssprkit.cab.WixCompressionLevel.accepted()))
                            .applyTo(cab);
                }
                case "-v" -> verbose = true; // prints the time of each step
                case "-a" -> i++; // architecture: the .wxs says x64 already
                default -> wxs = Path.of(args[i]);
            }
        }
        if (out == null || wxs == null) {
            System.err.println("usage: bench-build [-t THREADS] [-c none|low|medium|high] -o OUT.msi IN.wxs");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        PackageBuilder pkg = read(wxs);
        pkg.cabinetOptions(cab.build());
        if (!verbose) {
            pkg.write(out, WriteOptions.defaults());
            return;
        }
        // the same steps as PackageBuilder.write, timed
        long t1 = System.nanoTime();
        Path work = Files.createTempDirectory("bench-");
        WriteOptions options = WriteOptions.defaults();
        dev.ssprkit.msi.model.Database db = pkg.build(work.resolve("product.cab"), options);
        long t2 = System.nanoTime();
        new dev.ssprkit.msi.MsiWriter(options).writeTo(db, out);
        long t3 = System.nanoTime();
        Files.delete(work.resolve("product.cab"));
        Files.delete(work);
        System.err.printf("jvm start %d ms, read wxs %d ms, tables+cabinet %d ms, msi %d ms%n",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - t0) / 1_000_000,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    static PackageBuilder read(Path wxs) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        PackageBuilder pkg = null;
        Deque<DirectorySpec> dirs = new ArrayDeque<>();
        Map<String, ComponentSpec> components = new HashMap<>();
        ComponentSpec component = null;
        FeatureSpec feature = null;
        try (InputStream in = Files.newInputStream(wxs)) {
            XMLStreamReader x = f.createXMLStreamReader(in);
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("Directory")) dirs.pop();
                if (ev != XMLStreamConstants.START_ELEMENT) continue;
                switch (x.getLocalName()) {
                    case "Product" -> {
                        pkg = PackageBuilder.product(a(x, "Name"), a(x, "Manufacturer"), a(x, "Version"), a(x, "UpgradeCode"));
                        if (a(x, "Language") != null) pkg.language(Integer.parseInt(a(x, "Language")));
                    }
                    case "Package" -> {
                        if ("x64".equals(a(x, "Platform"))) pkg.platform(Platform.X64);
                        if (a(x, "InstallerVersion") != null) pkg.installerVersion(Integer.parseInt(a(x, "InstallerVersion")));
                    }
                    case "Media" -> pkg.cabinet(a(x, "Cabinet"));
                    case "Directory" -> {
                        String id = a(x, "Id"), name = a(x, "Name");
                        DirectorySpec d = dirs.isEmpty() ? pkg.targetDir()
                                : name == null ? pkg.standardDirectory(id) : dirs.peek().subdirectory(id, name);
                        dirs.push(d);
                    }
                    case "Component" -> {
                        component = pkg.component(a(x, "Id"), dirs.peek());
                        if (a(x, "Guid") != null) component.guid(a(x, "Guid"));
                        components.put(a(x, "Id"), component);
                    }
                    case "File" -> {
                        Path source = Path.of(a(x, "Source"));
                        String name = a(x, "Name") != null ? a(x, "Name") : source.getFileName().toString();
                        component.file(a(x, "Id"), source, name);
                    }
                    case "Feature" -> feature = pkg.feature(a(x, "Id"), a(x, "Title") != null ? a(x, "Title") : a(x, "Id"));
                    case "ComponentRef" -> feature.add(components.get(a(x, "Id")));
                    default -> { }
                }
            }
        }
        return pkg;
    }

    private static String a(XMLStreamReader x, String name) {
        return x.getAttributeValue(null, name);
    }
}
