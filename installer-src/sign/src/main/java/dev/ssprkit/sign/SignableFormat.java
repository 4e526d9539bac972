package dev.ssprkit.sign;

import dev.ssprkit.common.ErrorKind;
import net.jsign.Signable;
import net.jsign.msi.MSIFile;
import net.jsign.script.PowerShellScript;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The file formats this module signs, and the jsign {@link Signable} for each. Compound files (installation
 * databases, transforms, patches, merge modules) are recognised by their header, not their extension: jsign's
 * {@link MSIFile} hashes any compound file the way the MSI SIP does (every stream, sorted by encoded name, then the
 * root CLSID), so a transform's own CLSID is covered by its signature.
 */
public enum SignableFormat {
    /** An installation database (.msi), merge module (.msm) or patch (.msp). */
    INSTALLER_DATABASE,
    /** A transform (.mst): also a compound file, signed the same way. */
    TRANSFORM,
    /** A PowerShell script or module (.ps1, .psm1, .psd1). */
    POWERSHELL;

    private static final long CFB_MAGIC = 0xD0CF11E0A1B11AE1L;

    /** Decides from the header (compound file) and extension (scripts). */
    public static SignableFormat of(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isCompoundFile(file)) return name.endsWith(".mst") ? TRANSFORM : INSTALLER_DATABASE;
        if (name.endsWith(".ps1") || name.endsWith(".psm1") || name.endsWith(".psd1")) return POWERSHELL;
        throw new SigningException(ErrorKind.BAD_INPUT, file.getFileName() + ": not a compound file (.msi/.mst/.msp/.msm) or a PowerShell script (.ps1/.psm1/.psd1)");
    }

    static boolean isCompoundFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(8);
            if (b.length < 8) return false;
            long v = 0;
            for (byte x : b) v = (v << 8) | (x & 0xFF);
            return v == CFB_MAGIC;
        }
    }

    /**
     * Opens the file for jsign. Scripts without a byte-order mark are read as UTF-8 (what PowerShell 7 assumes;
     * Windows PowerShell 5.1 assumes the ANSI codepage, so give non-ASCII scripts a BOM).
     */
    Signable open(Path file) throws IOException {
        return switch (this) {
            case INSTALLER_DATABASE, TRANSFORM -> new MSIFile(file.toFile());
            case POWERSHELL -> new PowerShellScript(file.toFile(), scriptCharset());
        };
    }

    static Charset scriptCharset() {
        return StandardCharsets.UTF_8;
    }
}
