package dev.ssprkit.msi.container;

import dev.ssprkit.common.ChannelOutputStream;
import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.StorageData;
import dev.ssprkit.msi.model.StreamData;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@link StorageWriter} that writes a compound file ([MS-CFB] version 3: 512-byte sectors, 64-byte mini sectors,
 * 4096-byte mini stream cutoff) in one pass, copying each large stream straight from its {@link StreamData} to the
 * output. Only streams under the cutoff (tables, summary information) are held in memory, so memory does not grow
 * with the size of an embedded cabinet.
 *
 * <p>Every size is known before the first byte is written, so the whole sector layout is fixed up front and the
 * header, FAT and DIFAT can be written where readers expect them without seeking. The layout, in sector order:
 * <pre>
 *   header | large streams (in order of addition) | mini stream | mini FAT | directory | FAT | DIFAT
 * </pre>
 * except that a stream named by {@link #placeFirst} comes before the other large streams: one sector into the file,
 * a place known before anything else is. When its content already lies there in the very file being written (a
 * cabinet the binder wrote straight into the package, {@link StreamData#placement}), it is left in place instead of
 * being copied onto itself; the bytes written are the same either way.
 * Streams inside storages below the root (embedded transforms) are laid out like the root's. Every chain is
 * contiguous. No time stamps are written, so the bytes depend only on the streams, their order and the
 * root CLSID.
 */
public final class StreamingCfbWriter implements StorageWriter {
    static final int SECTOR = 512, MINI_SECTOR = 64, MINI_CUTOFF = 4096, DIR_ENTRY = 128, HEADER_DIFAT = 109;
    static final int ENTRIES_PER_SECTOR = SECTOR / 4;
    /** Sector markers ([MS-CFB] §2.1). */
    static final int MAXREGSECT = 0xFFFFFFFA, DIFSECT = 0xFFFFFFFC, FATSECT = 0xFFFFFFFD, ENDOFCHAIN = 0xFFFFFFFE,
            FREESECT = 0xFFFFFFFF;
    /** [MS-CFB] §2.2: a version 3 file must not exceed 2 GB (2^31 bytes). */
    static final long MAX_FILE_SIZE = 1L << 31;
    private static final long SIGNATURE = 0xE11AB1A1E011CFD0L;

    /** The {@link Stream#parent} of a root-level stream. */
    private static final int ROOT = -1;

    private byte[] rootClsid = new byte[16];
    /** The stored name of the root-level stream laid out first ({@link #placeFirst}), or null. */
    private String first;
    private final List<Stream> streams = new ArrayList<>();
    private final List<Storage> storages = new ArrayList<>();
    /** Names in use per storage ({@link #ROOT} or an index into {@link #storages}): they compare case-insensitively. */
    private final Map<Integer, TreeSet<String>> names = new HashMap<>();

    /**
     * A stream to write, in the root ({@link #ROOT}) or in the storage with index {@code parent}: small ones carry
     * their bytes, large ones are read when written.
     */
    private record Stream(String name, int parent, long size, byte[] small, StreamData data) {}

    /** A storage below the root: its name and CLSID as stored; its streams name it as their parent. */
    private record Storage(String name, byte[] clsid) {}

    @Override
    public void rootClsid(String clsid) {
        rootClsid = clsidBytes(clsid);
    }

    @Override
    public void placeFirst(String storedName) {
        first = storedName;
    }

    @Override
    public void addStream(String storedName, StreamData data) throws IOException {
        addStream(ROOT, "stream " + printable(storedName), storedName, data);
    }

    @Override
    public void addStorage(String name, StorageData storage) throws IOException {
        String where = "storage " + printable(name);
        checkName(where, name, ROOT);
        int index = storages.size();
        storages.add(new Storage(name, clsidBytes(storage.clsid())));
        for (Map.Entry<String, StreamData> e : storage.streams().entrySet()) {
            addStream(index, where + " stream " + printable(e.getKey()), e.getKey(), e.getValue());
        }
    }

    private void addStream(int parent, String where, String storedName, StreamData data) throws IOException {
        checkName(where, storedName, parent);
        long size = data.size();
        if (size < 0 || size > MAX_FILE_SIZE) throw new MsiException(where, size + " bytes, more than a version 3 compound file holds");
        byte[] small = null;
        if (size < MINI_CUTOFF) {
            small = data.readAllBytes();
            if (small.length != size) throw new MsiException(where, "declared " + size + " bytes but gave " + small.length);
        }
        streams.add(new Stream(storedName, parent, size, small, small == null ? data : null));
    }

    /** [MS-CFB] §2.6.1 names: 1..31 UTF-16 units, none of {@code / \ : !}, unique (case-insensitively) in their storage. */
    private void checkName(String where, String name, int parent) throws MsiException {
        if (name.length() > 31) {
            throw new MsiException(where, "compound-file names hold at most 31 UTF-16 units, this one has " + name.length());
        }
        if (name.isEmpty()) throw new MsiException(where, "compound-file names must not be empty");
        for (char c : new char[] {'/', '\\', ':', '!', '\0'}) {
            if (name.indexOf(c) >= 0) throw new MsiException(where, "compound-file names must not contain '" + (c == 0 ? "\\0" : c) + "'");
        }
        if (!names.computeIfAbsent(parent, p -> new TreeSet<>(CfbDirectoryTree.ORDER)).add(name)) {
            throw new MsiException(where, "is stored twice (compound-file names compare case-insensitively)");
        }
    }

    private static String printable(String name) {
        return name.replace("\u0005", "\\005");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Layout l = new Layout();
        OutputStream os = new BufferedOutputStream(out, 1 << 16);
        os.write(header(l));
        byte[] copy = new byte[1 << 16];
        FileChannel target = out instanceof ChannelOutputStream c ? c.channel() : null;
        Path targetFile = out instanceof ChannelOutputStream c ? c.file() : null;
        for (int i : l.large) {
            Stream s = streams.get(i);
            if (inPlace(s, l.start[i], os, target, targetFile)) continue;
            if (!(target != null && transfer(s, os, target))) copy(s, os, copy);
        }
        for (Stream s : streams) {
            if (s.small != null) {
                os.write(s.small);
                pad(os, s.size, MINI_SECTOR);
            }
        }
        pad(os, l.miniStreamSize, SECTOR);
        writeMiniFat(l, os);
        writeDirectory(l, os);
        writeFat(l, os);
        writeDifat(l, os);
        os.flush();
    }

    /** Where everything goes: computed from the sizes alone, before anything is written. */
    private final class Layout {
        final long[] start = new long[streams.size()]; // first sector, or first mini sector for small streams
        /** Indexes of the large streams in sector order: the {@link #placeFirst} stream, then order of addition. */
        final List<Integer> large = new ArrayList<>();
        final long miniStreamSize, miniStreamStart, miniFatStart, miniFatSectors, dirStart, dirSectors, fatStart,
                fatSectors, difatStart, difatSectors, total;

        Layout() throws MsiException {
            long sector = 0, mini = 0;
            for (int i = 0; i < streams.size(); i++) {
                Stream s = streams.get(i);
                if (s.small != null) {
                    start[i] = s.size == 0 ? -1 : mini;
                    mini += ceil(s.size, MINI_SECTOR);
                } else if (s.parent == ROOT && s.name.equals(first)) {
                    large.add(0, i);
                } else {
                    large.add(i);
                }
            }
            for (int i : large) {
                start[i] = sector;
                sector += ceil(streams.get(i).size, SECTOR);
            }
            miniStreamSize = mini * MINI_SECTOR;
            miniStreamStart = sector;
            sector += ceil(miniStreamSize, SECTOR);
            miniFatStart = sector;
            miniFatSectors = ceil(mini, ENTRIES_PER_SECTOR);
            sector += miniFatSectors;
            dirStart = sector;
            dirSectors = ceil((1L + streams.size() + storages.size()) * DIR_ENTRY, SECTOR);
            sector += dirSectors;
            // The FAT covers itself and the DIFAT: grow both until they cover everything.
            long fat = 0, difat = 0;
            while (true) {
                long f = ceil(sector + fat + difat, ENTRIES_PER_SECTOR);
                long d = f <= HEADER_DIFAT ? 0 : ceil(f - HEADER_DIFAT, ENTRIES_PER_SECTOR - 1);
                if (f == fat && d == difat) break;
                fat = f;
                difat = d;
            }
            fatStart = sector;
            fatSectors = fat;
            difatStart = sector + fat;
            difatSectors = difat;
            total = sector + fat + difat;
            long fileSize = (total + 1) * SECTOR;
            if (fileSize > MAX_FILE_SIZE || total > Integer.toUnsignedLong(MAXREGSECT)) {
                throw new MsiException("compound file", "would be " + fileSize + " bytes; a version 3 compound file (512-byte"
                        + " sectors) holds at most 2 GB: put large payloads in external cabinets");
            }
        }
    }

    private byte[] header(Layout l) {
        ByteBuffer h = ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
        h.putLong(0x00, SIGNATURE);               // header signature; header CLSID (0x08) stays zero
        h.putShort(0x18, (short) 0x003E);          // minor version
        h.putShort(0x1A, (short) 3);               // major version
        h.putShort(0x1C, (short) 0xFFFE);          // byte order
        h.putShort(0x1E, (short) 9);               // sector shift: 512
        h.putShort(0x20, (short) 6);               // mini sector shift: 64
        h.putInt(0x28, 0);                         // number of directory sectors: 0 in version 3
        h.putInt(0x2C, (int) l.fatSectors);
        h.putInt(0x30, (int) l.dirStart);
        h.putInt(0x34, 0);                         // transaction signature
        h.putInt(0x38, MINI_CUTOFF);
        h.putInt(0x3C, l.miniFatSectors == 0 ? ENDOFCHAIN : (int) l.miniFatStart);
        h.putInt(0x40, (int) l.miniFatSectors);
        h.putInt(0x44, l.difatSectors == 0 ? ENDOFCHAIN : (int) l.difatStart);
        h.putInt(0x48, (int) l.difatSectors);
        for (int i = 0; i < HEADER_DIFAT; i++) {
            h.putInt(0x4C + 4 * i, i < l.fatSectors ? (int) (l.fatStart + i) : FREESECT);
        }
        return h.array();
    }

    /**
     * Copies a file-backed stream into the file being written by the kernel ({@link FileChannel#transferTo}: no copy
     * through our memory; a 119 MB cabinet took 34 ms instead of 52 ms); false when the stream is not a file.
     */
    private static boolean transfer(Stream s, OutputStream os, FileChannel target) throws IOException {
        try (SeekableByteChannel channel = s.data.channel()) {
            if (!(channel instanceof FileChannel from)) return false;
            os.flush(); // what is buffered goes first: the transfer writes at the channel's position
            long done = 0;
            while (done < s.size) {
                long n = from.transferTo(done, s.size - done, target);
                if (n <= 0) break;
                done += n;
            }
            if (done != s.size || from.size() != s.size) throw changed(s, s.size - done);
        }
        pad(os, s.size, SECTOR);
        return true;
    }

    /**
     * Leaves a stream whose content already lies where the layout puts it, in the file being written: moves past it
     * (and pads its last sector) instead of copying it onto itself. False, writing nothing, when its content is in
     * another file. Content in this file but elsewhere than the layout puts it would be overwritten before it was
     * copied: that is an internal error (the binder and the writer disagree on which stream comes first), not a
     * package with the wrong bytes.
     */
    private static boolean inPlace(Stream s, long startSector, OutputStream os, FileChannel target, Path targetFile) throws IOException {
        StreamData.Placement at = s.data.placement();
        if (at == null || target == null || targetFile == null || !java.nio.file.Files.isSameFile(at.file(), targetFile)) return false;
        if (at.offset() != (startSector + 1) * SECTOR) {
            throw new IllegalStateException("stream " + s.name + " lies at byte " + at.offset() + " of the file being written,"
                    + " but the layout puts it at " + (startSector + 1) * SECTOR);
        }
        os.flush(); // the header and whatever precedes the stream are in the file
        if (target.position() != at.offset()) {
            throw new IllegalStateException("stream " + s.name + " lies at " + at.offset() + " but the layout reached " + target.position());
        }
        if (target.size() < at.offset() + s.size) throw changed(s, at.offset() + s.size - target.size());
        target.position(at.offset() + s.size);
        pad(os, s.size, SECTOR);
        return true;
    }

    private static MsiException changed(Stream s, long left) {
        return new MsiException("stream " + s.name, "declared " + s.size + " bytes but its content "
                + (left != 0 ? "ended " + left + " bytes early" : "is longer") + " (did the file change while the package was written?)");
    }

    private static void copy(Stream s, OutputStream os, byte[] buf) throws IOException {
        long left = s.size;
        try (InputStream in = s.data.open()) {
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) break;
                os.write(buf, 0, n);
                left -= n;
            }
            if (left != 0 || in.read() >= 0) throw changed(s, left);
        }
        pad(os, s.size, SECTOR);
    }

    /** Zero bytes up to the next multiple of {@code unit}. */
    private static void pad(OutputStream os, long written, int unit) throws IOException {
        int rest = (int) (written % unit);
        if (rest != 0) os.write(new byte[unit - rest]);
    }

    private void writeMiniFat(Layout l, OutputStream os) throws IOException {
        if (l.miniFatSectors == 0) return;
        ChainTable t = new ChainTable(os);
        for (Stream s : streams) {
            if (s.small != null) t.chain(ceil(s.size, MINI_SECTOR));
        }
        t.finish(l.miniFatSectors);
    }

    private void writeFat(Layout l, OutputStream os) throws IOException {
        ChainTable t = new ChainTable(os);
        for (int i : l.large) t.chain(ceil(streams.get(i).size, SECTOR));
        t.chain(ceil(l.miniStreamSize, SECTOR));
        t.chain(l.miniFatSectors);
        t.chain(l.dirSectors);
        t.mark(l.fatSectors, FATSECT);
        t.mark(l.difatSectors, DIFSECT);
        t.finish(l.fatSectors);
    }

    private void writeDifat(Layout l, OutputStream os) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
        long fat = HEADER_DIFAT;
        for (long d = 0; d < l.difatSectors; d++) {
            b.clear();
            for (int i = 0; i < ENTRIES_PER_SECTOR - 1; i++, fat++) {
                b.putInt(fat < l.fatSectors ? (int) (l.fatStart + fat) : FREESECT);
            }
            b.putInt(d + 1 < l.difatSectors ? (int) (l.difatStart + d + 1) : ENDOFCHAIN);
            os.write(b.array());
        }
    }

    /**
     * The directory: entry 0 is the root, then the root's children (its streams, then its storages), then each
     * storage's streams; each storage's children form their own tree ([MS-CFB] §2.6.4).
     */
    private void writeDirectory(Layout l, OutputStream os) throws IOException {
        int entries = 1 + streams.size() + storages.size();
        ByteBuffer b = ByteBuffer.allocate((int) (l.dirSectors * SECTOR)).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> rootStreams = childrenOf(ROOT);
        List<String> rootNames = new ArrayList<>();
        for (int i : rootStreams) rootNames.add(streams.get(i).name);
        for (Storage st : storages) rootNames.add(st.name);
        CfbDirectoryTree rootTree = new CfbDirectoryTree(rootNames, 1);
        entry(b, 0, "Root Entry", 5, false, CfbDirectoryTree.NOSTREAM, CfbDirectoryTree.NOSTREAM, rootTree.root, rootClsid,
                l.miniStreamSize == 0 ? ENDOFCHAIN : (int) l.miniStreamStart, l.miniStreamSize);
        for (int k = 0; k < rootStreams.size(); k++) streamEntry(b, l, rootStreams.get(k), 1 + k, rootTree, k);
        int nextId = 1 + rootNames.size();
        for (int s = 0; s < storages.size(); s++) {
            List<Integer> children = childrenOf(s);
            List<String> childNames = new ArrayList<>();
            for (int i : children) childNames.add(streams.get(i).name);
            CfbDirectoryTree tree = new CfbDirectoryTree(childNames, nextId);
            int k = rootStreams.size() + s;
            entry(b, 1 + k, storages.get(s).name, 1, rootTree.red[k], rootTree.left[k], rootTree.right[k], tree.root,
                    storages.get(s).clsid, 0, 0);
            for (int c = 0; c < children.size(); c++) streamEntry(b, l, children.get(c), nextId + c, tree, c);
            nextId += children.size();
        }
        for (int id = entries; id < l.dirSectors * SECTOR / DIR_ENTRY; id++) {
            int off = id * DIR_ENTRY; // unused entry: all zero but the three links
            b.putInt(off + 0x44, CfbDirectoryTree.NOSTREAM).putInt(off + 0x48, CfbDirectoryTree.NOSTREAM).putInt(off + 0x4C, CfbDirectoryTree.NOSTREAM);
        }
        os.write(b.array());
    }

    /** Indexes into {@link #streams} of the streams of one storage (or the root), in order of addition. */
    private List<Integer> childrenOf(int parent) {
        List<Integer> children = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) if (streams.get(i).parent == parent) children.add(i);
        return children;
    }

    /** The entry of stream {@code index}, sibling {@code k} of {@code tree}, at directory id {@code id}. */
    private void streamEntry(ByteBuffer b, Layout l, int index, int id, CfbDirectoryTree tree, int k) {
        Stream s = streams.get(index);
        int startSector = s.size == 0 ? ENDOFCHAIN : (int) l.start[index]; // a mini sector for small streams
        entry(b, id, s.name, 2, tree.red[k], tree.left[k], tree.right[k], CfbDirectoryTree.NOSTREAM, null, startSector, s.size);
    }

    /** One 128-byte directory entry ([MS-CFB] §2.6.1); creation and modification times stay zero. */
    private static void entry(ByteBuffer b, int id, String name, int type, boolean red, int leftId, int rightId, int childId,
                              byte[] clsid, int startSector, long size) {
        int off = id * DIR_ENTRY;
        byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
        b.put(off, n);
        b.putShort(off + 0x40, (short) (n.length + 2)); // name length in bytes, with the terminator
        b.put(off + 0x42, (byte) type);
        b.put(off + 0x43, (byte) (red ? 0 : 1));
        b.putInt(off + 0x44, leftId);
        b.putInt(off + 0x48, rightId);
        b.putInt(off + 0x4C, childId);
        if (clsid != null) b.put(off + 0x50, clsid);
        b.putInt(off + 0x74, startSector);
        b.putLong(off + 0x78, size);
    }

    /**
     * Writes a FAT or mini FAT as consecutive runs: chains (each sector points at the next, the last ends the chain)
     * and marked sectors, then free entries to the end of the last sector. Only one sector is held at a time.
     */
    private static final class ChainTable {
        private final OutputStream os;
        private final ByteBuffer sector = ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
        private long index, sectorsWritten;

        ChainTable(OutputStream os) {
            this.os = os;
        }

        void chain(long length) throws IOException {
            for (long i = 0; i < length; i++) put(i + 1 < length ? (int) (index + 1) : ENDOFCHAIN);
        }

        void mark(long length, int marker) throws IOException {
            for (long i = 0; i < length; i++) put(marker);
        }

        void finish(long sectors) throws IOException {
            while (sector.position() != 0) put(FREESECT);
            if (sectorsWritten != sectors) throw new IllegalStateException("table of " + sectorsWritten + " sectors, " + sectors + " planned");
        }

        private void put(int value) throws IOException {
            sector.putInt(value);
            index++;
            if (!sector.hasRemaining()) {
                os.write(sector.array());
                sector.clear();
                sectorsWritten++;
            }
        }
    }

    private static long ceil(long n, long unit) {
        return (n + unit - 1) / unit;
    }

    /** A GUID string as the 16 bytes of a CLSID on disk: the first three fields little-endian, the rest as written. */
    static byte[] clsidBytes(String guid) {
        String hex = guid.replaceAll("[{}-]", "");
        if (hex.length() != 32 || !hex.matches("[0-9A-Fa-f]{32}")) throw new IllegalArgumentException("not a GUID: " + guid);
        byte[] raw = java.util.HexFormat.of().parseHex(hex);
        byte[] b = raw.clone();
        for (int i = 0; i < 4; i++) b[i] = raw[3 - i];
        b[4] = raw[5];
        b[5] = raw[4];
        b[6] = raw[7];
        b[7] = raw[6];
        return b;
    }
}
