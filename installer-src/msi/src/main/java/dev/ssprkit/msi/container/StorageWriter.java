package dev.ssprkit.msi.container;

import dev.ssprkit.msi.model.StorageData;
import dev.ssprkit.msi.model.StreamData;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a compound file: root-level streams by their stored (already encoded) names, storages below the root (each
 * with its CLSID and streams), and the root CLSID.
 */
public interface StorageWriter {
    void rootClsid(String clsid);

    /** Adds a root-level stream; the name is the stored name and must be at most 31 UTF-16 units. */
    void addStream(String storedName, StreamData data) throws IOException;

    /**
     * Adds a storage below the root (an embedded transform) with its CLSID and streams; its name shares the root's
     * name space with the root-level streams.
     */
    void addStorage(String name, StorageData storage) throws IOException;

    /**
     * Lays the root-level stream {@code storedName} out first, directly after the header, when it is large enough to
     * be stored in sectors of its own (a hint: writers that do not lay out streams themselves ignore it). Its place is
     * then known before any other stream is: one sector into the file.
     */
    default void placeFirst(String storedName) {
    }

    void writeTo(OutputStream out) throws IOException;
}
