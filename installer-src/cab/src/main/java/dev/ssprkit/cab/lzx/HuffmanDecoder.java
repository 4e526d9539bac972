package dev.ssprkit.cab.lzx;

/**
 * Decodes one canonical Huffman code of an LZX stream (codes assigned in order of length, then of symbol; MSB-first).
 * Codes of up to {@code tableBits} bits are resolved by one table look-up, longer ones by a walk over the lengths.
 * Only complete codes are accepted, as every LZX decoder requires; a tree whose lengths are all zero is accepted as
 * <em>empty</em> and fails only if a symbol is actually read from it (an unused length tree is sent that way).
 */
final class HuffmanDecoder {
    private final String name;
    private final int numSymbols;
    private final int maxLength;
    private final int tableBits;
    /** (symbol << 5) | length, or -1 for "longer than tableBits". */
    private final int[] table;
    private final int[] count = new int[LzxFormat.MAX_CODE_LENGTH + 1];
    private final int[] firstCode = new int[LzxFormat.MAX_CODE_LENGTH + 2];
    private final int[] firstIndex = new int[LzxFormat.MAX_CODE_LENGTH + 2];
    private final int[] sorted;
    private boolean empty = true;

    HuffmanDecoder(String name, int numSymbols, int maxLength, int tableBits) {
        this.name = name;
        this.numSymbols = numSymbols;
        this.maxLength = maxLength;
        this.tableBits = tableBits;
        this.table = new int[1 << tableBits];
        this.sorted = new int[numSymbols];
    }

    /** Builds the code from {@code lengths[0..numSymbols)}; throws for an over-subscribed or incomplete code. */
    void build(byte[] lengths) throws LzxDataException {
        java.util.Arrays.fill(count, 0);
        for (int s = 0; s < numSymbols; s++) {
            int len = lengths[s];
            if (len < 0 || len > maxLength) {
                throw new LzxDataException(name + " tree: code length " + len + " out of range");
            }
            count[len]++;
        }
        count[0] = 0;
        int left = 1;
        for (int len = 1; len <= maxLength; len++) {
            left = (left << 1) - count[len];
            if (left < 0) {
                throw new LzxDataException(name + " tree is over-subscribed");
            }
        }
        empty = left == 1 << maxLength;
        if (empty) {
            return;
        }
        if (left != 0) {
            throw new LzxDataException(name + " tree is incomplete");
        }
        int code = 0, index = 0;
        for (int len = 1; len <= maxLength; len++) {
            firstCode[len] = code;
            firstIndex[len] = index;
            code = (code + count[len]) << 1;
            index += count[len];
        }
        int[] next = new int[maxLength + 1];
        System.arraycopy(firstIndex, 0, next, 0, maxLength + 1);
        java.util.Arrays.fill(table, -1);
        for (int s = 0; s < numSymbols; s++) {
            int len = lengths[s];
            if (len == 0) {
                continue;
            }
            int i = next[len]++;
            sorted[i] = s;
            if (len <= tableBits) {
                int c = firstCode[len] + (i - firstIndex[len]);
                int from = c << (tableBits - len), to = (c + 1) << (tableBits - len);
                int entry = s << 5 | len;
                for (int e = from; e < to; e++) {
                    table[e] = entry;
                }
            }
        }
    }

    /** Reads one symbol. */
    int decode(BitReader in) throws LzxDataException {
        if (in.available() < LzxFormat.MAX_CODE_LENGTH) {
            in.fill();
        }
        int entry = table[in.peek(tableBits)];
        if (entry >= 0) {
            in.skip(entry & 31);
            return entry >>> 5;
        }
        return decodeLong(in);
    }

    private int decodeLong(BitReader in) throws LzxDataException {
        if (empty) {
            throw new LzxDataException("a symbol is read from the " + name + " tree, which is empty");
        }
        int bits = in.peek(maxLength);
        for (int len = tableBits + 1; len <= maxLength; len++) {
            int c = bits >>> (maxLength - len);
            int d = c - firstCode[len];
            if (d >= 0 && d < count[len]) {
                in.skip(len);
                return sorted[firstIndex[len] + d];
            }
        }
        throw new IllegalStateException(name + " tree: no code matched in a complete code");
    }
}
