package dev.ssprkit.cab;

/** Format limits shared by the writer and the reader (msi-format.md section 5, "Limits"). */
final class CabFormat {
    private CabFormat() {}

    /** Uncompressed bytes in every CFDATA block except a folder's last. */
    static final int BLOCK_SIZE = 32768;
    /** The largest MSZIP CFDATA.cbData: 32 KiB plus 12 bytes of deflate overhead. */
    static final int MAX_MSZIP_CBDATA = BLOCK_SIZE + 12;
    static final int MAX_FILES = 0xFFFF;
    static final int MAX_FOLDERS = 0xFFFF;
    static final long MAX_FILE_SIZE = 0x7FFF8000L;
    static final long MAX_FOLDER_SIZE = 0x7FFF8000L;
    static final long MAX_CABINET_SIZE = 0x7FFFFFFFL;
    /** szName bytes, not counting the NUL. */
    static final int MAX_NAME_BYTES = 255;
    /** CFHEADER.cbCFHeader may not exceed this (MS-CAB). */
    static final int MAX_HEADER_RESERVE = 60000;

    static final int TYPE_NONE = 0;
    static final int TYPE_MSZIP = 1;
    static final int TYPE_QUANTUM = 2;
    static final int TYPE_LZX = 3;

    static final int ATTRIB_ARCHIVE = 0x20;
    static final int ATTRIB_NAME_IS_UTF8 = 0x80;

    static String hex(long v) {
        return "0x" + Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    }
}
