package dev.ssprkit.msi.db;

import dev.ssprkit.msi.MsiException;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code _StringPool} / {@code _StringData} (layout: see {@link StringPoolWriter}) from untrusted bytes: every
 * length is checked against what is there, so a corrupt pool is one {@link MsiException}.
 */
public final class StringPoolReader {
    private final int codepage;
    private final boolean longRefs;
    private final List<String> strings = new ArrayList<>();
    private final List<Integer> refcounts = new ArrayList<>();

    public StringPoolReader(byte[] pool, byte[] data) throws MsiException {
        if (pool.length < 4) throw new MsiException("_StringPool", "stream is " + pool.length + " bytes; the 4-byte header is missing");
        if (pool.length % 4 != 0) throw new MsiException("_StringPool", "stream size " + pool.length + " is not a multiple of 4");
        int w0 = u16(pool, 0), w1 = u16(pool, 2);
        this.longRefs = (w1 & 0x8000) != 0;
        this.codepage = w0 | ((w1 & 0x7FFF) << 16);
        Charset cs = Codepages.charset(codepage, "_StringPool");
        strings.add(null);
        refcounts.add(0);
        long offset = 0;
        int slots = pool.length / 4;
        for (int slot = 1; slot < slots; ) {
            int len = u16(pool, slot * 4);
            int refs = u16(pool, slot * 4 + 2);
            if (len == 0 && refs == 0) { // an unused id
                strings.add(null);
                refcounts.add(0);
                slot++;
                continue;
            }
            long length;
            if (len == 0) {
                if (slot + 1 >= slots) throw new MsiException("_StringPool", "entry " + strings.size() + " announces a long string but the pool ends");
                length = (u16(pool, slot * 4 + 4) & 0xFFFFL) | ((long) u16(pool, slot * 4 + 6) << 16);
                slot += 2;
            } else {
                length = len;
                slot++;
            }
            if (offset + length > data.length) {
                throw new MsiException("_StringData", "string " + strings.size() + " (" + length + " bytes at offset " + offset
                        + ") runs past the end of the " + data.length + "-byte stream");
            }
            strings.add(new String(data, (int) offset, (int) length, cs));
            refcounts.add(refs);
            offset += length;
        }
        if (offset != data.length) {
            throw new MsiException("_StringData", "the pool accounts for " + offset + " bytes but the stream has " + data.length);
        }
    }

    public int codepage() {
        return codepage;
    }

    public boolean longRefs() {
        return longRefs;
    }

    /** Number of ids, including id 0. */
    public int size() {
        return strings.size();
    }

    /** The string with this id; 0 is null. */
    public String get(int id, String where) throws MsiException {
        if (id < 0 || id >= strings.size()) {
            throw new MsiException(where, "string id " + id + " is outside the string pool (" + (strings.size() - 1) + " strings)");
        }
        return strings.get(id);
    }

    public int refcount(int id) {
        return refcounts.get(id);
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }
}
