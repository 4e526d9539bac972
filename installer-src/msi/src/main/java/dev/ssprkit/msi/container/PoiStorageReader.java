package dev.ssprkit.msi.container;

import dev.ssprkit.msi.MsiException;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.poifs.property.Property;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@link StorageReader} on Apache POI. Every POI runtime failure on a corrupt file is wrapped at this boundary into
 * {@link MsiException} naming the stream, so callers see one error type.
 */
public final class PoiStorageReader implements StorageReader {
    /** Most entries a root storage may list before we call the file hostile. */
    static final int MAX_ENTRIES = 100_000;

    private final Fs fs;
    private final Path file;
    private final String label;
    private final List<String> streams = new ArrayList<>();
    private final List<String> storages = new ArrayList<>();
    private List<String> warnings = List.of();

    private PoiStorageReader(Fs fs, Path file, String label) throws MsiException {
        this.fs = fs;
        this.file = file;
        this.label = label;
        try {
            Iterator<Entry> it = fs.getRoot().getEntries();
            while (it.hasNext()) {
                Entry e = it.next();
                if (streams.size() + storages.size() >= MAX_ENTRIES) throw new MsiException(label, "more than " + MAX_ENTRIES + " streams");
                if (e instanceof DocumentEntry) streams.add(e.getName());
                else if (e instanceof DirectoryEntry) storages.add(e.getName());
            }
        } catch (RuntimeException | StackOverflowError e) {
            throw new MsiException(label, "corrupt compound-file directory: " + describe(e), e);
        }
    }

    public static PoiStorageReader open(Path file) throws IOException {
        String label = file.getFileName().toString();
        List<String> warnings = CfbHeader.check(file, label);
        Fs fs;
        try {
            fs = new Fs(file);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new MsiException(label, "not a readable compound file (OLE/CFB): " + describe(e), e);
        }
        try {
            PoiStorageReader r = new PoiStorageReader(fs, file, label);
            r.warnings = List.copyOf(warnings);
            return r;
        } catch (IOException e) {
            fs.close();
            throw e;
        }
    }

    /**
     * What a failure inside POI means for the user, without POI's class names: POI reports a sector number past the
     * end of the file as an IndexOutOfBoundsException ("Block 7 not found"), a chain loop as an IllegalStateException.
     */
    public static String describe(Throwable e) {
        if (e instanceof IndexOutOfBoundsException) return "a sector number points past the end of the file (truncated, or a corrupt sector chain)";
        if (e instanceof StackOverflowError) return "the directory tree is nested too deeply or loops";
        String m = e.getMessage();
        if (m == null || m.isBlank()) return "the compound-file structure is corrupt";
        return m.replaceAll("\\s+", " ").trim();
    }

