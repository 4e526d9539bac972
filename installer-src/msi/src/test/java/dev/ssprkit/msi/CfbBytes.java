package dev.ssprkit.msi;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A compound file as bytes, for crafting corrupt inputs: header fields at their [MS-CFB] offsets, the FAT, directory
 * entries by name, and whole-stream replacement through POI. Assumes version 3 (512-byte sectors), as POI writes.
 */
final class CfbBytes {
    static final int SECTOR = 512, DIR_ENTRY = 128;
    static final int SECTOR_SHIFT = 0x1E, MINI_SHIFT = 0x20, FAT_COUNT = 0x2C, FIRST_DIR = 0x30, MINI_CUTOFF = 0x38,
            FIRST_MINIFAT = 0x3C, MINIFAT_COUNT = 0x40, FIRST_DIFAT = 0x44, DIFAT_COUNT = 0x48, DIFAT = 0x4C;
    /** Offsets inside a directory entry. */
    static final int E_NAME_LEN = 0x40, E_TYPE = 0x42, E_LEFT = 0x44, E_RIGHT = 0x48, E_CHILD = 0x4C, E_CLSID = 0x50,
            E_START = 0x74, E_SIZE = 0x78;

    final byte[] b;

    CfbBytes(byte[] bytes) {
        b = bytes.clone();
    }

    ByteBuffer buf() {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    int i32(int off) {
        return buf().getInt(off);
    }

    CfbBytes put32(int off, int v) {
        buf().putInt(off, v);
        return this;
    }

    CfbBytes put16(int off, int v) {
        buf().putShort(off, (short) v);
        return this;
    }

    static int sectorOffset(int sector) {
        return (sector + 1) * SECTOR;
    }

    /** Byte offset of FAT entry {@code sector} (the FAT sectors listed in the header's DIFAT array). */
    int fatEntryOffset(int sector) {
        int fatSector = i32(DIFAT + 4 * (sector / 128));
        return sectorOffset(fatSector) + 4 * (sector % 128);
    }

    int fat(int sector) {
        return i32(fatEntryOffset(sector));
    }

    List<Integer> chain(int start) {
        List<Integer> c = new ArrayList<>();
        for (int s = start; s >= 0 && c.size() < 100_000; s = fat(s)) c.add(s);
        return c;
    }

    /** Byte offset of directory entry {@code index}. */
    int entryOffset(int index) {
        List<Integer> dir = chain(i32(FIRST_DIR));
        return sectorOffset(dir.get(index / 4)) + DIR_ENTRY * (index % 4);
    }

    String entryName(int index) {
        int off = entryOffset(index);
        int len = Short.toUnsignedInt(buf().getShort(off + E_NAME_LEN));
        if (len < 2 || len > 64) return "";
        return new String(b, off, len - 2, StandardCharsets.UTF_16LE);
    }

    /** Byte offset of the directory entry with this (stored) name. */
    int entry(String storedName) {
        int count = chain(i32(FIRST_DIR)).size() * 4;
        for (int i = 0; i < count; i++) if (entryName(i).equals(storedName)) return entryOffset(i);
        throw new IllegalArgumentException("no entry " + storedName);
    }

    byte[] bytes() {
        return b.clone();
    }

    /** Rewrites the file through POI with one stream replaced (or removed when {@code data} is null). */
    static byte[] replaceStream(byte[] file, String storedName, byte[] data) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
            DirectoryEntry root = fs.getRoot();
            if (data == null) root.getEntry(storedName).delete();
            else {
                if (root.hasEntry(storedName)) root.getEntry(storedName).delete();
                root.createDocument(storedName, new ByteArrayInputStream(data));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    static byte[] stream(byte[] file, String storedName) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
            return fs.createDocumentInputStream(storedName).readAllBytes();
        }
    }
}
