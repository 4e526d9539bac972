package dev.ssprkit.intune;

import dev.ssprkit.common.AtomicFile;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@code .intunewin}: the source files zipped (the inner package) and encrypted as it is written
 * ({@link ContentEncryptor}) into a temporary file beside the output, then the outer archive — STORED entries
 * {@code IntuneWinPackage/Contents/IntunePackage.intunewin} and {@code IntuneWinPackage/Metadata/Detection.xml}, Zip64
 * where sizes or offsets pass 4 GiB. One pass over the source; memory stays flat in the package size (fixed
 * buffers). The output appears whole or not at all.
 */
public final class IntuneWinWriter {
    private static final int COPY_BUFFER = 1 << 20;

    /**
     * @param deflateLevel the inner package's compression (0-9; Microsoft's tool uses its "fastest" level, 1 here;
     *                     0 stores, useful for content that is compressed already)
     */
    public record Options(int deflateLevel, String toolVersion, SecureRandom random) {
        public Options {
            if (deflateLevel < 0 || deflateLevel > 9) throw new dev.ssprkit.common.InvalidValueException("the compression level is 0 to 9, not " + deflateLevel);
        }

        public static Options defaults() {
            return new Options(1, ApplicationInfo.TOOL_VERSION, new SecureRandom());
        }

        public Options withDeflateLevel(int level) {
            return new Options(level, toolVersion, random);
        }
    }

    /** What was written: the Detection.xml content and the encrypted file's size (Graph's sizeEncrypted). */
    public record Result(ApplicationInfo info, long encryptedSize, long outputSize, int files) {}

    private IntuneWinWriter() {}

    /**
     * @param setupFile the installer (an MSI gets its MsiInfo read); must be inside {@code source} when given
     * @param source    the folder whose files all go into the package, or null for the setup file alone
     */
    public static Result pack(Path setupFile, Path source, Path out, Options options) throws IOException {
        Path setup = setupFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(setup)) throw new java.nio.file.NoSuchFileException(setupFile.toString());
        Path root = source == null ? setup.getParent() : source.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new java.nio.file.NoSuchFileException(source == null ? root.toString() : source.toString());
        if (!setup.startsWith(root)) throw new dev.ssprkit.common.InvalidValueException("the setup file " + setupFile + " is not inside the source folder " + source);
        Path target = out.toAbsolutePath().normalize();
        if (source != null && target.startsWith(root)) {
            throw new dev.ssprkit.common.InvalidValueException("the output " + out + " is inside the source folder " + source + "; it would pack itself");
        }
        return pack(setup, root, source == null ? List.of(setup) : files(root), target, options);
    }

    /**
     * Packs exactly {@code files} (regular files under {@code root}, stored under their path relative to it); the
     * setup file must be one of them.
     */
    public static Result pack(Path setupFile, Path root, List<Path> files, Path out, Options options) throws IOException {
        Path setup = setupFile.toAbsolutePath().normalize();
        root = root.toAbsolutePath().normalize();
        Path target = out.toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>();
        for (Path f : files) {
            Path a = f.toAbsolutePath().normalize();
            if (!a.startsWith(root) || a.equals(root)) throw new dev.ssprkit.common.InvalidValueException(f + " is not inside " + root);
            if (!Files.isRegularFile(a, LinkOption.NOFOLLOW_LINKS)) throw new java.nio.file.NoSuchFileException(f.toString());
            all.add(a);
        }
        if (!all.contains(setup)) throw new dev.ssprkit.common.InvalidValueException("the setup file " + setupFile + " is not among the files to pack");
        MsiInfo msi = null;
        if (setup.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".msi")) {
            try (Database db = MsiReader.read(setup)) {
                msi = MsiInfo.of(db);
            }
        }
        String setupRelative = root.relativize(setup).toString().replace('/', '\\');
        MsiInfo msiInfo = msi;
        Path base = root;
        Result[] result = new Result[1];
        Files.createDirectories(target.getParent());
        Path encrypted = AtomicFile.tempBeside(target);
        try {
            EncryptionInfo enc;
            long plain, encSize;
            try (FileChannel ch = FileChannel.open(encrypted, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ContentEncryptor encryptor = new ContentEncryptor(ch, options.random());
                try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(encryptor.plaintext(), COPY_BUFFER))) {
                    zip.setLevel(options.deflateLevel());
                    byte[] buf = new byte[COPY_BUFFER];
                    for (Path f : all) {
                        ZipEntry e = new ZipEntry(base.relativize(f).toString().replace('\\', '/'));
                        e.setLastModifiedTime(Files.getLastModifiedTime(f));
                        zip.putNextEntry(e);
                        try (InputStream in = Files.newInputStream(f)) {
                            for (int n; (n = in.read(buf)) > 0; ) zip.write(buf, 0, n);
                        }
                        zip.closeEntry();
                    }
                }
                enc = encryptor.finish();
                plain = encryptor.plainBytes();
                encSize = encryptor.fileBytes();
            }
            ApplicationInfo info = new ApplicationInfo(options.toolVersion(), setup.getFileName().toString(), plain, ApplicationInfo.CONTENT_FILE,
                    setupRelative, enc, msiInfo);
            byte[] xml = DetectionXml.write(info);
            AtomicFile.write(target, tmp -> {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
                     ZipArchiveOutputStream zip = new ZipArchiveOutputStream(ch)) {
                    zip.setUseZip64(Zip64Mode.AsNeeded);
                    FileTime now = FileTime.fromMillis(System.currentTimeMillis());
                    ZipArchiveEntry content = new ZipArchiveEntry(ApplicationInfo.CONTENTS_DIR + ApplicationInfo.CONTENT_FILE);
                    content.setMethod(ZipEntry.STORED);
                    content.setSize(encSize);
                    content.setLastModifiedTime(now);
                    zip.putArchiveEntry(content);
                    try (InputStream in = Files.newInputStream(encrypted)) {
                        byte[] buf = new byte[COPY_BUFFER];
                        for (int n; (n = in.read(buf)) > 0; ) zip.write(buf, 0, n);
                    }
                    zip.closeArchiveEntry();
                    ZipArchiveEntry detection = new ZipArchiveEntry(ApplicationInfo.DETECTION_XML);
                    detection.setMethod(ZipEntry.STORED);
                    detection.setSize(xml.length);
                    detection.setLastModifiedTime(now);
                    zip.putArchiveEntry(detection);
                    zip.write(xml);
                    zip.closeArchiveEntry();
                    zip.finish();
                }
            });
            result[0] = new Result(info, encSize, Files.size(target), all.size());
        } finally {
            Files.deleteIfExists(encrypted);
        }
        return result[0];
    }

    /** Regular files under the folder, sorted by path; links and special files are refused (they would not pack as seen). */
    private static List<Path> files(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                if (p.equals(root)) continue;
                if (Files.isSymbolicLink(p)) throw new dev.ssprkit.common.InvalidValueException(p + " is a symbolic link; copy its target into the source folder instead");
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) throw new dev.ssprkit.common.InvalidValueException(p + " is not a regular file");
                out.add(p);
            }
        }
        if (out.isEmpty()) throw new dev.ssprkit.common.InvalidValueException("the source folder " + root + " holds no files");
        return out;
    }

}
