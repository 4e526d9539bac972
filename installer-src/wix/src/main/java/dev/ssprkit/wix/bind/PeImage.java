package dev.ssprkit.wix.bind;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The headers of a PE image (EXE/DLL) that the binder's readers start from, as the PE format lays them out:
 * IMAGE_DOS_HEADER e_lfanew → IMAGE_NT_HEADERS (the machine, PE32 or PE32+ optional header and its data directories)
 * → IMAGE_SECTION_HEADERs, which map an RVA to a file offset. Reads are little-endian and bounds-checked on the long
 * offset (a truncated or hostile file throws {@link IndexOutOfBoundsException}, never reads elsewhere).
 */
final class PeImage {
    /** The PE format's limit on sections. */
    private static final int MAX_SECTIONS = 96;

    private final ByteBuffer b;
    private final int machine;
    private final long dataDirectories;
    private final long directoryCount;
    /** Per section: virtual address, size in memory (the larger of virtual and raw size), file offset. */
    private final long[][] sections;

    private PeImage(ByteBuffer b, int machine, long dataDirectories, long directoryCount, long[][] sections) {
        this.b = b;
        this.machine = machine;
        this.dataDirectories = dataDirectories;
        this.directoryCount = directoryCount;
        this.sections = sections;
    }

    /** The image's headers, or null when it is not a PE image (no "MZ", no "PE\0\0", an unknown optional header). */
    static PeImage of(ByteBuffer image) {
        ByteBuffer b = image.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (u16(b, 0) != 0x5A4D) return null; // "MZ"
        long pe = u32(b, 0x3C); // e_lfanew
        if (u32(b, pe) != 0x00004550) return null; // "PE\0\0"
        long fileHeader = pe + 4;
        int machine = u16(b, fileHeader);
        int sectionCount = u16(b, fileHeader + 2);
        long optional = fileHeader + 20;
        int magic = u16(b, optional);
        long directories, count;
        if (magic == 0x10B) { // PE32
            count = u32(b, optional + 92);
            directories = optional + 96;
        } else if (magic == 0x20B) { // PE32+
            count = u32(b, optional + 108);
            directories = optional + 112;
        } else {
            return null;
        }
        if (sectionCount > MAX_SECTIONS) return null;
        long table = optional + u16(b, fileHeader + 16); // SizeOfOptionalHeader
        long[][] sections = new long[sectionCount][];
        for (int i = 0; i < sectionCount; i++) {
            long sh = table + 40L * i;
            sections[i] = new long[] {u32(b, sh + 12), Math.max(u32(b, sh + 8), u32(b, sh + 16)), u32(b, sh + 20)};
        }
        return new PeImage(b, machine, directories, count, sections);
    }

    /** IMAGE_FILE_HEADER.Machine. */
    int machine() {
        return machine;
    }

    /** The RVA of data directory {@code index} (2 resources, 14 the CLI header), or 0 when the image has none. */
    long directory(int index) {
        return index < directoryCount ? u32(dataDirectories + 8L * index) : 0;
    }

    /** The file offset of {@code rva}, or -1 when no section holds it. */
    long offset(long rva) {
        for (long[] s : sections) {
            if (rva >= s[0] && rva < s[0] + s[1]) return rva - s[0] + s[2];
        }
        return -1;
    }

    int u16(long off) {
        return u16(b, off);
    }

    long u32(long off) {
        return u32(b, off);
    }

    /** Throws unless {@code len} bytes from {@code off} are in the image. */
    void check(long off, long len) {
        check(b, off, len);
    }

    private static int u16(ByteBuffer b, long off) {
        check(b, off, 2);
        return b.getShort((int) off) & 0xFFFF;
    }

    private static long u32(ByteBuffer b, long off) {
        check(b, off, 4);
        return b.getInt((int) off) & 0xFFFFFFFFL;
    }

    private static void check(ByteBuffer b, long off, long len) {
        if (off < 0 || off + len > b.limit()) throw new IndexOutOfBoundsException("offset " + off);
    }
}
