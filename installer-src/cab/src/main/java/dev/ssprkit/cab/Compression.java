package dev.ssprkit.cab;

/** How a folder's CFDATA blocks are encoded: the low nibble of CFFOLDER.typeCompress. */
public enum Compression {
    /** typeCompress 0: CFDATA.ab holds the bytes as they are. */
    NONE(0),
    /** typeCompress 1: each CFDATA.ab is 'CK' followed by a raw deflate stream ending in a BFINAL block. */
    MSZIP(1),
    /**
     * typeCompress 3 with the window size (2^15..2^21 bytes) in bits 8-12: an LZX stream per folder, one frame of
     * 32 KiB per CFDATA block. See {@link dev.ssprkit.cab.lzx}.
     */
    LZX(3);

    private final int typeCompress;

    Compression(int typeCompress) {
        this.typeCompress = typeCompress;
    }

    /** The CFFOLDER.typeCompress value's low nibble (LZX adds its window bits). */
    public int typeCompress() {
        return typeCompress;
    }
}
