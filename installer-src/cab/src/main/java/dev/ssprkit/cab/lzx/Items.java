package dev.ssprkit.cab.lzx;

import static dev.ssprkit.cab.lzx.LzxFormat.*;

/**
 * The items of a group of frames as the decoder will read them: per item the main-tree symbol (literal byte, or 256 +
 * 8 * position slot + length header), the length-tree symbol (or -1) and the position footer value.
 */
final class Items {
    /** main symbol | (length symbol + 1) << 10 */
    int[] symbols;
    int[] footers;
    int count;

    Items(int capacity) {
        symbols = new int[capacity];
        footers = new int[capacity];
    }

    void clear() {
        count = 0;
    }

    void literal(int b) {
        symbols[count] = b;
        footers[count++] = 0;
    }

    void match(int slot, int length, int footer) {
        int header = length - MIN_MATCH;
        int lengthSymbol = -1;
        if (header >= NUM_PRIMARY_LENGTHS) {
            lengthSymbol = header - NUM_PRIMARY_LENGTHS;
            header = NUM_PRIMARY_LENGTHS;
        }
        symbols[count] = (NUM_CHARS + (slot << 3) + header) | (lengthSymbol + 1) << 10;
        footers[count++] = footer;
    }

    static int mainSymbol(int item) {
        return item & 0x3FF;
    }

    /** The length-tree symbol, or -1. */
    static int lengthSymbol(int item) {
        return (item >>> 10) - 1;
    }
}
