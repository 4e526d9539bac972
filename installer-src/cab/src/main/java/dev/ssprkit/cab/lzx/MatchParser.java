package dev.ssprkit.cab.lzx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import static dev.ssprkit.cab.lzx.LzxFormat.*;

/**
 * Turns a frame of (E8-translated) bytes into LZX items: literals and matches, matches already expressed as the
 * decoder will read them (repeated-offset slot 0..2, or a position slot with its footer), tracking the three
 * repeated offsets as the decoder does. Matches never cross the frame's end, and never reach before the stream's
 * start or further back than the window allows (2^windowBits - 3).
 *
 * <p>Matches are found with hash chains over 4-byte prefixes (newest first, at most {@link LzxEffort#chainDepth}
 * followed) plus the three repeated offsets, which are cheap to code; each candidate is scored by the bits it saves
 * against literals under a simple cost model, and with lazy evaluation a match is deferred by one byte when the next
 * position offers a better one.
 */
final class MatchParser {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Approximate bits of a literal, of a match's main symbol, and of a length-tree symbol (cost model). */
    private static final int LITERAL_BITS = 8, MATCH_SYMBOL_BITS = 8, LENGTH_SYMBOL_BITS = 4, REPEAT_SYMBOL_BITS = 6;

    final int windowBits;
    private final int maxOffset;
    private final LzxEffort effort;
    private final int hashShift;
    private final int[] head;
    private final int[] prev;
    private final int prevMask;
    /** The uncompressed bytes: {@code buf[i]} is stream position {@code base + i}. */
    byte[] buf;
    long base;
    int r0 = 1, r1 = 1, r2 = 1;
    private long nextInsert; // stream position of the next position to enter the hash chains

    // the best match of the last find(): length (0 = none), offset, benefit in bits
    private int foundLength, foundOffset, foundBenefit;

    MatchParser(int windowBits, LzxEffort effort, int bufferSize) {
        this.windowBits = windowBits;
        this.maxOffset = (1 << windowBits) - 3;
        this.effort = effort;
        int hashBits = windowBits >= 18 ? 17 : 16;
        this.hashShift = 32 - hashBits;
        this.head = new int[1 << hashBits];
        Arrays.fill(head, -1);
        this.prev = new int[1 << windowBits];
        this.prevMask = prev.length - 1;
        this.buf = new byte[bufferSize];
    }

    /**
     * Parses {@code buf[start..end)} (one frame; the window's history before it is in the buffer) into {@code items}.
     * {@code dataEnd} is where valid bytes stop (hash prefixes never read past it).
     */
    void parseFrame(int start, int end, int dataEnd, Items items) {
        int i = start;
        boolean pending = false;
        int pLength = 0, pOffset = 0, pBenefit = 0;
        while (i < end) {
            int length, offset, benefit;
            if (pending) {
                length = pLength;
                offset = pOffset;
                benefit = pBenefit;
                pending = false;
            } else {
                find(i, end, dataEnd);
                length = foundLength;
                offset = foundOffset;
                benefit = foundBenefit;
            }
            if (length == 0) {
                items.literal(buf[i] & 0xFF);
                i++;
                continue;
            }
            if (length < effort.lazyBelow && i + 1 < end) {
                find(i + 1, end, dataEnd);
                if (foundLength > 0 && foundBenefit > benefit + LITERAL_BITS) {
                    items.literal(buf[i] & 0xFF);
                    i++;
                    pending = true;
                    pLength = foundLength;
                    pOffset = foundOffset;
                    pBenefit = foundBenefit;
                    continue;
                }
            }
            match(length, offset, items);
            insertUpTo(i + length, dataEnd);
            i += length;
        }
    }

    /** Emits a match of {@code length} at {@code offset}, as a repeated-offset slot when it is one. */
    private void match(int length, int offset, Items items) {
        int slot, footer = 0;
        if (offset == r0) {
            slot = 0;
        } else if (offset == r1) {
            slot = 1;
            r1 = r0;
            r0 = offset;
        } else if (offset == r2) {
            slot = 2;
            r2 = r0;
            r0 = offset;
        } else {
            int formatted = offset + 2;
            slot = slotOf(formatted);
            footer = formatted - POSITION_BASE[slot];
            r2 = r1;
            r1 = r0;
            r0 = offset;
        }
        items.match(slot, length, footer);
    }

    /** Enters positions up to (not including) buffer index {@code to} into the hash chains. */
    private void insertUpTo(int to, int dataEnd) {
        int i = (int) (nextInsert - base);
        int last = Math.min(to, dataEnd - 3);
        for (; i < last; i++) {
            int h = hash(i);
            long p = base + i;
            prev[(int) p & prevMask] = head[h];
            head[h] = (int) p;
        }
        nextInsert = Math.max(nextInsert, base + to);
    }

