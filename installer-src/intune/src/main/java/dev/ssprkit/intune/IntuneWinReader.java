package dev.ssprkit.intune;

import dev.ssprkit.common.AtomicFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads any {@code .intunewin} (ours or Microsoft's): the outer archive, Detection.xml, and the encrypted content,
 * which is authenticated (HMAC-SHA256 over IV and ciphertext, compared with the file's own MAC and Detection.xml's)
 * before a single byte is decrypted, then decrypted and checked against the SHA-256 file digest, then extracted —
 * names confined to the output folder, sizes and counts bounded. Nothing is left behind on failure.
 */
public final class IntuneWinReader implements Closeable {
    /** Reading limits for untrusted packages. */
    public record Limits(int maxOuterEntries, int maxInnerEntries, long maxExtractedBytes) {
        public static Limits defaults() {
            return new Limits(1_000, 100_000, 64L << 30);
        }
    }

    private static final int BUFFER = 1 << 20;

    private final Path file;
    private final Limits limits;
    private final ZipFile zip;
    private final ApplicationInfo info;
    private final ZipArchiveEntry content;

    private IntuneWinReader(Path file, Limits limits, ZipFile zip) throws IOException {
        this.file = file;
        this.limits = limits;
        this.zip = zip;
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        if (entries.size() > limits.maxOuterEntries()) throw new IntuneWinException(name(), "has " + entries.size() + " entries; a .intunewin has two");
        ZipArchiveEntry detection = zip.getEntry(ApplicationInfo.DETECTION_XML);
        if (detection == null) throw new IntuneWinException(name(), "has no " + ApplicationInfo.DETECTION_XML + "; is it a .intunewin?");
        if (detection.getSize() > DetectionXml.MAX_BYTES) {
            throw new IntuneWinException(name() + "!" + ApplicationInfo.DETECTION_XML, "is " + detection.getSize() + " bytes; too large for a Detection.xml");
        }
        byte[] xml;
        try (InputStream in = zip.getInputStream(detection)) {
            xml = in.readNBytes(DetectionXml.MAX_BYTES + 1);
        } catch (IOException | RuntimeException e) { // commons-compress reports corrupt data with either
            throw new IntuneWinException(name() + "!" + ApplicationInfo.DETECTION_XML, "cannot be read: " + e.getMessage(), e);
        }
        info = DetectionXml.read(xml, name() + "!" + ApplicationInfo.DETECTION_XML);
        content = zip.getEntry(ApplicationInfo.CONTENTS_DIR + info.fileName());
        if (content == null) throw new IntuneWinException(name(), "has no " + ApplicationInfo.CONTENTS_DIR + info.fileName() + " (named by Detection.xml)");
        long size = content.getSize();
        if (size < EncryptionInfo.HEADER + 16 || (size - EncryptionInfo.HEADER) % 16 != 0) {
            throw new IntuneWinException(contentName(), "is " + size + " bytes; the MAC, the IV and whole AES blocks make 48 + a multiple of 16");
        }
    }

    public static IntuneWinReader open(Path file) throws IOException {
        return open(file, Limits.defaults());
    }

    public static IntuneWinReader open(Path file, Limits limits) throws IOException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (java.nio.file.NoSuchFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // commons-compress reports corrupt archives with either
            throw new IntuneWinException(file.toString(), "is not a readable zip archive: " + e.getMessage(), e);
        }
        try {
            return new IntuneWinReader(file, limits, zip);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    public ApplicationInfo info() {
        return info;
    }

    /** The encrypted file's size (Graph's sizeEncrypted). */
    public long encryptedSize() {
        return content.getSize();
    }

    /**
     * Authenticates the encrypted content: the HMAC over IV and ciphertext must equal both the MAC stored in the file's
     * first 32 bytes and Detection.xml's {@code Mac}, and the file's IV must equal Detection.xml's.
     */
    public void verify() throws IOException {
        EncryptionInfo e = info.encryptionInfo();
        Mac mac = mac(e);
        byte[] head = new byte[EncryptionInfo.HEADER];
        try (InputStream in = zip.getInputStream(content)) {
            if (in.readNBytes(head, 0, head.length) != head.length) throw new IntuneWinException(contentName(), "ends inside its header");
            mac.update(head, 32, 16);
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) mac.update(buf, 0, n);
        } catch (IntuneWinException x) {
            throw x;
        } catch (IOException | RuntimeException x) {
            throw new IntuneWinException(contentName(), "cannot be read: " + x.getMessage(), x);
        }
        byte[] computed = mac.doFinal();
        if (!MessageDigest.isEqual(computed, Arrays.copyOf(head, 32)) || !MessageDigest.isEqual(computed, e.mac())) {
            throw new IntuneWinException(contentName(), "fails its HMAC-SHA256 check (tampered with, truncated, or not encrypted with this "
                    + "Detection.xml's MacKey); nothing was decrypted");
        }
        if (!MessageDigest.isEqual(Arrays.copyOfRange(head, 32, 48), e.iv())) {
            throw new IntuneWinException(contentName(), "its IV differs from Detection.xml's InitializationVector");
        }
    }

    /**
     * Verifies, then decrypts the inner package to {@code innerZip} (written atomically) and checks its SHA-256 against
     * Detection.xml's FileDigest.
     */
    public void decryptTo(Path innerZip) throws IOException {
        verify();
        EncryptionInfo e = info.encryptionInfo();
        AtomicFile.write(innerZip, tmp -> {
            MessageDigest sha = sha256();
            long plain = 0;
            try (InputStream in = zip.getInputStream(content); OutputStream out = AtomicFile.open(tmp)) {
                in.skipNBytes(EncryptionInfo.HEADER);
                Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(e.encryptionKey(), "AES"), new IvParameterSpec(e.iv()));
                byte[] buf = new byte[BUFFER];
                byte[] dec = new byte[BUFFER + 32];
                for (int n; (n = in.read(buf)) > 0; ) {
                    int m = c.update(buf, 0, n, dec, 0);
                    sha.update(dec, 0, m);
                    out.write(dec, 0, m);
                    plain += m;
                }
                int m = c.doFinal(dec, 0);
                sha.update(dec, 0, m);
                out.write(dec, 0, m);
                plain += m;
            } catch (GeneralSecurityException x) {
                throw new IntuneWinException(contentName(), "does not decrypt with Detection.xml's EncryptionKey: " + x.getMessage(), x);
            } catch (IntuneWinException x) {
                throw x;
            } catch (IOException | RuntimeException x) {
                if (x instanceof java.nio.file.FileSystemException) throw x; // our own output, not the package
                throw new IntuneWinException(contentName(), "cannot be read: " + x.getMessage(), x);
            }
            if (!MessageDigest.isEqual(sha.digest(), e.fileDigest())) {
                throw new IntuneWinException(contentName(), "decrypts to content whose SHA-256 differs from Detection.xml's FileDigest");
            }
            if (plain != info.unencryptedContentSize()) {
                throw new IntuneWinException(contentName(), "decrypts to " + plain + " bytes; Detection.xml's UnencryptedContentSize says "
                        + info.unencryptedContentSize());
            }
        });
    }

    /**
     * Verifies, decrypts and extracts the inner package's files into {@code out}, which must not exist or be empty; the
     * folder appears complete or not at all. Returns the files written, relative, in archive order.
     */
    public List<String> unpackTo(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) throw new IOException(target + " already exists and is not empty; choose a new folder");
            }
        }
        Files.createDirectories(target.getParent());
        Path inner = AtomicFile.tempBeside(target.resolveSibling(target.getFileName() + ".inner.zip"));
        Path work = Files.createDirectory(target.getParent().resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp"));
        boolean done = false;
        try {
            Files.delete(inner);
            decryptTo(inner);
            List<String> written = extract(inner, work);
            if (Files.exists(target)) Files.delete(target);
            Files.move(work, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return written;
        } finally {
            Files.deleteIfExists(inner);
            if (!done) deleteTree(work);
        }
    }

    private List<String> extract(Path innerZip, Path dir) throws IOException {
        String where = contentName() + " (decrypted)";
        List<String> written = new ArrayList<>();
        try (ZipFile z = ZipFile.builder().setPath(innerZip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(z.getEntries());
            if (entries.size() > limits.maxInnerEntries()) throw new IntuneWinException(where, "has " + entries.size() + " entries; the limit is " + limits.maxInnerEntries());
            long total = 0;
            byte[] buf = new byte[BUFFER];
            for (ZipArchiveEntry e : entries) {
                String name = e.getName();
                Path p = confined(dir, name, where);
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                    continue;
                }
                if (!z.canReadEntryData(e)) throw new IntuneWinException(where + "!" + name, "uses an unsupported compression method or encryption");
                Files.createDirectories(p.getParent());
                long declared = e.getSize();
                long n = 0;
                try (InputStream in = z.getInputStream(e); OutputStream o = Files.newOutputStream(p, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                    for (int r; (r = in.read(buf)) > 0; ) {
                        n += r;
                        total += r;
                        if (declared >= 0 && n > declared) throw new IntuneWinException(where + "!" + name, "holds more than its declared " + declared + " bytes");
                        if (total > limits.maxExtractedBytes()) {
                            throw new IntuneWinException(where, "extracts to more than " + limits.maxExtractedBytes() + " bytes; the limit stops here");
                        }
                        o.write(buf, 0, r);
                    }
                } catch (java.nio.file.FileAlreadyExistsException x) {
                    throw new IntuneWinException(where + "!" + name, "appears twice in the package");
                }
                written.add(dir.relativize(p).toString());
            }
        } catch (IntuneWinException | java.nio.file.FileSystemException x) {
            throw x;
        } catch (IOException | RuntimeException x) {
            throw new IntuneWinException(where, "is not a readable zip archive: " + x.getMessage(), x);
        }
        return written;
    }

    /** The path of an entry inside {@code dir}; names that are absolute, have a drive or climb out are refused. */
    static Path confined(Path dir, String name, String where) throws IntuneWinException {
        String n = name.replace('\\', '/');
        if (n.isEmpty() || n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':') || n.indexOf('\0') >= 0) {
            throw new IntuneWinException(where + "!" + name, "is an absolute path; package entries must be relative");
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) throw new IntuneWinException(where + "!" + name, "climbs out of the package (..)");
        }
        Path p = dir.resolve(n).normalize();
        if (!p.startsWith(dir) || p.equals(dir)) throw new IntuneWinException(where + "!" + name, "does not name a file inside the package");
        return p;
    }

    private Mac mac(EncryptionInfo e) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(e.macKey(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException x) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", x);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException x) {
            throw new IllegalStateException("the JDK lacks SHA-256", x);
        }
    }

    private String name() {
        return file.toString();
    }

    private String contentName() {
        return file + "!" + ApplicationInfo.CONTENTS_DIR + info.fileName();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
