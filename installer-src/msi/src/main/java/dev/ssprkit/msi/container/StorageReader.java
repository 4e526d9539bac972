package dev.ssprkit.msi.container;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/** Reads a compound file's root storage: its CLSID, its streams (by stored name) and the names of sub-storages. */
public interface StorageReader extends Closeable {
    /** The root storage CLSID as {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}} (upper case). */
    String rootClsid();

    List<String> streamNames();

    List<String> storageNames();

    long size(String storedName) throws IOException;

    InputStream open(String storedName) throws IOException;

    /** The whole stream, refused when larger than {@code limit} bytes. */
    byte[] read(String storedName, long limit) throws IOException;

    /**
     * A read-only random-access view of a stream, reading the file's sectors directly (for large streams such as an
     * embedded cabinet), or null when this reader cannot give one; then use {@link #open}. The caller closes it.
     */
    default SeekableByteChannel channel(String storedName) throws IOException {
        return null;
    }

    /** A storage inside this one (a patch's embedded transform), valid while this reader is open. */
    default StorageReader storage(String name) throws IOException {
        throw new IOException("this reader cannot open the storage " + name);
    }

    /** What is wrong with the container but was read anyway (a short last sector), for the user to see. */
    default List<String> warnings() {
        return List.of();
    }
}
