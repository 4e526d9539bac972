package dev.ssprkit.cab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates CFHEADER, the CFFOLDER table and the CFFILE table of an untrusted cabinet. Counts and offsets
 * are checked against cbCabinet and the channel size before any table is read, so a lying header fails cleanly.
 *
 * @param header     the fixed header
 * @param cbCFData   reserve bytes after each CFDATA header
 * @param folders    the folders, in order
 * @param entries    the files, in cabinet order
 * @param warnings   what is wrong but readable (a folder of empty files whose declared data block is absent)
 * @param prevCabinet szCabinetPrev when this cabinet continues a set, else null
 * @param nextCabinet szCabinetNext when the set continues in another cabinet, else null
 * @param fromPrev   indexes (in {@code entries}) of files that start in the previous cabinet (iFolder 0xFFFD or 0xFFFF)
 * @param toNext     indexes of files that end in the next cabinet (iFolder 0xFFFE or 0xFFFF)
 */
record CabinetDirectory(CfHeader header, int cbCFData, List<CfFolder> folders, List<CabEntry> entries, List<String> warnings,
                        String prevCabinet, String nextCabinet, java.util.Set<Integer> fromPrev,
                        java.util.Set<Integer> toNext) {
    static final int IFOLD_CONTINUED_FROM_PREV = 0xFFFD;
    static final int IFOLD_CONTINUED_TO_NEXT = 0xFFFE;
    static final int IFOLD_CONTINUED_PREV_AND_NEXT = 0xFFFF;

    static CabinetDirectory read(CabInput in) throws IOException {
        if (in.limit() < CfHeader.SIZE) {
            throw in.fail("too small to be a cabinet: " + in.limit() + " bytes, but CFHEADER alone is " + CfHeader.SIZE);
        }
        ByteBuffer fixed = in.read(0, CfHeader.SIZE, "CFHEADER");
        int signature = fixed.getInt(0);
        if (signature != CfHeader.SIGNATURE) {
            throw in.fail("not a cabinet: bad signature " + CabFormat.hex(Integer.toUnsignedLong(signature))
                    + " (expected 'MSCF')");
        }
        CfHeader h = CfHeader.read(fixed);
        if (h.versionMajor() != 1) {
            throw in.fail("unsupported cabinet format version " + h.versionMajor() + "." + h.versionMinor()
                    + " (expected 1.3)");
        }
        if (h.cbCabinet() < CfHeader.SIZE) {
            throw in.fail("cbCabinet = " + h.cbCabinet() + " is smaller than CFHEADER itself");
        }
        if (h.cbCabinet() > in.limit()) {
            throw in.fail("truncated: cbCabinet says " + h.cbCabinet() + " bytes but only " + in.limit()
                    + " are present");
        }
        in.limit(h.cbCabinet());
        long pos = CfHeader.SIZE;
        int cbCFFolder = 0;
        int cbCFData = 0;
        if ((h.flags() & CfHeader.FLAG_RESERVE_PRESENT) != 0) {
            ByteBuffer r = in.read(pos, 4, "reserve sizes (cbCFHeader, cbCFFolder, cbCFData)");
            int cbCFHeader = r.getShort() & 0xFFFF;
            cbCFFolder = r.get() & 0xFF;
            cbCFData = r.get() & 0xFF;
            if (cbCFHeader > CabFormat.MAX_HEADER_RESERVE) {
                throw in.fail("cbCFHeader = " + cbCFHeader + " exceeds the limit of " + CabFormat.MAX_HEADER_RESERVE);
            }
            pos += 4 + cbCFHeader;
        }
        // A cabinet of a set (MS-CAB 2.1): the names of the previous and next cabinets and their disks follow.
        String[] prev = null, next = null;
        if ((h.flags() & CfHeader.FLAG_PREV_CABINET) != 0) {
            prev = new String[2];
            for (int i = 0; i < 2; i++) {
                prev[i] = setName(in, pos, i == 0 ? "szCabinetPrev" : "szDiskPrev");
                pos += prev[i].length() + 1;
            }
        }
        if ((h.flags() & CfHeader.FLAG_NEXT_CABINET) != 0) {
            next = new String[2];
            for (int i = 0; i < 2; i++) {
                next[i] = setName(in, pos, i == 0 ? "szCabinetNext" : "szDiskNext");
                pos += next[i].length() + 1;
            }
        }
        if (h.cFolders() == 0 && h.cFiles() > 0) {
            throw in.fail("cFiles = " + h.cFiles() + " but cFolders = 0");
        }
        long folderEntry = CfFolder.SIZE + cbCFFolder;
        if (pos > in.limit() || (long) h.cFolders() * folderEntry > in.limit() - pos) {
            throw in.fail("cFolders = " + h.cFolders() + " folder entries of " + folderEntry
                    + " bytes do not fit in a cabinet of " + in.limit() + " bytes");
        }
        ByteBuffer folderTable = in.read(pos, (int) (h.cFolders() * folderEntry), "CFFOLDER table");
        List<CfFolder> folders = new ArrayList<>(h.cFolders());
        List<Integer> noData = new ArrayList<>(); // folders whose declared CFDATA blocks are not in the file
        for (int i = 0; i < h.cFolders(); i++) {
            folderTable.position((int) (i * folderEntry));
            CfFolder f = CfFolder.read(folderTable);
            long dataEntry = CfData.SIZE + cbCFData;
            if (f.coffCabStart() < CfHeader.SIZE || f.coffCabStart() > in.limit()
                    || f.cCFData() * dataEntry > in.limit() - f.coffCabStart()) {
                // gcab and wixl write a cabinet of one empty file as one CFDATA declared and none present; cabextract,
                // 7z and msiextract read it. Accepted below when every file of the folder is empty.
                if (f.cCFData() <= 1 && f.coffCabStart() >= CfHeader.SIZE && f.coffCabStart() <= in.limit()) {
                    noData.add(i);
                } else {
                    throw in.fail("folder " + i + ": coffCabStart = " + f.coffCabStart() + " with cCFData = " + f.cCFData()
                            + " does not fit in a cabinet of " + in.limit() + " bytes");
                }
            }
            folders.add(f);
        }
        java.util.Set<Integer> fromPrev = new java.util.TreeSet<>(), toNext = new java.util.TreeSet<>();
        List<CabEntry> entries = readFiles(in, h, folders, fromPrev, toNext);
        List<String> warnings = new ArrayList<>();
        for (int i : noData) {
            for (CabEntry e : entries) {
                if (e.folderIndex() == i && e.size() > 0) {
                    throw in.fail("folder " + i + ": coffCabStart = " + folders.get(i).coffCabStart() + " with cCFData = "
                            + folders.get(i).cCFData() + " does not fit in a cabinet of " + in.limit() + " bytes, and file '"
                            + e.name() + "' (" + e.size() + " bytes) needs its data");
                }
            }
            warnings.add("folder " + i + " declares " + folders.get(i).cCFData() + " data block but the cabinet ends before it;"
                    + " its files are all empty, so nothing is missing (gcab writes such cabinets)");
        }
        return new CabinetDirectory(h, cbCFData, List.copyOf(folders), entries, List.copyOf(warnings),
                prev == null ? null : prev[0], next == null ? null : next[0], java.util.Set.copyOf(fromPrev), java.util.Set.copyOf(toNext));
    }

    /** A NUL-terminated name of at most 255 bytes in the set fields of the header. */
    private static String setName(CabInput in, long pos, String what) throws IOException {
        int want = (int) Math.min(CabFormat.MAX_NAME_BYTES + 1, in.limit() - pos);
        if (want <= 0) throw in.fail(what + " at offset " + pos + " lies past the end of the cabinet");
        ByteBuffer b = in.read(pos, want, what);
        for (int i = 0; i < want; i++) {
            if (b.get(i) == 0) {
                byte[] name = new byte[i];
                b.get(0, name);
                return new String(name, StandardCharsets.ISO_8859_1);
            }
        }
        throw in.fail(what + " at offset " + pos + " has no NUL terminator within " + (CabFormat.MAX_NAME_BYTES + 1) + " bytes");
    }

    private static List<CabEntry> readFiles(CabInput in, CfHeader h, List<CfFolder> folders, java.util.Set<Integer> fromPrev,
                                            java.util.Set<Integer> toNext) throws IOException {
        long pos = h.coffFiles();
        long minEntry = CfFile.FIXED_SIZE + 2; // at least one name byte and the NUL
        if (h.cFiles() > 0 && (pos < CfHeader.SIZE || pos > in.limit()
                || h.cFiles() * minEntry > in.limit() - pos)) {
            throw in.fail("coffFiles = " + pos + " with cFiles = " + h.cFiles()
                    + " does not fit in a cabinet of " + in.limit() + " bytes");
        }
        List<CabEntry> entries = new ArrayList<>(h.cFiles());
        for (int i = 0; i < h.cFiles(); i++) {
            int want = (int) Math.min(CfFile.FIXED_SIZE + CabFormat.MAX_NAME_BYTES + 1, in.limit() - pos);
            ByteBuffer b = in.read(pos, want, "CFFILE " + i);
            if (want < minEntry) {
                throw in.fail("CFFILE " + i + " at offset " + pos + " is cut off by the end of the cabinet");
            }
            long cbFile = Integer.toUnsignedLong(b.getInt());
            long uoff = Integer.toUnsignedLong(b.getInt());
            int iFolder = b.getShort() & 0xFFFF;
            int date = b.getShort() & 0xFFFF;
            int time = b.getShort() & 0xFFFF;
            int attribs = b.getShort() & 0xFFFF;
            int nul = -1;
            for (int j = CfFile.FIXED_SIZE; j < want; j++) {
                if (b.get(j) == 0) {
                    nul = j;
                    break;
                }
            }
            if (nul < 0) {
                throw in.fail("CFFILE " + i + " at offset " + pos + ": name has no NUL terminator within "
                        + (CabFormat.MAX_NAME_BYTES + 1) + " bytes (or before the end of the cabinet)");
            }
            if (nul == CfFile.FIXED_SIZE) {
                throw in.fail("CFFILE " + i + " at offset " + pos + " has an empty name");
            }
            byte[] nameBytes = new byte[nul - CfFile.FIXED_SIZE];
            b.get(CfFile.FIXED_SIZE, nameBytes);
            String name = decodeName(in, i, nameBytes, (attribs & CabFormat.ATTRIB_NAME_IS_UTF8) != 0);
            String where = "file '" + name + "' (CFFILE " + i + ")";
            boolean continued = iFolder >= IFOLD_CONTINUED_FROM_PREV;
            if (continued) {
                boolean prev = iFolder != IFOLD_CONTINUED_TO_NEXT;
                if (folders.isEmpty() || prev && (h.flags() & CfHeader.FLAG_PREV_CABINET) == 0
                        || iFolder != IFOLD_CONTINUED_FROM_PREV && (h.flags() & CfHeader.FLAG_NEXT_CABINET) == 0) {
                    throw in.fail(where + " has iFolder " + CabFormat.hex(iFolder) + " (continued across cabinets) but the"
                            + " header names no " + (prev ? "previous" : "next") + " cabinet");
                }
                if (prev) fromPrev.add(entries.size());
                if (iFolder != IFOLD_CONTINUED_FROM_PREV) toNext.add(entries.size());
                // the folder continued from the previous cabinet is the first; the one continued into the next the last
                iFolder = iFolder == IFOLD_CONTINUED_TO_NEXT ? folders.size() - 1 : 0;
            }
            if (iFolder >= folders.size()) {
                throw in.fail(where + " names folder " + iFolder + " but the cabinet has " + folders.size());
            }
            CfFolder folder = folders.get(iFolder);
            // a folder continued from or into another cabinet is checked when the set is put together (CabinetSet)
            boolean spanning = continued || iFolder == 0 && (h.flags() & CfHeader.FLAG_PREV_CABINET) != 0
                    || iFolder == folders.size() - 1 && (h.flags() & CfHeader.FLAG_NEXT_CABINET) != 0;
            if (!spanning && uoff + cbFile > folder.capacity()) {
                throw in.fail(where + " (" + cbFile + " bytes at offset " + uoff + ") extends past the end of folder "
                        + iFolder + ", which holds at most " + folder.capacity() + " bytes in " + folder.cCFData()
                        + " blocks");
            }
            entries.add(new CabEntry(name, cbFile, iFolder, uoff, date, time, attribs));
            pos += nul + 1;
        }
        return List.copyOf(entries);
    }

    private static String decodeName(CabInput in, int index, byte[] bytes, boolean utf8) throws CabinetException {
        if (!utf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw in.fail("CFFILE " + index + ": name is flagged UTF-8 (attribs 0x80) but is not valid UTF-8", e);
        }
    }
}
