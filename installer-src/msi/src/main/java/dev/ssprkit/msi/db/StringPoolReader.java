package dev.ssprkit.msi.db;

import dev.ssprkit.msi.MsiException;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Reads {@code _StringPool} / {@code _StringData} (layout: see {@link StringPoolWriter}) from untrusted bytes: every
 * length is checked against what is there, so a corrupt pool is one {@link MsiException}.
 */
public final class StringPoolReader {
    private final int codepage;
    private final boolean longRefs;
    private final String[] strings;
    private final int[] refcounts;
    private final int size;

    public StringPoolReader(byte[] pool, byte[] data) throws MsiException {
        if (pool.length < 4) throw new MsiException("_StringPool", "stream is " + pool.length + " bytes; the 4-byte header is missing");
        if (pool.length % 4 != 0) throw new MsiException("_StringPool", "stream size " + pool.length + " is not a multiple of 4");
        int w0 = u16(pool, 0), w1 = u16(pool, 2);
        this.longRefs = (w1 & 0x8000) != 0;
        this.codepage = w0 | ((w1 & 0x7FFF) << 16);
        Charset cs = Codepages.charset(codepage, "_StringPool");
        int slots = pool.length / 4;
        String[] str = new String[slots];
        int[] refs = new int[slots];
        int id = 1; // id 0 is null; a long string takes two slots but one id, so ids trail slots
        long offset = 0;
        for (int slot = 1; slot < slots; id++) {
            int len = u16(pool, slot * 4);
            refs[id] = u16(pool, slot * 4 + 2);
            if (len == 0 && refs[id] == 0) { // an unused id
                slot++;
                continue;
            }
            long length;
            if (len == 0) {
                if (slot + 1 >= slots) throw new MsiException("_StringPool", "entry " + id + " announces a long string but the pool ends");
                length = (u16(pool, slot * 4 + 4) & 0xFFFFL) | ((long) u16(pool, slot * 4 + 6) << 16);
                slot += 2;
            } else {
                length = len;
                slot++;
            }
            if (offset + length > data.length) {
                throw new MsiException("_StringData", "string " + id + " (" + length + " bytes at offset " + offset
                        + ") runs past the end of the " + data.length + "-byte stream");
            }
            str[id] = new String(data, (int) offset, (int) length, cs);
            offset += length;
        }
        if (offset != data.length) {
            throw new MsiException("_StringData", "the pool accounts for " + offset + " bytes but the stream has " + data.length);
        }
        this.size = Math.max(id, 1);
        this.strings = Arrays.copyOf(str, size);
        this.refcounts = Arrays.copyOf(refs, size);
    }

    public int codepage() {
        return codepage;
    }

    public boolean longRefs() {
        return longRefs;
    }

    /** Number of ids, including id 0. */
    public int size() {
        return size;
    }

    /** The string with this id; 0 is null. */
    public String get(int id, String where) throws MsiException {
        if (id < 0 || id >= size) {
            throw new MsiException(where, "string id " + id + " is outside the string pool (" + (size - 1) + " strings)");
        }
        return strings[id];
    }

    public int refcount(int id) {
        return refcounts[id];
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }
}
