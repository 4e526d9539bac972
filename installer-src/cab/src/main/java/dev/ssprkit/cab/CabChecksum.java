package dev.ssprkit.cab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The CFDATA.csum algorithm (msi-format.md section 5; the same as libmspack and GCAB compute).
 *
 * <p>XOR of the data's little-endian 32-bit words; 1-3 trailing bytes form one more word packed in reverse order
 * (b0&lt;&lt;16|b1&lt;&lt;8|b2, b0&lt;&lt;8|b1, b0); then the dword {@code cbData | cbUncomp << 16} is XORed in.
 * CFDATA reserve bytes are not covered (as in libmspack).
 */
final class CabChecksum {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private CabChecksum() {}

    /** The csum of a CFDATA whose {@code ab} is {@code data[off, off+len)}. */
    static int ofBlock(byte[] data, int off, int len, int cbData, int cbUncomp) {
        return ofBytes(data, off, len) ^ (cbData | (cbUncomp << 16));
    }

    static int ofBytes(byte[] b, int off, int len) {
        // XOR of little-endian 64-bit words, folded: its low and high halves are the XORs of the even and odd words
        long wide = 0;
        int i = off;
        for (int end = off + (len & ~7); i < end; i += 8) {
            wide ^= (long) LONG_LE.get(b, i);
        }
        int sum = (int) wide ^ (int) (wide >>> 32);
        if ((len & 4) != 0) {
            sum ^= (int) INT_LE.get(b, i);
            i += 4;
        }
        switch (len & 3) {
            case 3 -> sum ^= (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
            case 2 -> sum ^= (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
            case 1 -> sum ^= b[i] & 0xFF;
            default -> { }
        }
        return sum;
    }
}
