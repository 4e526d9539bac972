package dev.ssprkit.wix.bind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads the file version and language of a PE image (EXE/DLL) the way the File table wants them: the headers
 * ({@link PeImage}) → the resource data directory → RT_VERSION (16) → the first name → the first language
 * → VS_VERSIONINFO, whose VS_FIXEDFILEINFO gives dwFileVersionMS/LS and whose VarFileInfo\Translation gives the first
 * language. Every offset is bounds-checked and only the first {@link #MAX_BYTES} of the file are read: garbage gives
 * {@link Optional#empty()}, never an exception.
 */
public final class PeVersionReader {
    /** The version and the decimal language id ("0" when the resource names none). */
    public record PeVersion(String version, String language) {}

    static final int MAX_BYTES = 64 << 20;
    private static final int RT_VERSION = 16;
    private static final long VS_FFI_SIGNATURE = 0xFEEF04BDL;

    private final PeImage pe;

    private PeVersionReader(PeImage pe) {
        this.pe = pe;
    }

    public static Optional<PeVersion> read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = Math.min(ch.size(), MAX_BYTES);
            if (size < 64) return Optional.empty();
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) > 0) { }
            buf.flip();
            return read(buf);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<PeVersion> read(ByteBuffer image) {
        try {
            PeImage pe = PeImage.of(image);
            return pe == null ? Optional.empty() : Optional.ofNullable(new PeVersionReader(pe).parse());
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private int u16(long off) {
        return pe.u16(off);
    }

    private long u32(long off) {
        return pe.u32(off);
    }

    private PeVersion parse() {
        long resourceRva = pe.directory(2); // IMAGE_DIRECTORY_ENTRY_RESOURCE
        if (resourceRva == 0) return null;
        long root = pe.offset(resourceRva);
        if (root < 0) return null;
        long typeDir = child(root, root, RT_VERSION);
        if (typeDir < 0) return null;
        long nameDir = first(root, typeDir);
        if (nameDir < 0) return null;
        long dataEntry = first(root, nameDir);
        if (dataEntry < 0) return null;
        long dataRva = u32(dataEntry), dataSize = u32(dataEntry + 4);
        long data = pe.offset(dataRva);
        if (data < 0 || dataSize < 92) return null;
        pe.check(data, Math.min(dataSize, Integer.MAX_VALUE));
        return versionInfo(data, dataSize);
    }

    /** In a resource directory, the entry with integer id {@code id}: the offset of its subdirectory. */
    private long child(long root, long dir, int id) {
        int named = u16(dir + 12), ids = u16(dir + 14);
        for (int i = 0; i < named + ids && i < 4096; i++) {
            long e = dir + 16 + 8L * i;
            long name = u32(e), target = u32(e + 4);
            if ((name & 0x80000000L) == 0 && name == id && (target & 0x80000000L) != 0) return root + (target & 0x7FFFFFFFL);
        }
        return -1;
    }

    /** The first entry of a directory: a subdirectory's or a data entry's offset. */
    private long first(long root, long dir) {
        int count = u16(dir + 12) + u16(dir + 14);
        if (count == 0) return -1;
        long target = u32(dir + 16 + 4);
        return root + (target & 0x7FFFFFFFL);
    }

    /** VS_VERSIONINFO: wLength, wValueLength, wType, szKey "VS_VERSION_INFO", padding, VS_FIXEDFILEINFO, children. */
    private PeVersion versionInfo(long start, long size) {
        int length = u16(start);
        int valueLength = u16(start + 2);
        long end = start + Math.min(length, size);
        long key = start + 6;
        String name = readKey(key, end);
        if (!"VS_VERSION_INFO".equals(name)) return null;
        long value = align(key + 2L * (name.length() + 1));
        if (valueLength < 52 || u32(value) != VS_FFI_SIGNATURE) return null;
        long ms = u32(value + 8), ls = u32(value + 12); // dwFileVersionMS, dwFileVersionLS
        String version = (ms >>> 16) + "." + (ms & 0xFFFF) + "." + (ls >>> 16) + "." + (ls & 0xFFFF);
        String language = "0";
        long child = align(value + valueLength);
        for (int guard = 0; child + 6 < end && guard < 64; guard++) {
            int childLength = u16(child);
            if (childLength < 6) break;
            String childKey = readKey(child + 6, end);
            if ("VarFileInfo".equals(childKey)) {
                String lang = translation(child, child + childLength);
                if (lang != null) language = lang;
            }
            child = align(child + childLength);
        }
        return new PeVersion(version, language);
    }

    /** VarFileInfo's first Var "Translation": pairs of (language, codepage); the first language. */
    private String translation(long varFileInfo, long end) {
        long var = align(varFileInfo + 6 + 2L * ("VarFileInfo".length() + 1));
        for (int guard = 0; var + 6 < end && guard < 16; guard++) {
            int len = u16(var), valueLength = u16(var + 2);
            if (len < 6) return null;
            String k = readKey(var + 6, end);
            if ("Translation".equals(k) && valueLength >= 4) {
                long v = align(var + 6 + 2L * (k.length() + 1));
                return Integer.toString(u16(v));
            }
            var = align(var + len);
        }
        return null;
    }

    private String readKey(long off, long end) {
        StringBuilder s = new StringBuilder();
        for (long p = off; p + 1 < end && s.length() < 64; p += 2) {
            int c = u16(p);
            if (c == 0) return s.toString();
            s.append((char) c);
        }
        return null;
    }

    private static long align(long off) {
        return (off + 3) & ~3L;
    }
}
