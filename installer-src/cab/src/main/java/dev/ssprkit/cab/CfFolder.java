package dev.ssprkit.cab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * CFFOLDER: {@code u32 coffCabStart} (offset of the folder's first CFDATA), {@code u16 cCFData},
 * {@code u16 typeCompress} (low nibble: 0 none, 1 MSZIP, 2 Quantum, 3 LZX), then cbCFFolder reserve bytes.
 */
record CfFolder(long coffCabStart, int cCFData, int typeCompress) {
    static final int SIZE = 8;

    void write(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt((int) coffCabStart);
        out.putShort((short) cCFData);
        out.putShort((short) typeCompress);
    }

    static CfFolder read(ByteBuffer in) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        long coffCabStart = Integer.toUnsignedLong(in.getInt());
        int cCFData = in.getShort() & 0xFFFF;
        int typeCompress = in.getShort() & 0xFFFF;
        return new CfFolder(coffCabStart, cCFData, typeCompress);
    }

    /** The compression method: the low nibble of typeCompress (LZX keeps its window size in bits 8-12). */
    int method() {
        return typeCompress & 0x0F;
    }

    /** The most uncompressed bytes the folder can hold: cCFData blocks of 32 KiB. */
    long capacity() {
        return (long) cCFData * CabFormat.BLOCK_SIZE;
    }
}