    @Override
    public StorageReader storage(String name) throws IOException {
        try {
            if (fs.getRoot().getEntry(name) instanceof DirectoryEntry d) return new PoiSubStorage(d, label + " storage " + printable(name));
        } catch (IOException | RuntimeException e) {
            throw new MsiException(label + " storage " + printable(name), "not found: " + describe(e), e);
        }
        throw new MsiException(label + " storage " + printable(name), "is not a storage");
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String rootClsid() {
        try {
            var id = fs.getRoot().getStorageClsid();
            return id == null ? null : id.toString().toUpperCase();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public List<String> streamNames() {
        return List.copyOf(streams);
    }

    @Override
    public List<String> storageNames() {
        return List.copyOf(storages);
    }

    private DocumentEntry entry(String storedName) throws MsiException {
        try {
            Entry e = fs.getRoot().getEntry(storedName);
            if (e instanceof DocumentEntry d) return d;
        } catch (IOException | RuntimeException e) {
            throw new MsiException(label + " stream " + printable(storedName), "not found: " + describe(e), e);
        }
        throw new MsiException(label + " stream " + printable(storedName), "is not a stream");
    }

    @Override
    public long size(String storedName) throws IOException {
        int size = entry(storedName).getSize();
        if (size < 0) { // [MS-CFB]: a version-3 stream is below 2 GB; POI returns the low 32 bits as an int
            throw new MsiException(label + " stream " + printable(storedName), "declares " + Integer.toUnsignedString(size) + " bytes, more than a compound file can hold");
        }
        return size;
    }

    @Override
    public InputStream open(String storedName) throws IOException {
        String where = label + " stream " + printable(storedName);
        DocumentEntry d = entry(storedName);
        try {
            return new FilterInputStream(fs.createDocumentInputStream(storedName)) {
                @Override public int read() throws IOException {
                    try {
                        return super.read();
                    } catch (MsiException e) {
                        throw e;
                    } catch (IOException | RuntimeException e) {
                        throw new MsiException(where, "corrupt sector chain: " + describe(e), e);
                    }
                }

                @Override public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (MsiException e) {
                        throw e;
                    } catch (IOException | RuntimeException e) {
                        throw new MsiException(where, "corrupt sector chain: " + describe(e), e);
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            throw new MsiException(where, "cannot be opened (" + d.getSize() + " bytes declared): " + describe(e), e);
        }
    }

    @Override
    public byte[] read(String storedName, long limit) throws IOException {
        String where = label + " stream " + printable(storedName);
        long size = size(storedName);
        if (size < 0 || size > limit) throw new MsiException(where, "declares " + size + " bytes, more than the " + limit + " allowed");
        try (InputStream in = open(storedName)) {
            byte[] b = in.readNBytes((int) size);
            if (b.length != size) throw new MsiException(where, "declares " + size + " bytes but only " + b.length + " could be read");
            return b;
        }
    }

    /**
     * A channel over a big-block stream's sectors, read straight from the file (no copy through POI's 512-byte block
     * buffers); null for a stream in the mini stream (below 4096 bytes). The chain is walked and checked up front:
     * every sector within the file, none twice, as many as the size needs.
     */
    @Override
    public SeekableByteChannel channel(String storedName) throws IOException {
        String where = label + " stream " + printable(storedName);
        long size = size(storedName);
        Property p = null;
        for (Property child : fs.getPropertyTable().getRoot()) {
            if (!child.isDirectory() && child.getName().equals(storedName)) {
                p = child;
                break;
            }
        }
        if (p == null || p.shouldUseSmallBlocks()) return null;
        int sectorSize = fs.getBigBlockSize();
        long sectorsInFile = CfbHeader.sectorsOf(Files.size(file), sectorSize); // a short last sector counts
        long count = (size + sectorSize - 1) / sectorSize;
        if (count > sectorsInFile) throw new MsiException(where, "corrupt sector chain: " + size + " bytes need " + count + " sectors but the file has " + sectorsInFile);
        int[] chain = new int[(int) count];
        BitSet seen = new BitSet();
        int sector = p.getStartBlock();
        for (int i = 0; i < chain.length; i++) {
            if (sector < 0 || sector >= sectorsInFile) {
                throw new MsiException(where, "corrupt sector chain: sector " + (i == 0 ? "start " : "") + Integer.toUnsignedString(sector) + " (at stream offset " + (long) i * sectorSize + ") is not a sector of the file");
            }
            if (seen.get(sector)) throw new MsiException(where, "corrupt sector chain: sector " + sector + " is used twice (a loop)");
            seen.set(sector);
            chain[i] = sector;
            if (i + 1 < chain.length) {
                try {
                    sector = fs.next(sector);
                } catch (RuntimeException e) {
                    throw new MsiException(where, "corrupt sector chain: " + describe(e), e);
                }
            }
        }
        return new SectorChannel(FileChannel.open(file, StandardOpenOption.READ), chain, sectorSize, size);
    }

    /** POI's file system with its FAT lookup made reachable for {@link #channel}. */
    private static final class Fs extends POIFSFileSystem {
        Fs(Path file) throws IOException {
            super(file.toFile(), true);
        }

        int next(int sector) {
            return getNextBlock(sector);
        }
    }

    /** A stored name with its compressed characters decoded, for messages. */
    static String printable(String storedName) {
        return dev.ssprkit.msi.db.StreamNames.decode(storedName).replace("\u0005", "\\005");
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
