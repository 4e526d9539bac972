package dev.ssprkit.ca;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a PE DLL exports, read from its export directory (Microsoft PE/COFF specification: DOS header
 * {@code e_lfanew}, COFF file header, optional header {@code DataDirectory[0]}, section table, export directory
 * {@code NumberOfNames}/{@code AddressOfNames}). The set of entry points the compiler accepts comes from the very bytes
 * it puts into the package. Every offset is checked before it is read: a damaged file is an {@link IllegalStateException}.
 */
public final class PeExports {
    /** IMAGE_FILE_MACHINE_I386 and IMAGE_FILE_MACHINE_AMD64. */
    public static final int MACHINE_I386 = 0x14c;
    public static final int MACHINE_AMD64 = 0x8664;
    /** IMAGE_FILE_MACHINE_ARM64. */
    public static final int MACHINE_ARM64 = 0xAA64;

    private static final int MAX_NAMES = 4096;
    private static final int MAX_NAME_LENGTH = 512;

    private final ByteBuffer pe;
    private final int machine;
    private final int sectionTable;
    private final int sectionCount;
    private final Set<String> names;

    private PeExports(byte[] bytes) {
        pe = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (u16(0) != 0x5A4D) throw bad("no MZ signature");
        int header = u32(0x3C);
        if (u32(header) != 0x00004550) throw bad("no PE signature at " + header);
        int coff = header + 4;
        machine = u16(coff);
        int sections = u16(coff + 2);
        int optionalSize = u16(coff + 16);
        int optional = coff + 20;
        int magic = u16(optional);
        int directories = switch (magic) {
            case 0x10b -> optional + 96;
            case 0x20b -> optional + 112;
            default -> throw bad("unknown optional header magic 0x" + Integer.toHexString(magic));
        };
        int directoryCount = u32(directories - 4);
        this.sectionTable = optional + optionalSize;
        this.sectionCount = sections;
        Set<String> found = new TreeSet<>();
        if (directoryCount > 0) {
            int exportRva = u32(directories);
            if (exportRva != 0) {
                int dir = offsetOf(exportRva);
                int count = u32(dir + 24);
                if (count < 0 || count > MAX_NAMES) throw bad("export name count " + count);
                int namesAt = offsetOf(u32(dir + 32));
                for (int i = 0; i < count; i++) found.add(cString(offsetOf(u32(namesAt + 4 * i))));
            }
        }
        names = Set.copyOf(found);
    }

    /** Parses a DLL's bytes. */
    public static PeExports of(byte[] dll) {
        return new PeExports(dll);
    }

    public Set<String> names() {
        return names;
    }

    /** The COFF header's Machine field. */
    public int machine() {
        return machine;
    }

    private int offsetOf(int rva) {
        for (int i = 0; i < sectionCount; i++) {
            int s = sectionTable + 40 * i;
            int virtualSize = u32(s + 8), virtualAddress = u32(s + 12), rawSize = u32(s + 16), rawPointer = u32(s + 20);
            int span = Math.max(virtualSize, rawSize);
            if (Integer.compareUnsigned(rva, virtualAddress) >= 0 && Integer.compareUnsigned(rva - virtualAddress, span) < 0) {
                int off = rawPointer + (rva - virtualAddress);
                if (off < 0 || off >= pe.limit()) throw bad("RVA 0x" + Integer.toHexString(rva) + " lies outside the file");
                return off;
            }
        }
        throw bad("RVA 0x" + Integer.toHexString(rva) + " is in no section");
    }

    private String cString(int at) {
        int end = at;
        while (true) {
            if (end >= pe.limit() || end - at > MAX_NAME_LENGTH) throw bad("unterminated export name at " + at);
            if (pe.get(end) == 0) break;
            end++;
        }
        byte[] b = new byte[end - at];
        pe.get(at, b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private int u16(int at) {
        check(at, 2);
        return pe.getShort(at) & 0xFFFF;
    }

    private int u32(int at) {
        check(at, 4);
        return pe.getInt(at);
    }

    private void check(int at, int size) {
        if (at < 0 || at > pe.limit() - size) throw bad("read of " + size + " bytes at " + at + " is outside the file (" + pe.limit() + " bytes)");
    }

    private static IllegalStateException bad(String why) {
        return new IllegalStateException("not a readable PE DLL: " + why);
    }
}
