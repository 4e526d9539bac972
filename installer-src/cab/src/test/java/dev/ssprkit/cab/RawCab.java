package dev.ssprkit.cab;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Assembles cabinets field by field, so tests can build shapes our writer never produces (reserve, bad blocks). */
final class RawCab {
    record Block(int cbUncomp, byte[] ab, Integer csum) {}

    record Folder(int typeCompress, List<Block> blocks) {}

    record File(byte[] name, long cbFile, long uoff, int iFolder, int attribs) {}

    int flags;
    byte[] headerReserve;
    int cbCFFolder;
    int cbCFData;
    final List<Folder> folders = new ArrayList<>();
    final List<File> files = new ArrayList<>();

    RawCab folder(int typeCompress, Block... blocks) {
        folders.add(new Folder(typeCompress, List.of(blocks)));
        return this;
    }

    RawCab file(String name, long cbFile, long uoff, int iFolder) {
        files.add(new File(name.getBytes(StandardCharsets.UTF_8), cbFile, uoff, iFolder, 0x20));
        return this;
    }

    RawCab reserve(int cbCFHeader, int cbCFFolder, int cbCFData) {
        this.flags |= CfHeader.FLAG_RESERVE_PRESENT;
        this.headerReserve = new byte[cbCFHeader];
        Arrays.fill(headerReserve, (byte) 0xAB);
        this.cbCFFolder = cbCFFolder;
        this.cbCFData = cbCFData;
        return this;
    }

    /** An uncompressed block with a correct checksum. */
    static Block stored(byte[] data) {
        return new Block(data.length, data, null);
    }

    /** An MSZIP block produced by our encoder (previous = history), with a correct checksum. */
    static Block mszip(byte[] previous, byte[] data) {
        byte[] record = new CfDataEncoder(Compression.MSZIP, CompressionLevel.HIGH).encode(previous, data);
        return new Block(data.length, Arrays.copyOfRange(record, CfData.SIZE, record.length), null);
    }

    byte[] build() {
        int headerLen = CfHeader.SIZE + (headerReserve != null ? 4 + headerReserve.length : 0);
        int folderLen = folders.size() * (CfFolder.SIZE + cbCFFolder);
        int fileLen = files.stream().mapToInt(f -> CfFile.FIXED_SIZE + f.name().length + 1).sum();
        int dataLen = folders.stream().flatMap(f -> f.blocks().stream())
                .mapToInt(b -> CfData.SIZE + cbCFData + b.ab().length).sum();
        int total = headerLen + folderLen + fileLen + dataLen;
        ByteBuffer buf = ByteBuffer.allocate(total);
        new CfHeader(total, headerLen + folderLen, 3, 1, folders.size(), files.size(), flags, 0, 0).write(buf);
        if (headerReserve != null) {
            buf.putShort((short) headerReserve.length).put((byte) cbCFFolder).put((byte) cbCFData).put(headerReserve);
        }
        long dataOffset = headerLen + folderLen + fileLen;
        for (Folder f : folders) {
            new CfFolder(dataOffset, f.blocks().size(), f.typeCompress()).write(buf);
            buf.put(new byte[cbCFFolder]);
            for (Block b : f.blocks()) {
                dataOffset += CfData.SIZE + cbCFData + b.ab().length;
            }
        }
        for (File f : files) {
            new CfFile(f.cbFile(), f.uoff(), f.iFolder(), 0x5821, 0x6000, f.attribs(), f.name()).write(buf);
        }
        for (Folder f : folders) {
            for (Block b : f.blocks()) {
                int csum = b.csum() != null ? b.csum()
                        : CabChecksum.ofBlock(b.ab(), 0, b.ab().length, b.ab().length, b.cbUncomp());
                new CfData(csum, b.ab().length, b.cbUncomp()).write(buf);
                buf.put(new byte[cbCFData]);
                buf.put(b.ab());
            }
        }
        return buf.array();
    }
}
