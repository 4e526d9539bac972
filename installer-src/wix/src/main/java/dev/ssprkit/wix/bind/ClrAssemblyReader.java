package dev.ssprkit.wix.bind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The identity of a .NET assembly, read from its file's CLI metadata as ECMA-335 lays it out (Partition II: §24 the
 * metadata root and streams, §22 the tables, §23.1.16 the Assembly table): name, version, culture, the public key
 * token (the last 8 bytes of the SHA-1 of the public key, reversed) and the processor architecture the loader gives
 * it (MSIL for IL-only images that do not require 32 bits; otherwise the image's machine). Hand-written: no Java
 * library reads CLI metadata. Returns empty for anything that is not a readable .NET assembly.
 *
 * @param architecture null for a .NET 1.x assembly (metadata version v1.x), whose names carry none
 */
record ClrAssemblyReader(String name, String version, String culture, String publicKeyToken, String architecture) {
    static final int MAX_BYTES = 256 << 20;

    /** Tables before Assembly (0x20) whose row sizes decide where it starts. */
    private static final int ASSEMBLY = 0x20;

    static Optional<ClrAssemblyReader> read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) return Optional.empty();
            ByteBuffer b = ByteBuffer.wrap(dev.ssprkit.common.FileBytes.read(file)).order(ByteOrder.LITTLE_ENDIAN);
            return Optional.ofNullable(parse(b));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int u16(ByteBuffer b, long off) {
        return b.getShort(Math.toIntExact(off)) & 0xFFFF;
    }

    private static long u32(ByteBuffer b, long off) {
        return b.getInt(Math.toIntExact(off)) & 0xFFFFFFFFL;
    }

    private static ClrAssemblyReader parse(ByteBuffer b) {
        PeImage pe = PeImage.of(b);
        if (pe == null) return null;
        long cliRva = pe.directory(14); // IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR
        if (cliRva == 0) return null;
        long cli = offset(pe, cliRva);
        long flags = u32(b, cli + 16);
        long root = offset(pe, u32(b, cli + 8));
        if (u32(b, root) != 0x424A5342L) return null; // "BSJB"
        int versionLength = (int) u32(b, root + 12);
        if (versionLength > 255) return null; // II.24.2.1: at most 255 bytes
        String runtime = ascii(b, root + 16, versionLength);
        long p = root + 16 + versionLength + 2; // flags
        int streams = u16(b, p);
        p += 2;
        long tables = -1, strings = -1, blobs = -1;
        for (int i = 0; i < streams; i++) {
            long offset = root + u32(b, p);
            String name = ascii(b, p + 8, 32);
            if (name.equals("#~") || name.equals("#-")) tables = offset;
            else if (name.equals("#Strings")) strings = offset;
            else if (name.equals("#Blob")) blobs = offset;
            p += 8 + ((name.length() + 4) & ~3); // the name, zero-terminated, padded to 4
        }
        if (tables < 0 || strings < 0 || blobs < 0) return null;
        int heapSizes = b.get(Math.toIntExact(tables + 6)) & 0xFF;
        long valid = b.getLong(Math.toIntExact(tables + 8));
        long[] rows = new long[64];
        long r = tables + 24;
        for (int t = 0; t < 64; t++) {
            if ((valid & (1L << t)) != 0) {
                rows[t] = u32(b, r);
                r += 4;
            }
        }
        if (rows[ASSEMBLY] == 0) return null; // a module without an assembly manifest
        Sizes s = new Sizes(rows, (heapSizes & 1) != 0 ? 4 : 2, (heapSizes & 2) != 0 ? 4 : 2, (heapSizes & 4) != 0 ? 4 : 2);
        long at = r;
        for (int t = 0; t < ASSEMBLY; t++) at += rows[t] * s.rowSize(t);
        // Assembly: HashAlgId(4) Major Minor Build Revision (2 each) Flags(4) PublicKey(blob) Name(string) Culture(string)
        String version = u16(b, at + 4) + "." + u16(b, at + 6) + "." + u16(b, at + 8) + "." + u16(b, at + 10);
        long q = at + 16;
        long publicKey = index(b, q, s.blob);
        q += s.blob;
        long name = index(b, q, s.string);
        q += s.string;
        long culture = index(b, q, s.string);
        String token = token(blob(b, blobs + publicKey));
        String cultureName = string(b, strings + culture);
        String arch = runtime.startsWith("v1.") ? null : architecture(pe.machine(), flags);
        return new ClrAssemblyReader(string(b, strings + name), version, cultureName.isEmpty() ? "neutral" : cultureName, token, arch);
    }

    /** ECMA-335 II.25.3.3.1 COMIMAGE_FLAGS: ILONLY 0x1, 32BITREQUIRED 0x2, 32BITPREFERRED 0x20000. */
    private static String architecture(int machine, long flags) {
        boolean ilOnly = (flags & 0x1) != 0;
        boolean requires32 = (flags & 0x2) != 0 && (flags & 0x20000) == 0;
        if (ilOnly && machine == 0x14C) return requires32 ? "x86" : "MSIL";
        return switch (machine) {
            case 0x14C -> "x86";
            case 0x8664 -> "amd64";
            case 0x200 -> "ia64";
            case 0xAA64 -> "arm64";
            case 0x1C4 -> "arm";
            default -> "MSIL";
        };
    }

    private static String token(byte[] publicKey) {
        if (publicKey.length == 0) return null;
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(publicKey);
            byte[] t = new byte[8];
            for (int i = 0; i < 8; i++) t[i] = sha[sha.length - 1 - i];
            return HexFormat.of().withUpperCase().formatHex(t);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-1", e);
        }
    }

    /** A blob: its compressed length (II.23.2), then the bytes. */
    private static byte[] blob(ByteBuffer b, long off) {
        int first = b.get(Math.toIntExact(off)) & 0xFF;
        long len;
        long start;
        if ((first & 0x80) == 0) {
            len = first;
            start = off + 1;
        } else if ((first & 0xC0) == 0x80) {
            len = ((first & 0x3F) << 8) | (b.get(Math.toIntExact(off + 1)) & 0xFF);
            start = off + 2;
        } else {
            len = ((long) (first & 0x1F) << 24) | ((b.get(Math.toIntExact(off + 1)) & 0xFF) << 16)
                    | ((b.get(Math.toIntExact(off + 2)) & 0xFF) << 8) | (b.get(Math.toIntExact(off + 3)) & 0xFF);
            start = off + 4;
        }
        if (start + len > b.limit()) throw new IllegalArgumentException("a blob runs past the end of the file");
        byte[] out = new byte[Math.toIntExact(len)];
        b.get(Math.toIntExact(start), out);
        return out;
    }

    private static String string(ByteBuffer b, long off) {
        int end = Math.toIntExact(off);
        while (b.get(end) != 0) end++;
        byte[] bytes = new byte[end - Math.toIntExact(off)];
        b.get(Math.toIntExact(off), bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String ascii(ByteBuffer b, long off, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < max; i++) {
            int c = b.get(Math.toIntExact(off + i)) & 0xFF;
            if (c == 0) break;
            s.append((char) c);
        }
        return s.toString();
    }

    private static long index(ByteBuffer b, long off, int size) {
        return size == 2 ? u16(b, off) : u32(b, off);
    }

    private static long offset(PeImage pe, long rva) {
        long offset = pe.offset(rva);
        if (offset < 0) throw new IllegalArgumentException("RVA " + rva + " is in no section");
        return offset;
    }

    /** Row sizes of the metadata tables 0x00-0x1F (ECMA-335 II.22), from the row counts and heap index sizes. */
    private record Sizes(long[] rows, int string, int guid, int blob) {
        int table(int t) {
            return rows[t] < 0x10000 ? 2 : 4;
        }

        /** A coded index over {@code tables} (II.24.2.6): 2 bytes when every table fits in 16 - tag bits. */
        int coded(int tagBits, int... tables) {
            long max = 0;
            for (int t : tables) max = Math.max(max, t < 0 ? 0 : rows[t]);
            return max < (1L << (16 - tagBits)) ? 2 : 4;
        }

        int typeDefOrRef() {
            return coded(2, 0x02, 0x01, 0x1B);
        }

        int rowSize(int t) {
            return switch (t) {
                case 0x00 -> 2 + string + 3 * guid; // Module
                case 0x01 -> coded(2, 0x00, 0x1A, 0x23, 0x01) + 2 * string; // TypeRef
                case 0x02 -> 4 + 2 * string + typeDefOrRef() + table(0x04) + table(0x06); // TypeDef
                case 0x03 -> table(0x04); // FieldPtr
                case 0x04 -> 2 + string + blob; // Field
                case 0x05 -> table(0x06); // MethodPtr
                case 0x06 -> 4 + 2 + 2 + string + blob + table(0x08); // MethodDef
                case 0x07 -> table(0x08); // ParamPtr
                case 0x08 -> 2 + 2 + string; // Param
                case 0x09 -> table(0x02) + typeDefOrRef(); // InterfaceImpl
                case 0x0A -> coded(3, 0x02, 0x01, 0x1A, 0x06, 0x1B) + string + blob; // MemberRef
                case 0x0B -> 2 + coded(2, 0x04, 0x08, 0x17) + blob; // Constant
                case 0x0C -> coded(5, 0x06, 0x04, 0x01, 0x02, 0x08, 0x09, 0x0A, 0x00, 0x0E, 0x17, 0x14, 0x11, 0x1A, 0x1B,
                        0x20, 0x23, 0x26, 0x27, 0x28, 0x2A, 0x2C, 0x2B) + coded(3, 0x06, 0x0A) + blob; // CustomAttribute
                case 0x0D -> coded(1, 0x04, 0x08) + blob; // FieldMarshal
                case 0x0E -> 2 + coded(2, 0x02, 0x06, 0x20) + blob; // DeclSecurity
                case 0x0F -> 2 + 4 + table(0x02); // ClassLayout
                case 0x10 -> 4 + table(0x04); // FieldLayout
                case 0x11 -> blob; // StandAloneSig
                case 0x12 -> table(0x02) + table(0x14); // EventMap
                case 0x13 -> table(0x14); // EventPtr
                case 0x14 -> 2 + string + typeDefOrRef(); // Event
                case 0x15 -> table(0x02) + table(0x17); // PropertyMap
                case 0x16 -> table(0x17); // PropertyPtr
                case 0x17 -> 2 + string + blob; // Property
                case 0x18 -> 2 + table(0x06) + coded(1, 0x14, 0x17); // MethodSemantics
                case 0x19 -> table(0x02) + 2 * coded(1, 0x06, 0x0A); // MethodImpl
                case 0x1A -> string; // ModuleRef
                case 0x1B -> blob; // TypeSpec
                case 0x1C -> 2 + coded(1, 0x04, 0x06) + string + table(0x1A); // ImplMap
                case 0x1D -> 4 + table(0x04); // FieldRVA
                case 0x1E -> 8; // EncLog
                case 0x1F -> 4; // EncMap
                default -> throw new IllegalArgumentException("table " + t);
            };
        }
    }
}
