package dev.ssprkit.cab.lzx;

import java.util.Arrays;

/**
 * Builds length-limited canonical Huffman codes for the encoder. Every code it builds is complete (the decoders
 * accept nothing else): a tree with one used symbol gets a second, unused one, so both have length 1.
 */
final class HuffmanCode {
    private HuffmanCode() {}

    /**
     * Optimal code lengths for {@code freq[0..n)}, limited to {@code maxLength} bits (by moving codes from the
     * deepest levels up, which keeps the code complete, as JPEG's Annex K does). Ties are broken by symbol index,
     * so equal inputs give equal codes. All zero when no symbol is used.
     */
    static byte[] lengths(int[] freq, int n, int maxLength) {
        byte[] lengths = new byte[n];
        int used = 0;
        for (int s = 0; s < n; s++) {
            if (freq[s] > 0) used++;
        }
        if (used == 0) {
            return lengths;
        }
        if (used == 1) {
            int s = firstUsed(freq, n);
            lengths[s] = 1;
            lengths[s == 0 ? 1 : 0] = 1;
            return lengths;
        }
        // leaves sorted by (frequency, symbol)
        long[] keys = new long[used];
        int k = 0;
        for (int s = 0; s < n; s++) {
            if (freq[s] > 0) keys[k++] = (long) freq[s] << 32 | s;
        }
        Arrays.sort(keys);
        int m = used;
        long[] weight = new long[2 * m - 1];
        int[] parent = new int[2 * m - 1];
        for (int i = 0; i < m; i++) weight[i] = keys[i] >>> 32;
        int leaf = 0, inner = m, next = m;
        while (next < 2 * m - 1) {
            int a = (leaf < m && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            int b = (leaf < m && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            next++;
        }
        int[] depth = new int[2 * m - 1];
        int[] count = new int[Math.max(maxLength, 64) + 1];
        for (int i = 2 * m - 3; i >= 0; i--) {
            depth[i] = depth[parent[i]] + 1;
        }
        int deepest = 0;
        for (int i = 0; i < m; i++) {
            count[depth[i]]++;
            deepest = Math.max(deepest, depth[i]);
        }
        for (int len = deepest; len > maxLength; len--) {
            while (count[len] > 0) {
                int j = len - 2;
                while (count[j] == 0) j--;
                count[len] -= 2;
                count[len - 1]++;
                count[j + 1] += 2;
                count[j]--;
            }
        }
        // the most frequent symbols get the shortest codes
        int len = 1;
        for (int i = m - 1; i >= 0; i--) {
            while (count[len] == 0) len++;
            lengths[(int) keys[i]] = (byte) len;
            count[len]--;
        }
        return lengths;
    }

    /** Canonical codes (MSB-first values) for the lengths: by length, then by symbol. */
    static int[] codes(byte[] lengths, int n) {
        int[] count = new int[LzxFormat.MAX_CODE_LENGTH + 2];
        for (int s = 0; s < n; s++) count[lengths[s]]++;
        count[0] = 0;
        int[] next = new int[LzxFormat.MAX_CODE_LENGTH + 2];
        int code = 0;
        for (int len = 1; len <= LzxFormat.MAX_CODE_LENGTH; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        int[] codes = new int[n];
        for (int s = 0; s < n; s++) {
            if (lengths[s] > 0) codes[s] = next[lengths[s]]++;
        }
        return codes;
    }

    private static int firstUsed(int[] freq, int n) {
        for (int s = 0; s < n; s++) {
            if (freq[s] > 0) return s;
        }
        return -1;
    }
}
