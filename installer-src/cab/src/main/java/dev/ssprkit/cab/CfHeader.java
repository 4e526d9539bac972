package dev.ssprkit.cab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * CFHEADER: the fixed 36-byte start of a cabinet. Little-endian; widths as in MS-CAB.
 *
 * <pre>
 *  0 u8[4] signature "MSCF"     4 u32 reserved1      8 u32 cbCabinet     12 u32 reserved2
 * 16 u32 coffFiles             20 u32 reserved3     24 u8 versionMinor  25 u8 versionMajor
 * 26 u16 cFolders              28 u16 cFiles        30 u16 flags        32 u16 setID        34 u16 iCabinet
 * </pre>
 * With {@link #FLAG_RESERVE_PRESENT}: u16 cbCFHeader, u8 cbCFFolder, u8 cbCFData, then cbCFHeader bytes.
 */
record CfHeader(long cbCabinet, long coffFiles, int versionMinor, int versionMajor, int cFolders, int cFiles,
                int flags, int setID, int iCabinet) {

    static final int SIZE = 36;
    static final int OFFSET_CB_CABINET = 8;
    static final int SIGNATURE = 0x4643534D; // "MSCF" read as a little-endian u32
    static final int FLAG_PREV_CABINET = 0x0001;
    static final int FLAG_NEXT_CABINET = 0x0002;
    static final int FLAG_RESERVE_PRESENT = 0x0004;

    /** A version 1.3 header for a single cabinet (setID 0, iCabinet 0, no reserve). */
    static CfHeader single(long cbCabinet, long coffFiles, int cFolders, int cFiles) {
        return new CfHeader(cbCabinet, coffFiles, 3, 1, cFolders, cFiles, 0, 0, 0);
    }

    void write(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(SIGNATURE);
        out.putInt(0);
        out.putInt((int) cbCabinet);
        out.putInt(0);
        out.putInt((int) coffFiles);
        out.putInt(0);
        out.put((byte) versionMinor);
        out.put((byte) versionMajor);
        out.putShort((short) cFolders);
        out.putShort((short) cFiles);
        out.putShort((short) flags);
        out.putShort((short) setID);
        out.putShort((short) iCabinet);
    }

    /** Reads the fields after the signature (which the caller has checked); no validation. */
    static CfHeader read(ByteBuffer in) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        int base = in.position();
        long cbCabinet = Integer.toUnsignedLong(in.getInt(base + 8));
        long coffFiles = Integer.toUnsignedLong(in.getInt(base + 16));
        int minor = in.get(base + 24) & 0xFF;
        int major = in.get(base + 25) & 0xFF;
        return new CfHeader(cbCabinet, coffFiles, minor, major, in.getShort(base + 26) & 0xFFFF,
                in.getShort(base + 28) & 0xFFFF, in.getShort(base + 30) & 0xFFFF, in.getShort(base + 32) & 0xFFFF,
                in.getShort(base + 34) & 0xFFFF);
    }
}
