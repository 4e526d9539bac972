package dev.ssprkit.msi.db;

import dev.ssprkit.msi.MsiException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * Builds {@code _StringPool} and {@code _StringData}: first every persisted string cell is {@link #count counted},
 * then {@link #freeze} assigns ids in the order the strings were first counted (Wine's and msitools' string tables,
 * too, give a new string the next free id), then {@link #ref} hands out the id for each cell. A string referenced more
 * than 65,535 times gets several entries, since refcounts are 16-bit.
 *
 * <p>Layout (Wine's {@code msi_save_string_table}): header = codepage low word, high word with bit 15 set when string
 * references are 3 bytes wide; then per id {u16 byte length, u16 refcount}; a string of 64 KiB or more takes
 * {0, refcount} plus a u32 length in the next slot (two slots, one id); unused ids are {0, 0}.
 */
public final class StringPoolWriter {
    static final int MAX_REFCOUNT = 0xFFFF;

    private final int codepage;
    /** Whether the codepage writes U+0000..U+007F as the bytes 0x00..0x7F (every Windows ANSI codepage and UTF-8 do). */
    private final boolean asciiCompatible;
    private final Charset charset;
    /**
     * Each string once, numbered in the order it was first counted (the order of its ids); what is known of a string
     * is in the arrays below at its number. A 100,000-file package has 400,000 strings: a sorted map of counts, a
     * second map of ids and a copy of every string's bytes held 120 bytes more per string than one map entry did, and
     * that map entry (a node and an object per string) about 40 bytes more than this.
     */
    private final StringIndex strings = new StringIndex();
    /** By number: how often the string is referenced. */
    private int[] counts = new int[16];
    /** By number, after freezing: the id handed out next, the references left on it, the last id of the string. */
    private int[] next, left, last;
    /** By id (index 0 unused), filled by {@link #freeze}: the string, its encoded length, its refcount. */
    private String[] byId;
    /** By id: the string is ASCII in an ASCII-compatible codepage, so its bytes are its chars (checked once). */
    private boolean[] asciiById;
    private int[] lengths;
    private int[] refcounts;
    private boolean frozen;

    public StringPoolWriter(int codepage) throws MsiException {
        this.codepage = codepage;
        this.charset = Codepages.charset(codepage, "_StringPool");
        this.asciiCompatible = asciiCompatible(charset);
    }

    /** Counts one persisted reference to a non-empty string. */
    public void count(String s) {
        if (frozen) throw new IllegalStateException("pool is frozen");
        int n = strings.add(s);
        if (n == counts.length) counts = java.util.Arrays.copyOf(counts, n + (n >> 1));
        counts[n]++;
    }

    /**
     * Assigns ids in the order the strings were first counted. (Text order, which this writer used before, cost a sort
     * of every string, 130 ms of a 20,000-file build's 2.2 s, for an order nothing needs: rows are stored sorted by
     * their ids whatever the ids are.)
     */
    public void freeze() throws MsiException {
        frozen = true;
        int size = strings.size();
        long ids = 0;
        for (int k = 0; k < size; k++) ids += (counts[k] + MAX_REFCOUNT - 1) / MAX_REFCOUNT;
        if (ids > 0xFFFFFF) {
            throw new MsiException("_StringPool", ids + " string entries; string references are at most 3 bytes (16,777,215 ids)");
        }
        byId = new String[(int) ids + 1];
        lengths = new int[(int) ids + 1];
        asciiById = new boolean[(int) ids + 1];
        refcounts = new int[(int) ids + 1];
        next = new int[size];
        left = new int[size];
        last = new int[size];
        CharsetEncoder enc = encoder();
        int id = 1;
        for (int k = 0; k < size; k++) {
            String s = strings.key(k);
            int count = counts[k];
            int length;
            // ASCII text is its own encoding in such a codepage: no encoder run, no buffer per string
            boolean ascii = asciiCompatible && isAscii(s);
            try {
                length = ascii ? s.length() : enc.reset().encode(CharBuffer.wrap(s)).remaining();
            } catch (CharacterCodingException ex) {
                throw new MsiException("_StringPool", "the string '" + abbreviate(s) + "' cannot be represented in codepage "
                        + codepage + "; use only characters of that codepage or choose another database codepage");
            }
            next[k] = id;
            left[k] = Math.min(count, MAX_REFCOUNT);
            for (int refs = count; refs > 0; refs -= MAX_REFCOUNT) {
                byId[id] = s;
                asciiById[id] = ascii;
                lengths[id] = length;
                refcounts[id] = Math.min(refs, MAX_REFCOUNT);
                id++;
            }
            last[k] = id - 1;
        }
        counts = null;
    }

    private CharsetEncoder encoder() {
        return charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The id for one counted reference (call exactly once per counted cell). */
    public int ref(String s) {
        int k = frozen ? strings.find(s) : -1;
        if (k < 0) throw new IllegalStateException("string was not counted: " + s);
        if (left[k] == 0) {
            if (next[k] >= last[k]) throw new IllegalStateException("more references than counted: " + s);
            next[k]++;
            left[k] = refcounts[next[k]];
        }
        left[k]--;
        return next[k];
    }

    /** Whether some string has more than one id (it is referenced more than 65,535 times); only after freezing. */
    public boolean hasSeveralIdsForAString() {
        return maxId() > strings.size();
    }

    /** Highest id in use. */
    public int maxId() {
        return byId == null ? 0 : byId.length - 1;
    }

    /** True when string references must be 3 bytes wide. */
    public boolean longRefs() {
        return maxId() > 0xFFFF;
    }

    public byte[] poolBytes() {
        int ids = maxId();
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + ids * 4 + 4);
        int high = ((codepage >>> 16) & 0x7FFF) | (longRefs() ? 0x8000 : 0);
        u16(out, codepage & 0xFFFF);
        u16(out, high);
        for (int id = 1; id <= ids; id++) {
            int len = lengths[id];
            if (len <= 0xFFFF) {
                u16(out, len);
                u16(out, refcounts[id]);
            } else {
                u16(out, 0);
                u16(out, refcounts[id]);
                u16(out, len & 0xFFFF);
                u16(out, len >>> 16);
            }
        }
        if (ids == 0) {
            // No strings at all: Wine and libmsi read the codepage only from a pool longer than its header (else CP_ACP),
            // so one unused {0, 0} entry keeps the codepage.
            u16(out, 0);
            u16(out, 0);
        }
        return out.toByteArray();
    }

    /** The strings' bytes in id order (each encoded again here rather than kept: freezing checked they encode). */
    public byte[] dataBytes() {
        int ids = maxId();
        long total = 0;
        for (int id = 1; id <= ids; id++) total += lengths[id];
        if (total > Integer.MAX_VALUE - 8) throw new IllegalStateException("string data of " + total + " bytes");
        ByteBuffer out = ByteBuffer.allocate((int) total);
        CharsetEncoder enc = encoder();
        for (int id = 1; id <= ids; id++) {
            String s = byId[id];
            if (asciiById[id]) {
                for (int i = 0; i < s.length(); i++) out.put((byte) s.charAt(i));
                continue;
            }
            enc.reset();
            var result = enc.encode(CharBuffer.wrap(byId[id]), out, true);
            if (result.isError()) throw new IllegalStateException("string " + id + " no longer encodes: " + result);
            enc.flush(out);
        }
        return out.array();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    private static boolean asciiCompatible(java.nio.charset.Charset charset) {
        char[] ascii = new char[0x80];
        for (int c = 0; c < ascii.length; c++) ascii[c] = (char) c;
        byte[] bytes = new String(ascii).getBytes(charset);
        if (bytes.length != ascii.length) return false;
        for (int c = 0; c < bytes.length; c++) if (bytes[c] != c) return false;
        return true;
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
