package dev.ssprkit.msi.container;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.StreamData;
import org.apache.poi.hpsf.ClassID;
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
        if (storedName.length() > 31) {
            throw new MsiException("stream " + storedName, "compound-file names hold at most 31 UTF-16 units, this one has " + storedName.length());
        }
        try (InputStream in = data.open()) {
            fs.getRoot().createDocument(storedName, in);
        } catch (RuntimeException e) {
            throw new MsiException("stream " + storedName, "cannot be stored: " + e.getMessage(), e);
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
