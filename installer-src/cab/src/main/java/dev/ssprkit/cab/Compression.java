package dev.ssprkit.cab;

/** How a folder's CFDATA blocks are encoded: the low nibble of CFFOLDER.typeCompress. */
public enum Compression {
    /** typeCompress 0: CFDATA.ab holds the bytes as they are. */
    NONE(0),
    /** typeCompress 1: each CFDATA.ab is 'CK' followed by a raw deflate stream ending in a BFINAL block. */
    MSZIP(1);

    private final int typeCompress;

    Compression(int typeCompress) {
        this.typeCompress = typeCompress;
    }

    /** The CFFOLDER.typeCompress value. */
    public int typeCompress() {
        return typeCompress;
    }
}
