package dev.ssprkit.sign;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cheap questions about signatures, for writers that are about to replace or rewrite a file: a rewritten database
 * loses its signature (the signature covers every stream), so a writer overwriting a signed package should warn
 * and the build should sign again.
 */
public final class Signatures {
    static final String DIGITAL_SIGNATURE = "\u0005DigitalSignature";
    private static final String SCRIPT_SIGNATURE_START = "# SIG # Begin signature block";

    private Signatures() {}

    /**
     * True when the file carries an Authenticode signature (valid or not): a compound file with a
     * {@code \005DigitalSignature} stream, or a PowerShell script with a signature block. False for missing files.
     */
    public static boolean isSigned(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return false;
        if (SignableFormat.isCompoundFile(file)) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                return fs.getRoot().hasEntry(DIGITAL_SIGNATURE);
            } catch (RuntimeException e) {
                throw new IOException(file.getFileName() + ": compound file format error", e);
            }
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".ps1") || name.endsWith(".psm1") || name.endsWith(".psd1")) {
            byte[] bytes = dev.ssprkit.common.FileBytes.read(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (!text.contains(SCRIPT_SIGNATURE_START)) text = new String(bytes, StandardCharsets.UTF_16LE);
            return text.contains(SCRIPT_SIGNATURE_START);
        }
        return false;
    }

    /** True when a compound file has the extended ({@code \005MsiDigitalSignatureEx}) signature stream. */
    static boolean hasExtendedSignature(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry(Signer.MSI_DIGITAL_SIGNATURE_EX);
        } catch (RuntimeException e) {
            throw new IOException(file.getFileName() + ": compound file format error", e);
        }
    }
}
