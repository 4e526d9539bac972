package dev.ssprkit.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of a seed input, driven by one {@code long} (jqwik generates it, so a failing try is
 * replayed from its seed): bit flips, random and "interesting" bytes and integers (0, -1, the compound file's
 * ENDOFCHAIN/FREESECT markers, sizes near limits), truncation, deletion, duplication and splicing of runs, and,
 * for text, insertion of tokens from a dictionary.
 */
public final class Mutator {
    private static final int[] INTERESTING_INTS = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC,
            0xFFFFFFFA, 0x10000, 0xFFFF, 0x7FFF, 0x8000, 512, 4096, 65535, 1 << 20, 1 << 30};
    private static final byte[] INTERESTING_BYTES = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF, (byte) 0xFE, 0x20, '<', '&', '$'};

    private final List<String> dictionary;

    /** Binary mutations only. */
    public Mutator() {
        this(List.of());
    }

    /** Also inserts these tokens (for text formats: markup, directives, variable references). */
    public Mutator(List<String> dictionary) {
        this.dictionary = List.copyOf(dictionary);
    }

    public byte[] mutate(byte[] seed, long randomSeed, int count) {
        Random r = new Random(randomSeed);
        byte[] b = seed.clone();
        for (int i = 0; i < count; i++) b = once(b, r);
        return b;
    }

    private byte[] once(byte[] b, Random r) {
        if (b.length == 0) return new byte[] {(byte) r.nextInt()};
        int at = r.nextInt(b.length);
        int op = r.nextInt(dictionary.isEmpty() ? 9 : 11);
        switch (op) {
            case 0, 1 -> b[at] ^= (byte) (1 << r.nextInt(8));
            case 2 -> b[at] = (byte) r.nextInt();
            case 3 -> b[at] = INTERESTING_BYTES[r.nextInt(INTERESTING_BYTES.length)];
            case 4 -> {
                int v = INTERESTING_INTS[r.nextInt(INTERESTING_INTS.length)];
                int p = at & ~3;
                for (int k = 0; k < 4 && p + k < b.length; k++) b[p + k] = (byte) (v >>> (8 * k));
            }
            case 5 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 6 -> {
                int len = Math.min(b.length - at, 1 + r.nextInt(64));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                b = out;
            }
            case 7 -> {
                int len = Math.min(b.length - at, 1 + r.nextInt(512));
                int to = r.nextInt(b.length + 1);
                b = insert(b, to, Arrays.copyOfRange(b, at, at + len));
            }
            case 8 -> {
                int len = Math.min(b.length - at, 1 + r.nextInt(64));
                int from = r.nextInt(b.length);
                int n = Math.min(len, b.length - from);
                System.arraycopy(b, from, b, at, Math.min(n, b.length - at));
            }
            default -> b = insert(b, at, dictionary.get(r.nextInt(dictionary.size())).getBytes(StandardCharsets.UTF_8));
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] piece) {
        byte[] out = new byte[b.length + piece.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(b, at, out, at + piece.length, b.length - at);
        return out;
    }
}
