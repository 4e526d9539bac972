package dev.ssprkit.msi.container;

import dev.ssprkit.msi.MsiException;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A storage inside a compound file (a patch's embedded transforms, a package's nested databases), read through the
 * open {@link PoiStorageReader} that owns the file; closing it closes nothing. POI failures become
 * {@link MsiException}s naming the storage.
 */
final class PoiSubStorage implements StorageReader {
    private final DirectoryEntry dir;
    private final String label;
    private final List<String> streams = new ArrayList<>();
    private final List<String> storages = new ArrayList<>();

    PoiSubStorage(DirectoryEntry dir, String label) throws MsiException {
        this.dir = dir;
        this.label = label;
        try {
            Iterator<Entry> it = dir.getEntries();
            while (it.hasNext()) {
                Entry e = it.next();
                if (streams.size() + storages.size() >= PoiStorageReader.MAX_ENTRIES) throw new MsiException(label, "more than " + PoiStorageReader.MAX_ENTRIES + " streams");
                if (e instanceof DocumentEntry) streams.add(e.getName());
                else if (e instanceof DirectoryEntry) storages.add(e.getName());
            }
        } catch (RuntimeException | StackOverflowError e) {
            throw new MsiException(label, "corrupt compound-file directory: " + PoiStorageReader.describe(e), e);
        }
    }

    @Override
    public String rootClsid() {
        try {
            var id = dir.getStorageClsid();
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
            if (dir.getEntry(storedName) instanceof DocumentEntry d) return d;
        } catch (IOException | RuntimeException e) {
            throw new MsiException(label + " stream " + PoiStorageReader.printable(storedName), "not found: " + PoiStorageReader.describe(e), e);
        }
        throw new MsiException(label + " stream " + PoiStorageReader.printable(storedName), "is not a stream");
    }

    @Override
    public long size(String storedName) throws IOException {
        int size = entry(storedName).getSize();
        if (size < 0) throw new MsiException(label + " stream " + PoiStorageReader.printable(storedName), "declares more bytes than a compound file can hold");
        return size;
    }

    @Override
    public InputStream open(String storedName) throws IOException {
        try {
            return new DocumentInputStream(entry(storedName));
        } catch (RuntimeException e) {
            throw new MsiException(label + " stream " + PoiStorageReader.printable(storedName), "cannot be opened: " + PoiStorageReader.describe(e), e);
        }
    }

    @Override
    public byte[] read(String storedName, long limit) throws IOException {
        String where = label + " stream " + PoiStorageReader.printable(storedName);
        long size = size(storedName);
        if (size > limit) throw new MsiException(where, "declares " + size + " bytes, more than the " + limit + " allowed");
        try (InputStream in = open(storedName)) {
            byte[] b = in.readNBytes((int) size);
            if (b.length != size) throw new MsiException(where, "declares " + size + " bytes but only " + b.length + " could be read");
            return b;
        } catch (RuntimeException e) {
            throw new MsiException(where, "corrupt sector chain: " + PoiStorageReader.describe(e), e);
        }
    }

    @Override
    public StorageReader storage(String name) throws IOException {
        try {
            if (dir.getEntry(name) instanceof DirectoryEntry d) return new PoiSubStorage(d, label + "/" + name);
        } catch (IOException | RuntimeException e) {
            throw new MsiException(label + " storage " + name, "not found: " + PoiStorageReader.describe(e), e);
        }
        throw new MsiException(label + " storage " + name, "is not a storage");
    }

    @Override
    public void close() {
        // the owning PoiStorageReader closes the file
    }
}
