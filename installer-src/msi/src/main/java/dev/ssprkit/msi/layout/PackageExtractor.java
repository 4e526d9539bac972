package dev.ssprkit.msi.layout;

import dev.ssprkit.cab.ByteArrayChannel;
import dev.ssprkit.cab.CabinetReader;
import dev.ssprkit.common.AtomicDirectory;
import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.ReadWarning;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Extracts a package's files into a folder laid out like the install ({@link InstallLayout}): the cabinets of every
 * Media row in DiskId order, embedded ({@code #stream}) or beside the package, and a merge module's
 * {@code MergeModule.CABinet}. The folder appears whole or not at all ({@link AtomicDirectory}): a bad cabinet found
 * halfway leaves it as it was. Nothing is written outside it.
 */
public final class PackageExtractor {
    /** The stream holding a merge module's files (it has no Media table). */
    public static final String MERGE_MODULE_CABINET = "MergeModule.CABinet";
    /** Largest embedded cabinet read into memory when the container cannot give a channel (mini-stream sized). */
    private static final long MAX_IN_MEMORY_CABINET = 64L << 20;

    /** What an extraction wrote (final paths, in extraction order) and what it read although it was wrong. */
    public record Extraction(List<Path> written, List<ReadWarning> warnings) {}

    /** Seen by tests: called after each file is written into the staging folder (to inject a fault halfway). */
    @FunctionalInterface
    public interface FileHook {
        void written(Path staged) throws IOException;
    }

    private final Database db;
    private final String packageName;
    private final Path packageDir;
    private final InstallLayout.Style style;
    private FileHook hook = p -> {};

    /**
     * @param packageFile the package's path: external cabinets are looked for beside it, and messages name it
     */
    public PackageExtractor(Database db, Path packageFile, InstallLayout.Style style) {
        this.db = db;
        Path abs = packageFile.toAbsolutePath();
        this.packageName = abs.getFileName().toString();
        this.packageDir = abs.getParent();
        this.style = style;
    }

    public PackageExtractor hook(FileHook hook) {
        this.hook = hook;
        return this;
    }

    /** The Windows layout, external cabinets beside {@code packageFile}; returns the paths written. */
    public static List<Path> extract(Database db, Path packageFile, Path outDir) throws IOException {
        return new PackageExtractor(db, packageFile, InstallLayout.Style.WINDOWS).extractTo(outDir).written();
    }

    public Extraction extractTo(Path outDir) throws IOException {
        InstallLayout layout = new InstallLayout(db, style);
        List<ReadWarning> warnings = new ArrayList<>(layout.warnings());
        List<String> relative = new ArrayList<>();
        Path root;
        try {
            root = populate(outDir, layout, warnings, relative);
        } catch (AtomicDirectory.UnsafeTargetException e) {
            throw new MsiException(packageName, e.getMessage(), e);
        }
        List<Path> written = new ArrayList<>();
        for (String rel : relative) written.add(root.resolve(rel));
        return new Extraction(written, warnings);
    }

    private Path populate(Path outDir, InstallLayout layout, List<ReadWarning> warnings, List<String> relative) throws IOException {
        return AtomicDirectory.populate(outDir, staging -> {
            Set<String> seen = new HashSet<>();
            List<Cabinet> cabs = cabinets();
            Set<Integer> done = new HashSet<>();
            for (int i = 0; i < cabs.size(); i++) {
                if (!done.add(i)) continue;
                List<Cabinet> chain = chain(cabs, i, done);
                String label = chain.size() == 1 ? chain.get(0).label() : chain.get(0).label() + " (continued in " + chain.subList(1, chain.size()).stream().map(Cabinet::name).toList() + ")";
                try (CabinetReader reader = openSet(chain)) {
                    for (String w : reader.warnings()) warnings.add(new ReadWarning(label, w, null));
                    extractCab(reader, label, layout.files(), staging, relative, seen);
                }
            }
        });
    }

    /** One cabinet to read: its name as Media gives it, its label for messages, and how to open it. */
    private record Cabinet(String name, String label, Opener opener) {
        SeekableByteChannel open() throws IOException {
            return opener.open();
        }
    }

    @FunctionalInterface
    private interface Opener {
        SeekableByteChannel open() throws IOException;
    }

    /**
     * Cabinet {@code first} and those that continue it (a file running from Disk1.cab into Disk2.cab): each next
     * cabinet is found by its szCabinetNext name among the Media rows' cabinets, else beside the package.
     */
    private List<Cabinet> chain(List<Cabinet> cabs, int first, Set<Integer> done) throws IOException {
        List<Cabinet> chain = new ArrayList<>(List.of(cabs.get(first)));
        String next = nextOf(cabs.get(first));
        while (next != null && chain.size() < CabinetReader.MAX_SET) {
            Cabinet found = null;
            for (int j = 0; j < cabs.size() && found == null; j++) {
                if (!done.contains(j) && cabs.get(j).name().equalsIgnoreCase(next)) {
                    found = cabs.get(j);
                    done.add(j);
                }
            }
            if (found == null) {
                Path beside = next.contains("/") || next.contains("\\") || next.equals("..") ? null : findBeside(next);
                if (beside == null) break; // the set's reader warns about the files it cannot finish
                String label = "cabinet " + beside.getFileName();
                found = new Cabinet(next, label, () -> Files.newByteChannel(beside));
            }
            chain.add(found);
            next = nextOf(found);
        }
        return chain;
    }

    private static String nextOf(Cabinet cab) throws IOException {
        try (CabinetReader r = CabinetReader.open(cab.open(), cab.label())) {
            return r.nextCabinet();
        }
    }

    private static CabinetReader openSet(List<Cabinet> chain) throws IOException {
        List<SeekableByteChannel> channels = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try {
            for (Cabinet c : chain) {
                channels.add(c.open());
                labels.add(c.label());
            }
            return CabinetReader.openSet(channels, labels);
        } catch (IOException | RuntimeException e) {
            for (SeekableByteChannel ch : channels) ch.close();
            throw e;
        }
    }

    private List<Cabinet> cabinets() throws IOException {
        List<Cabinet> out = new ArrayList<>();
        Table media = db.tableOrNull("Media");
        if (media == null) {
            StreamData moduleCab = db.streams().get(MERGE_MODULE_CABINET);
            if (moduleCab != null) out.add(embedded(MERGE_MODULE_CABINET, moduleCab, "stream " + MERGE_MODULE_CABINET));
            return out;
        }
        List<Row> rows = new ArrayList<>(media.rows());
        rows.sort(Comparator.comparing(r -> r.integer("DiskId"), Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Row m : rows) {
            String cabinet = m.string("Cabinet");
            if (cabinet == null) continue; // files of this disk are uncompressed beside the package: nothing to unpack
            if (cabinet.startsWith("#")) {
                String name = cabinet.substring(1);
                StreamData data = db.streams().get(name);
                if (data == null) {
                    throw new MsiException(packageName, "Media row " + m.integer("DiskId") + " names the embedded cabinet " + cabinet
                            + ", but the package has no stream " + name);
                }
                out.add(embedded(name, data, cabinet)); // named as Media names it: #cab1.cab
            } else {
                Path external = findBeside(cabinet);
                if (external == null) {
                    throw new MsiException(packageName, "Media row " + m.integer("DiskId") + " names the cabinet " + cabinet
                            + ", which is not beside the package in " + packageDir + "; put it there and extract again");
                }
                String label = "cabinet " + external.getFileName();
                out.add(new Cabinet(cabinet, label, () -> Files.newByteChannel(external)));
            }
        }
        return out;
    }

    private Cabinet embedded(String stream, StreamData data, String shownAs) {
        String label = packageName + " cabinet " + shownAs;
        return new Cabinet(stream, label, () -> {
            SeekableByteChannel channel = data.channel();
            if (channel != null) return channel; // read in place from the package's sectors
            if (data.size() > MAX_IN_MEMORY_CABINET) throw new MsiException(label, "is " + data.size() + " bytes, too large to read into memory");
            try (InputStream in = data.open()) {
                return new ByteArrayChannel(in.readNBytes((int) data.size()));
            }
        });
    }

    /** An external cabinet beside the package: the exact name, else the one name that matches ignoring case (Windows). */
    private Path findBeside(String cabinet) throws IOException {
        if (cabinet.contains("/") || cabinet.contains("\\") || cabinet.equals("..") || cabinet.contains("\0")) {
            throw new MsiException(packageName, "Media names the cabinet '" + cabinet + "', which is not a plain file name");
        }
        Path exact = packageDir.resolve(cabinet);
        if (Files.isRegularFile(exact)) return exact;
        try (Stream<Path> s = Files.list(packageDir)) {
            List<Path> match = s.filter(p -> p.getFileName().toString().equalsIgnoreCase(cabinet) && Files.isRegularFile(p)).toList();
            return match.size() == 1 ? match.get(0) : null;
        }
    }

    private void extractCab(CabinetReader reader, String label, Map<String, String> paths, Path root, List<String> relative,
                            Set<String> seen) throws IOException {
        Set<Path> made = new HashSet<>();
        byte[] buf = new byte[1 << 16];
        reader.extract((entry, content) -> {
            String rel = paths.get(entry.name());
            if (rel == null) return; // a cabinet entry no File row names
            Path target = root.resolve(rel).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new MsiException(label, "file " + entry.name() + " would be written outside the output folder (" + rel + ")");
            }
            Path parent = target.getParent();
            if (made.add(parent)) Files.createDirectories(parent); // the staging folder is ours: no links in it
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                for (int n; (n = content.readNBytes(buf, 0, buf.length)) > 0; ) out.write(buf, 0, n);
            }
            if (seen.add(rel)) relative.add(rel);
            hook.written(target);
        });
    }
}
