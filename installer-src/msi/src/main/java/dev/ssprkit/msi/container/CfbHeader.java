package dev.ssprkit.msi.container;

import dev.ssprkit.msi.MsiException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a compound file's header ([MS-CFB] §2.2) and size before POI sees it. POI ignores several fields (mini
 * sector shift, mini stream cutoff), which would silently misread a damaged file; libgsf (msitools) refuses such
 * files, and so do we. A file whose length is not a whole number of sectors is read (the missing tail of the last
 * sector counts as zeros, as POI and libgsf read it and as Windows installs such packages) with a warning.
 */
final class CfbHeader {
    private static final long SIGNATURE = 0xE11AB1A1E011CFD0L;

    private CfbHeader() {}

    /** Returns the warnings (empty for a well-formed file); throws for a file we cannot read. */
    static java.util.List<String> check(Path file, String label) throws IOException {
        long size = Files.size(file);
        if (size == 0) throw new MsiException(label, "not a readable compound file (OLE/CFB): the file is empty");
        if (size < 512) throw new MsiException(label, "not a readable compound file (OLE/CFB): " + size + " bytes, shorter than the 512-byte header");
        byte[] h = new byte[512];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(h, 0, 512) != 512) throw new MsiException(label, "not a readable compound file (OLE/CFB): the header cannot be read");
        }
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getLong(0) != SIGNATURE) throw new MsiException(label, "not a readable compound file (OLE/CFB): no compound-file signature");
        int major = b.getShort(0x1A) & 0xFFFF, shift = b.getShort(0x1E) & 0xFFFF;
        if ((b.getShort(0x1C) & 0xFFFF) != 0xFFFE) bad(label, "byte order mark is not 0xFFFE");
        if (major != 3 && major != 4) bad(label, "major version " + major + " (3 or 4 expected)");
        if (shift != (major == 3 ? 9 : 12)) bad(label, "sector shift " + shift + " in a version " + major + " file (" + (major == 3 ? 9 : 12) + " expected)");
        if ((b.getShort(0x20) & 0xFFFF) != 6) bad(label, "mini sector shift " + (b.getShort(0x20) & 0xFFFF) + " (6 expected)");
        if (b.getInt(0x38) != 4096) bad(label, "mini stream cutoff " + Integer.toUnsignedString(b.getInt(0x38)) + " (4096 expected)");
        long sectorSize = 1L << shift;
        java.util.List<String> warnings = new java.util.ArrayList<>();
        if (size % sectorSize != 0) {
            warnings.add("the file is " + size + " bytes, not a whole number of " + sectorSize + "-byte sectors; the last "
                    + (sectorSize - size % sectorSize) + " bytes of the last sector are read as zeros (as Windows does)");
        }
        long sectors = sectorsOf(size, sectorSize);
        count(label, "FAT sector count", b.getInt(0x2C), sectors);
        count(label, "DIFAT sector count", b.getInt(0x48), sectors);
        count(label, "mini FAT sector count", b.getInt(0x40), sectors);
        if (b.getInt(0x2C) == 0) bad(label, "FAT sector count 0");
        return warnings;
    }

    /** Sectors after the header, counting a short last sector. */
    static long sectorsOf(long fileSize, long sectorSize) {
        return (fileSize + sectorSize - 1) / sectorSize - 1;
    }

    private static void count(String label, String what, int n, long sectors) throws MsiException {
        if (n < 0 || n > sectors) bad(label, what + " " + Integer.toUnsignedString(n) + " but the file has only " + sectors + " sectors (truncated?)");
    }

    private static void bad(String label, String what) throws MsiException {
        throw new MsiException(label, "corrupt compound-file header: " + what);
    }
}
