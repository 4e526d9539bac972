package dev.ssprkit.msi.layout;

import dev.ssprkit.cab.CabinetReader;
import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Extracts a package's files into a folder laid out like the install ({@link InstallLayout}), streaming every
 * cabinet (embedded {@code #stream} or a file beside the MSI) once. Nothing is written outside {@code outDir}.
 */
public final class PackageExtractor {
    private PackageExtractor() {}

    /** Returns the paths written. */
    public static List<Path> extract(Database db, Path msiDir, Path outDir) throws IOException {
        InstallLayout layout = new InstallLayout(db);
        Map<String, String> paths = layout.files();
        Path root = outDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<Path> written = new ArrayList<>();
        Table media = db.tableOrNull("Media");
        if (media == null) return written;
        for (Row m : media.rows()) {
            String cabinet = m.string("Cabinet");
            if (cabinet == null) continue;
            if (cabinet.startsWith("#")) {
                StreamData data = db.streams().get(cabinet.substring(1));
                if (data == null) throw new MsiException("table Media", "cabinet stream " + cabinet + " is not in the package");
                SeekableByteChannel channel = data.channel();
                if (channel != null) { // read in place from the package's sectors
                    CabinetReader reader;
                    try {
                        reader = CabinetReader.open(channel, "cabinet " + cabinet);
                    } catch (IOException | RuntimeException e) {
                        channel.close();
                        throw e;
                    }
                    try (reader) {
                        extractCab(reader, paths, root, written);
                    }
                    continue;
                }
                Path tmp = Files.createTempFile("ssprkit-cab-", ".cab");
                try {
                    try (InputStream in = data.open()) {
                        Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    try (CabinetReader reader = CabinetReader.open(tmp)) {
                        extractCab(reader, paths, root, written);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } else {
                Path external = msiDir.resolve(cabinet).normalize();
                if (!Files.isRegularFile(external)) throw new MsiException("table Media", "external cabinet " + cabinet + " is not beside the package in " + msiDir);
                try (CabinetReader r = CabinetReader.open(external)) {
                    extractCab(r, paths, root, written);
                }
            }
        }
        return written;
    }

    private static void extractCab(CabinetReader reader, Map<String, String> paths, Path root, List<Path> written) throws IOException {
        Set<Path> checkedDirs = new HashSet<>(); // folders created and found free of symbolic links
        byte[] buf = new byte[1 << 16];
        reader.extract((entry, content) -> {
            String rel = paths.get(entry.name());
            if (rel == null) return; // a cabinet entry no File row names
            Path target = root.resolve(rel).normalize();
            if (!target.startsWith(root)) throw new MsiException("layout", "file " + entry.name() + " would be written outside " + root);
            Path parent = target.getParent();
            if (!checkedDirs.contains(parent)) {
                Files.createDirectories(parent);
                for (Path p = parent; !p.equals(root); p = p.getParent()) {
                    if (Files.isSymbolicLink(p)) throw new MsiException("layout", "refusing to write through the symbolic link " + p);
                }
                checkedDirs.add(parent);
            }
            if (Files.isSymbolicLink(target)) Files.delete(target);
            try (OutputStream out = Files.newOutputStream(target)) {
                for (int n; (n = content.readNBytes(buf, 0, buf.length)) > 0; ) out.write(buf, 0, n);
            }
            written.add(target);
        });
    }
}
