package dev.ssprkit.cab.lzx;

/**
 * How hard the encoder's match finder looks: candidates followed per hash chain, the length at which a match is
 * taken without looking further, and whether a match is deferred when the next position has a better one (lazy
 * evaluation). The stream format does not depend on it, only size and speed do.
 */
public enum LzxEffort {
    FAST(2, 24, 0, 8),
    NORMAL(3, 32, 0, 8),
    BEST(16, 96, 16, 24);

    final int chainDepth;
    final int niceLength;
    /** Lazy evaluation only for matches shorter than this (0: never). */
    final int lazyBelow;
    /** Once a match this long is found, only a quarter of the remaining chain is followed. */
    final int goodLength;

    LzxEffort(int chainDepth, int niceLength, int lazyBelow, int goodLength) {
        this.chainDepth = chainDepth;
        this.niceLength = niceLength;
        this.lazyBelow = lazyBelow;
        this.goodLength = goodLength;
    }
}
