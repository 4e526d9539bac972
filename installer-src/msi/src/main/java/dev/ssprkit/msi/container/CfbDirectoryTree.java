package dev.ssprkit.msi.container;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The siblings of one storage as [MS-CFB] §2.6.4 wants them: a binary search tree ordered by name length, then by
 * upper-cased UTF-16 code units, coloured as a valid red-black tree.
 *
 * <p>The tree is built balanced from the sorted names (middle element as root, recursively). Every level above the
 * deepest is then full, so colouring the deepest level red (when it is not the root) and everything else black gives
 * the same number of black nodes on every path and no red node with a red child.
 */
final class CfbDirectoryTree {
    /** [MS-CFB] NOSTREAM: no sibling or child. */
    static final int NOSTREAM = 0xFFFFFFFF;

    /** The [MS-CFB] §2.6.4 order: shorter names first, then code unit by code unit after upper-casing. */
    static final Comparator<String> ORDER = (a, b) -> {
        if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
        for (int i = 0; i < a.length(); i++) {
            char x = Character.toUpperCase(a.charAt(i)), y = Character.toUpperCase(b.charAt(i));
            if (x != y) return Character.compare(x, y);
        }
        return 0;
    };

    /** Per entry (indexed like the input names): left and right sibling ids, red or black. */
    final int[] left, right;
    final boolean[] red;
    /** The id of the tree's root, or {@link #NOSTREAM} when there are no names. */
    final int root;

    /**
     * @param names the siblings' names; entry {@code i} gets directory id {@code firstId + i}
     * @param firstId the directory id of the first name
     */
    CfbDirectoryTree(List<String> names, int firstId) {
        int n = names.size();
        left = new int[n];
        right = new int[n];
        red = new boolean[n];
        List<Integer> sorted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) sorted.add(i);
        sorted.sort((x, y) -> ORDER.compare(names.get(x), names.get(y)));
        int deepest = n == 0 ? 0 : 31 - Integer.numberOfLeadingZeros(n); // floor(log2 n): depth of the last level
        int top = build(sorted, 0, n - 1, 0, deepest, firstId);
        root = top < 0 ? NOSTREAM : firstId + top;
    }

    /** Builds the subtree of sorted[lo..hi]; returns the index of its root, or -1 when empty. */
    private int build(List<Integer> sorted, int lo, int hi, int depth, int deepest, int firstId) {
        if (lo > hi) return -1;
        int mid = (lo + hi) >>> 1;
        int node = sorted.get(mid);
        int l = build(sorted, lo, mid - 1, depth + 1, deepest, firstId);
        int r = build(sorted, mid + 1, hi, depth + 1, deepest, firstId);
        left[node] = l < 0 ? NOSTREAM : firstId + l;
        right[node] = r < 0 ? NOSTREAM : firstId + r;
        red[node] = depth > 0 && depth == deepest;
        return node;
    }
}
