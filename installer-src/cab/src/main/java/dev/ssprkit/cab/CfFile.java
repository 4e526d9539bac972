package dev.ssprkit.cab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * CFFILE: {@code u32 cbFile}, {@code u32 uoffFolderStart}, {@code u16 iFolder}, {@code u16 date}, {@code u16 time},
 * {@code u16 attribs}, then szName (NUL-terminated; UTF-8 when attribs has 0x80).
 */
record CfFile(long cbFile, long uoffFolderStart, int iFolder, int date, int time, int attribs, byte[] szName) {
    static final int FIXED_SIZE = 16;
    /** iFolder values meaning "continued from/to another cabinet". */
    static final int IFOLD_CONTINUED_FROM_PREV = 0xFFFD;

    /** Bytes this entry takes in the file table. */
    int encodedSize() {
        return FIXED_SIZE + szName.length + 1;
    }

    void write(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt((int) cbFile);
        out.putInt((int) uoffFolderStart);
        out.putShort((short) iFolder);
        out.putShort((short) date);
        out.putShort((short) time);
        out.putShort((short) attribs);
        out.put(szName);
        out.put((byte) 0);
    }
}
