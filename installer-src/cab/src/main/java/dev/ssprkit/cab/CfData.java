package dev.ssprkit.cab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * CFDATA header: {@code u32 csum}, {@code u16 cbData} (bytes of ab), {@code u16 cbUncomp}, then cbCFData reserve
 * bytes and the cbData bytes of ab.
 */
record CfData(int csum, int cbData, int cbUncomp) {
    static final int SIZE = 8;

    void write(ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(csum);
        out.putShort((short) cbData);
        out.putShort((short) cbUncomp);
    }

    static CfData read(ByteBuffer in) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        int csum = in.getInt();
        int cbData = in.getShort() & 0xFFFF;
        int cbUncomp = in.getShort() & 0xFFFF;
        return new CfData(csum, cbData, cbUncomp);
    }
}
