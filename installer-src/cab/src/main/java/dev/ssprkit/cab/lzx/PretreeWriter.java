package dev.ssprkit.cab.lzx;

import static dev.ssprkit.cab.lzx.LzxFormat.*;

/**
 * Sends new code lengths of a tree range as the format requires: a pretree (20 symbols, 4-bit lengths) followed by
 * pretree symbols, where 0..16 give (previous - new) mod 17, 17 and 18 runs of 4..19 and 20..51 zeros, and 19 a run
 * of 4..5 equal lengths followed by one delta symbol (taken from the run's first element's previous length).
 */
final class PretreeWriter {
    private PretreeWriter() {}

    /**
     * Writes {@code lengths[first..last)} as deltas from {@code previous[first..last)}; with {@code out} null only
     * counts. Returns the bits it takes.
     */
    static int write(BitWriter out, byte[] lengths, byte[] previous, int first, int last) {
        int[] ops = new int[2 * (last - first)];
        int n = 0;
        int[] freq = new int[PRETREE_NUM_ELEMENTS];
        int i = first;
        while (i < last) {
            int v = lengths[i];
            int run = 1;
            int cap = Math.min(last - i, v == 0 ? 51 : 5);
            while (run < cap && lengths[i + run] == v) {
                run++;
            }
            if (v == 0 && run >= 20) {
                ops[n++] = op(18, run - 20, 5);
                freq[18]++;
                i += run;
            } else if (v == 0 && run >= 4) {
                run = Math.min(run, 19);
                ops[n++] = op(17, run - 4, 4);
                freq[17]++;
                i += run;
            } else if (v != 0 && run >= 4) {
                int delta = (previous[i] - v + 17) % 17;
                ops[n++] = op(19, run - 4, 1);
                ops[n++] = op(delta, 0, 0);
                freq[19]++;
                freq[delta]++;
                i += run;
            } else {
                int delta = (previous[i] - v + 17) % 17;
                ops[n++] = op(delta, 0, 0);
                freq[delta]++;
                i++;
            }
        }
        byte[] preLengths = HuffmanCode.lengths(freq, PRETREE_NUM_ELEMENTS, PRETREE_MAX_CODE_LENGTH);
        int[] codes = HuffmanCode.codes(preLengths, PRETREE_NUM_ELEMENTS);
        int bits = 4 * PRETREE_NUM_ELEMENTS;
        if (out != null) {
            for (int s = 0; s < PRETREE_NUM_ELEMENTS; s++) out.write(preLengths[s], 4);
        }
        for (int k = 0; k < n; k++) {
            int code = ops[k] & 31, extraBits = ops[k] >>> 26, extra = (ops[k] >>> 5) & 0x1FFFFF;
            bits += preLengths[code] + extraBits;
            if (out != null) {
                out.write(codes[code], preLengths[code]);
                out.write(extra, extraBits);
            }
        }
        return bits;
    }

    private static int op(int code, int extra, int extraBits) {
        return code | extra << 5 | extraBits << 26;
    }
}
