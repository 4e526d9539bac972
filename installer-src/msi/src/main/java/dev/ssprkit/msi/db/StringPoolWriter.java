package dev.ssprkit.msi.db;

import dev.ssprkit.msi.MsiException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@code _StringPool} and {@code _StringData}: first every persisted string cell is {@link #count counted},
 * then {@link #freeze} assigns ids in text order (so id order is text order), then {@link #ref} hands out the id for
 * each cell. A string referenced more than 65,535 times gets several entries, since refcounts are 16-bit.
 *
 * <p>Layout (Wine's {@code msi_save_string_table}): header = codepage low word, high word with bit 15 set when string
 * references are 3 bytes wide; then per id {u16 byte length, u16 refcount}; a string of 64 KiB or more takes
 * {0, refcount} plus a u32 length in the next slot (two slots, one id); unused ids are {0, 0}.
 */
public final class StringPoolWriter {
    static final int MAX_REFCOUNT = 0xFFFF;

    private final int codepage;
    private final Charset charset;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, int[]> handout = new HashMap<>(); // string -> {next id, refs left on that id, last id}
    private final List<byte[]> encoded = new ArrayList<>();      // by id (index 0 unused)
    private final List<Integer> refcounts = new ArrayList<>();
    private boolean frozen;

    public StringPoolWriter(int codepage) throws MsiException {
        this.codepage = codepage;
        this.charset = Codepages.charset(codepage, "_StringPool");
    }

    /** Counts one persisted reference to a non-empty string. */
    public void count(String s) {
        if (frozen) throw new IllegalStateException("pool is frozen");
        counts.merge(s, 1, Integer::sum);
    }

    /** Assigns ids; {@code where} names the caller for messages about unencodable strings. */
    public void freeze() throws MsiException {
        frozen = true;
        CharsetEncoder enc = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        encoded.add(null);
        refcounts.add(0);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            byte[] bytes;
            try {
                ByteBuffer bb = enc.reset().encode(CharBuffer.wrap(e.getKey()));
                bytes = new byte[bb.remaining()];
                bb.get(bytes);
            } catch (CharacterCodingException ex) {
                throw new MsiException("_StringPool", "the string '" + abbreviate(e.getKey()) + "' cannot be represented in codepage "
                        + codepage + "; use only characters of that codepage or choose another database codepage");
            }
            int first = encoded.size();
            int refs = e.getValue();
            while (refs > 0) {
                int here = Math.min(refs, MAX_REFCOUNT);
                encoded.add(bytes);
                refcounts.add(here);
                refs -= here;
            }
            handout.put(e.getKey(), new int[] {first, Math.min(e.getValue(), MAX_REFCOUNT), encoded.size() - 1});
        }
        if (maxId() > 0xFFFFFF) {
            throw new MsiException("_StringPool", maxId() + " string entries; string references are at most 3 bytes (16,777,215 ids)");
        }
    }

    /** The id for one counted reference (call exactly once per counted cell). */
    public int ref(String s) {
        int[] h = handout.get(s);
        if (h == null) throw new IllegalStateException("string was not counted: " + s);
        if (h[1] == 0) {
            if (h[0] >= h[2]) throw new IllegalStateException("more references than counted: " + s);
            h[0]++;
            h[1] = refcounts.get(h[0]);
        }
        h[1]--;
        return h[0];
    }

    /** Highest id in use. */
    public int maxId() {
        return encoded.size() - 1;
    }

    /** True when string references must be 3 bytes wide. */
    public boolean longRefs() {
        return maxId() > 0xFFFF;
    }

    public byte[] poolBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + encoded.size() * 4);
        int high = ((codepage >>> 16) & 0x7FFF) | (longRefs() ? 0x8000 : 0);
        u16(out, codepage & 0xFFFF);
        u16(out, high);
        for (int id = 1; id < encoded.size(); id++) {
            int len = encoded.get(id).length;
            if (len <= 0xFFFF) {
                u16(out, len);
                u16(out, refcounts.get(id));
            } else {
                u16(out, 0);
                u16(out, refcounts.get(id));
                u16(out, len & 0xFFFF);
                u16(out, len >>> 16);
            }
        }
        if (encoded.size() == 1) {
            // No strings at all: Wine and libmsi read the codepage only from a pool longer than its header (else CP_ACP),
            // so one unused {0, 0} entry keeps the codepage.
            u16(out, 0);
            u16(out, 0);
        }
        return out.toByteArray();
    }

    public byte[] dataBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id = 1; id < encoded.size(); id++) out.writeBytes(encoded.get(id));
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
