package dev.ssprkit.sign;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.DirectorySpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.Platform;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.container.MsiClsids;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Packages, transforms and scripts to sign. */
final class TestFiles {
    static final String UPGRADE = "{3E1A6C2D-7B4F-4E8A-9C0D-2F5B8A1E6D34}";

    private TestFiles() {}

    /** A small x64 product: one file, one registry value, one feature. */
    static Path msi(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path payload = dir.resolve(name + "-readme.txt");
        Files.writeString(payload, "signed payload of " + name + "\r\n".repeat(50));
        PackageBuilder pkg = PackageBuilder.product("Signed " + name, "ssprkit tests", "1.0.0", UPGRADE).platform(Platform.X64);
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "ssprkit Signed " + name);
        ComponentSpec main = pkg.component("Main", app);
        main.file(payload, "readme.txt");
        main.registry(RegistryRoot.HKLM, "Software\\ssprkit\\Signed", "Version", RegistryData.string("1.0.0"));
        pkg.feature("Complete", "Everything").add(main);
        Path msi = dir.resolve(name + ".msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));
        return msi;
    }

    /**
     * A compound file with the transform CLSID. It is an MSI's storage relabelled, not a real transform
     * (nothing here generates transforms yet), but to a signer a transform is exactly that: streams plus a CLSID.
     */
    static Path transform(Path dir) throws Exception {
        Path mst = dir.resolve("patch.mst");
        Files.copy(msi(dir, "for-transform"), mst);
        try (POIFSFileSystem fs = new POIFSFileSystem(mst.toFile(), false)) {
            fs.getRoot().setStorageClsid(new ClassID(MsiClsids.TRANSFORM));
            fs.writeFilesystem();
        }
        return mst;
    }

    static Path script(Path dir) throws Exception {
        Path ps1 = dir.resolve("configure.ps1");
        Files.writeString(ps1, "param([string]$Name = 'world')\r\nWrite-Output \"Hello, $Name\"\r\n", StandardCharsets.UTF_8);
        return ps1;
    }

    /** Flips one byte in the middle of the largest non-signature stream, writing the file back through POI. */
    static String tamperLargestStream(Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), false)) {
            org.apache.poi.poifs.filesystem.DirectoryNode root = fs.getRoot();
            DocumentEntry largest = null;
            for (Entry e : root) {
                if (e instanceof DocumentEntry d && !d.getName().startsWith("\u0005")
                        && (largest == null || d.getSize() > largest.getSize())) largest = d;
            }
            byte[] bytes;
            try (DocumentInputStream in = new DocumentInputStream(largest)) {
                bytes = in.readAllBytes();
            }
            bytes[bytes.length / 2] ^= 0x5A;
            root.createOrUpdateDocument(largest.getName(), new ByteArrayInputStream(bytes));
            fs.writeFilesystem();
            return largest.getName();
        }
    }
}
