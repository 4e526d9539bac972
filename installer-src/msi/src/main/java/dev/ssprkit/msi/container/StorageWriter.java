package dev.ssprkit.msi.container;

import dev.ssprkit.msi.model.StreamData;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a compound file: root-level streams by their stored (already encoded) names and the root CLSID. */
public interface StorageWriter {
    void rootClsid(String clsid);

    /** Adds a root-level stream; the name is the stored name and must be at most 31 UTF-16 units. */
    void addStream(String storedName, StreamData data) throws IOException;

    void writeTo(OutputStream out) throws IOException;
}
