package dev.ssprkit.intune;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made packages for the bad-input tests: any inner zip, properly encrypted, with an editable Detection.xml. */
final class Crafted {
    private Crafted() {}

    /** A zip of the given entries (name → bytes), as java.util.zip writes it. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    /**
     * A .intunewin whose content is {@code inner} encrypted with fresh keys, its Detection.xml passed through
     * {@code xmlEdit} and its encrypted bytes through {@code contentEdit}.
     */
    static Path intunewin(Path out, byte[] inner, UnaryOperator<String> xmlEdit, UnaryOperator<byte[]> contentEdit) throws IOException {
        Path enc = Files.createTempFile(out.getParent(), "enc", ".bin");
        EncryptionInfo info;
        try (FileChannel ch = FileChannel.open(enc, StandardOpenOption.WRITE)) {
            ContentEncryptor e = new ContentEncryptor(ch, new SecureRandom());
            e.plaintext().write(inner);
            info = e.finish();
        }
        byte[] content = contentEdit.apply(Files.readAllBytes(enc));
        Files.delete(enc);
        ApplicationInfo a = new ApplicationInfo(ApplicationInfo.TOOL_VERSION, "setup.exe", inner.length, ApplicationInfo.CONTENT_FILE, "setup.exe", info, null);
        byte[] xml = xmlEdit.apply(new String(DetectionXml.write(a), java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
            z.putArchiveEntry(new ZipArchiveEntry(ApplicationInfo.CONTENTS_DIR + ApplicationInfo.CONTENT_FILE));
            z.write(content);
            z.closeArchiveEntry();
            z.putArchiveEntry(new ZipArchiveEntry(ApplicationInfo.DETECTION_XML));
            z.write(xml);
            z.closeArchiveEntry();
        }
        return out;
    }
}
