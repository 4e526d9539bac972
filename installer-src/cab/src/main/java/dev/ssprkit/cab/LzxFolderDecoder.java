package dev.ssprkit.cab;

import dev.ssprkit.cab.lzx.LzxDataException;
import dev.ssprkit.cab.lzx.LzxDecoder;

/** An LZX folder: one frame per CFDATA block, the LZX state carried from block to block. */
final class LzxFolderDecoder implements FolderDecoder {
    private final CabInput in;
    private final LzxDecoder decoder;

    LzxFolderDecoder(CabInput in, int windowBits) {
        this.in = in;
        this.decoder = new LzxDecoder(windowBits);
    }

    @Override
    public void decode(CfData block, byte[] data, byte[] out, String where) throws CabinetException {
        try {
            decoder.decodeFrame(data, 0, block.cbData(), block.cbUncomp(), out, 0);
        } catch (LzxDataException e) {
            throw in.fail(where + ": corrupt LZX data (" + e.getMessage() + ")", e);
        }
    }
}