    private int hash(int i) {
        int v = (buf[i] & 0xFF) | (buf[i + 1] & 0xFF) << 8 | (buf[i + 2] & 0xFF) << 16 | buf[i + 3] << 24;
        return (v * 0x9E3779B1) >>> hashShift;
    }

    /** Finds the best match at buffer index {@code i} (ending by {@code end}); enters {@code i} into the chains. */
    private void find(int i, int end, int dataEnd) {
        long p = base + i;
        int maxLength = Math.min(MAX_MATCH, end - i);
        int bestLength = 0, bestOffset = 0, bestBenefit = 0;
        if (maxLength >= MIN_MATCH) {
            // the repeated offsets: no footer bits
            for (int k = 0; k < 3; k++) {
                int r = k == 0 ? r0 : k == 1 ? r1 : r2;
                if (r > p || (k == 1 && r == r0) || (k == 2 && (r == r0 || r == r1))) {
                    continue;
                }
                if (buf[i] != buf[i - r] || buf[i + 1] != buf[i + 1 - r]) {
                    continue;
                }
                int len = matchLength(i, i - r, maxLength);
                if (len >= MIN_MATCH) {
                    int benefit = len * LITERAL_BITS - REPEAT_SYMBOL_BITS - (len > 8 ? LENGTH_SYMBOL_BITS : 0);
                    if (benefit > bestBenefit) {
                        bestBenefit = benefit;
                        bestLength = len;
                        bestOffset = r;
                    }
                }
            }
        }
        if (i + 4 <= dataEnd) {
            int candidate;
            if (nextInsert == p) {
                int h = hash(i);
                candidate = head[h];
                prev[(int) p & prevMask] = candidate;
                head[h] = (int) p;
                nextInsert = p + 1;
            } else {
                candidate = nextInsert > p ? prev[(int) p & prevMask] : -1;
            }
            if (maxLength >= 4 && bestLength < Math.min(effort.niceLength, maxLength)) {
                long limit = p - maxOffset;
                int depth = effort.chainDepth;
                int chainBest = Math.max(bestLength, 3); // < maxLength, so buf[i + chainBest] is inside the frame
                while (candidate >= limit && candidate >= 0 && depth-- > 0) {
                    int c = (int) (candidate - base);
                    if (buf[c + chainBest] == buf[i + chainBest]) {
                        int len = matchLength(i, c, maxLength);
                        if (len > chainBest) {
                            chainBest = len;
                            int offset = (int) (p - candidate);
                            int benefit = len * LITERAL_BITS - MATCH_SYMBOL_BITS - (len > 8 ? LENGTH_SYMBOL_BITS : 0)
                                    - FOOTER_BITS[slotOf(offset + 2)];
                            if (benefit > bestBenefit) {
                                bestBenefit = benefit;
                                bestLength = len;
                                bestOffset = offset;
                            }
                            if (len >= effort.niceLength || len == maxLength) {
                                break;
                            }
                            if (len >= effort.goodLength && depth > 4) {
                                depth >>= 2;
                            }
                        }
                    }
                    int next = prev[candidate & prevMask];
                    if (next >= candidate) {
                        break; // the slot was reused by a newer position: the chain ends here
                    }
                    candidate = next;
                }
            }
        } else if (nextInsert <= p) {
            nextInsert = p + 1;
        }
        foundLength = bestLength;
        foundOffset = bestOffset;
        foundBenefit = bestBenefit;
    }

    /** Length of the common prefix of buf[a..] and buf[b..], at most {@code max}. */
    private int matchLength(int a, int b, int max) {
        int n = 0;
        while (n + 8 <= max) {
            long x = (long) LONGS.get(buf, a + n) ^ (long) LONGS.get(buf, b + n);
            if (x != 0) {
                return n + (Long.numberOfTrailingZeros(x) >>> 3);
            }
            n += 8;
        }
        while (n < max && buf[a + n] == buf[b + n]) {
            n++;
        }
        return n;
    }

    /** Moves the last {@code keep} bytes before {@code dataEnd} to the front; returns the shift. */
    int slide(int dataEnd, int keep) {
        int shift = dataEnd - keep;
        if (shift <= 0) {
            return 0;
        }
        System.arraycopy(buf, shift, buf, 0, keep);
        base += shift;
        return shift;
    }

    /** A position that will not be parsed (incompressible data) is not entered into the chains either. */
    void skipTo(long streamPosition) {
        nextInsert = Math.max(nextInsert, streamPosition);
    }
}
