package dev.ssprkit.cab;

/**
 * Turns one CFDATA block's ab into its cbUncomp bytes, for a compression method whose state runs from block to block
 * through a folder. {@link FolderDataStream} reads, bounds-checks and checksums each block first and calls this in
 * folder order. (MSZIP and stored blocks are still decoded by {@link FolderDataStream} itself.)
 */
interface FolderDecoder {
    /**
     * @param data  the block's cbData bytes (at least one spare byte after them)
     * @param out   receives cbUncomp bytes at 0
     * @param where "folder N, CFDATA block M", for messages
     */
    void decode(CfData block, byte[] data, byte[] out, String where) throws CabinetException;

    /** The decoder for CFFOLDER.typeCompress, or null when {@link FolderDataStream} decodes it itself. */
    static FolderDecoder forFolder(CabInput in, CfFolder folder, int folderIndex) throws CabinetException {
        if (folder.method() != CabFormat.TYPE_LZX) {
            return null;
        }
        int windowBits = (folder.typeCompress() >>> 8) & 0x1F;
        if (windowBits < dev.ssprkit.cab.lzx.LzxFormat.MIN_WINDOW_BITS || windowBits > dev.ssprkit.cab.lzx.LzxFormat.MAX_WINDOW_BITS) {
            throw in.fail("folder " + folderIndex + " uses LZX with a window of 2^" + windowBits
                    + " bytes (typeCompress " + CabFormat.hex(folder.typeCompress()) + "); LZX windows are 2^15..2^21");
        }
        return new LzxFolderDecoder(in, windowBits);
    }
}
