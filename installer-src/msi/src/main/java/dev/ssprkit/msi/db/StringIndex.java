package dev.ssprkit.msi.db;

import java.util.Arrays;

/**
 * Strings numbered 0, 1, 2… in the order they were first added, found by open addressing (linear probing over a
 * power-of-two table of ordinals). Hand-written because the JDK has no map to primitive values: the string pool's
 * {@code HashMap<String, Entry>} cost a node and an entry object per string, about 64 bytes, where this costs about
 * 16 (a 100,000-file package's pool holds 400,000 strings: 25 MB then, 6 MB now).
 */
final class StringIndex {
    /** By ordinal. */
    private String[] keys = new String[16];
    /** Ordinal + 1 by slot; 0 is a free slot. Never more than half full. */
    private int[] slots = new int[32];
    private int size;

    int size() {
        return size;
    }

    String key(int ordinal) {
        return keys[ordinal];
    }

    /** The ordinal of {@code s}, or -1 when it was never added. */
    int find(String s) {
        int mask = slots.length - 1;
        int h = s.hashCode();
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            int o = slots[i] - 1;
            if (o < 0) return -1;
            String k = keys[o];
            if (k.hashCode() == h && k.equals(s)) return o;
        }
    }

    /** The ordinal of {@code s}, numbering it next ({@link #size} before the call) when it is new. */
    int add(String s) {
        int mask = slots.length - 1;
        int h = s.hashCode();
        int i = spread(h) & mask;
        for (; ; i = (i + 1) & mask) {
            int o = slots[i] - 1;
            if (o < 0) break;
            String k = keys[o];
            if (k.hashCode() == h && k.equals(s)) return o;
        }
        if (size == keys.length) keys = Arrays.copyOf(keys, size + (size >> 1));
        keys[size] = s;
        slots[i] = ++size;
        if (2 * size > slots.length) rehash(2 * slots.length);
        return size - 1;
    }

    private void rehash(int capacity) {
        int[] grown = new int[capacity];
        int mask = capacity - 1;
        for (int o = 0; o < size; o++) {
            int i = spread(keys[o].hashCode()) & mask;
            while (grown[i] != 0) i = (i + 1) & mask;
            grown[i] = o + 1;
        }
        slots = grown;
    }

    /** Mixes the high bits of a String hash into the low ones the table's mask keeps (Fibonacci hashing). */
    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
