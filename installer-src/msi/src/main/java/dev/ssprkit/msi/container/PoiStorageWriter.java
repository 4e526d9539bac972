package dev.ssprkit.msi.container;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.StorageData;
import dev.ssprkit.msi.model.StreamData;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@link StorageWriter} on Apache POI's POIFS (CFB version 3, 512-byte sectors). POI keeps the file in memory until
 * {@link #writeTo}; its silent truncation of names over 31 units is prevented by our own length check.
 */
public final class PoiStorageWriter implements StorageWriter {
    private final POIFSFileSystem fs = new POIFSFileSystem();

    @Override
    public void rootClsid(String clsid) {
        fs.getRoot().setStorageClsid(new ClassID(clsid));
    }

    @Override
    public void addStream(String storedName, StreamData data) throws IOException {
        addStream(fs.getRoot(), "stream " + storedName, storedName, data);
    }

    @Override
    public void addStorage(String name, StorageData storage) throws IOException {
        checkLength("storage " + name, name);
        DirectoryEntry dir;
        try {
            dir = fs.getRoot().createDirectory(name);
            dir.setStorageClsid(new ClassID(storage.clsid()));
        } catch (RuntimeException e) {
            throw new MsiException("storage " + name, "cannot be stored: " + e.getMessage(), e);
        }
        for (var e : storage.streams().entrySet()) addStream(dir, "storage " + name + " stream " + e.getKey(), e.getKey(), e.getValue());
    }

    private static void addStream(DirectoryEntry dir, String where, String storedName, StreamData data) throws IOException {
        checkLength(where, storedName);
        try (InputStream in = data.open()) {
            dir.createDocument(storedName, in);
        } catch (RuntimeException e) {
            throw new MsiException(where, "cannot be stored: " + e.getMessage(), e);
        }
    }

    private static void checkLength(String where, String name) throws MsiException {
        if (name.length() > 31) {
            throw new MsiException(where, "compound-file names hold at most 31 UTF-16 units, this one has " + name.length());
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            fs.writeFilesystem(out);
        } catch (RuntimeException e) {
            throw new MsiException("compound file", "cannot be written: " + e.getMessage(), e);
        } finally {
            fs.close();
        }
    }
}
