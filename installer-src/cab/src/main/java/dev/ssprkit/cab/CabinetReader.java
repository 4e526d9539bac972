package dev.ssprkit.cab;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Reads cabinets from untrusted input (uncompressed, MSZIP and LZX folders; Quantum and multi-cabinet sets are
 * reported as unsupported). Every problem is a {@link CabinetException} whose message starts with the label.
 *
 * <pre>
 * try (CabinetReader r = CabinetReader.open(Path.of("data.cab"))) {
 *     r.extract((entry, content) -&gt; ...);     // streaming, in cabinet order
 * }
 * </pre>
 *
 * Memory use is bounded by the file table, two 32 KiB blocks and an LZX window (at most 2 MiB). Files of one folder must appear in the file table
 * together and in increasing offset order (as every known writer does), so each folder is decoded once.
 */
public final class CabinetReader implements Closeable {
    /** Receives one entry and a stream of exactly its bytes; the stream is only valid during the call. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(CabEntry entry, InputStream content) throws IOException;
    }

    private final SeekableByteChannel channel;
    private final CabInput in;
    private final CabinetDirectory directory;
    private int threads = Runtime.getRuntime().availableProcessors();

    private CabinetReader(SeekableByteChannel channel, CabInput in, CabinetDirectory directory) {
        this.channel = channel;
        this.in = in;
        this.directory = directory;
    }

    /** Reads the cabinet's tables. On success the reader owns the channel and closes it. */
    public static CabinetReader open(SeekableByteChannel channel, String label) throws IOException {
        Objects.requireNonNull(channel, "channel");
        CabInput in = new CabInput(channel, Objects.requireNonNull(label, "label"));
        return new CabinetReader(channel, in, CabinetDirectory.read(in));
    }

    /** Opens a cabinet file; the label is the path. */
    public static CabinetReader open(Path path) throws IOException {
        SeekableByteChannel ch = Files.newByteChannel(path, StandardOpenOption.READ);
        try {
            return open(ch, path.toString());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Reads a cabinet held in memory. */
    public static CabinetReader open(byte[] cabinet, String label) throws IOException {
        return open(new ByteArrayChannel(Objects.requireNonNull(cabinet, "cabinet")), label);
    }

    /**
     * Workers verifying and inflating MSZIP blocks ahead of {@link #extract} (default: one per processor; 1 = all on
     * the calling thread). Output and errors do not depend on it.
     */
    public CabinetReader threads(int threads) {
        if (threads < 1 || threads > CabOptions.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between 1 and " + CabOptions.MAX_THREADS + ", got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** The files in cabinet order. */
    public List<CabEntry> entries() {
        return directory.entries();
    }

    /** Calls {@code consumer} for every file in cabinet order with a stream of its content. */
    public void extract(EntryConsumer consumer) throws IOException {
        BitSet finishedFolders = new BitSet();
        int currentFolder = -1;
        FolderDataStream folder = null;
        ExecutorService pool = threads > 1 ? Workers.pool(threads, "cab-inflate") : null;
        try {
            for (CabEntry e : directory.entries()) {
                if (e.size() == 0) {
                    consumer.accept(e, InputStream.nullInputStream());
                    continue;
                }
                if (e.folderIndex() != currentFolder) {
                    if (folder != null) {
                        folder.close();
                        finishedFolders.set(currentFolder);
                    }
                    if (finishedFolders.get(e.folderIndex())) {
                        throw in.fail("files of folder " + e.folderIndex() + " are not contiguous in the file table ('"
                                + e.name() + "'); such cabinets are unsupported");
                    }
                    currentFolder = e.folderIndex();
                    folder = new FolderDataStream(in, directory.folders().get(currentFolder), currentFolder,
                            directory.cbCFData(), pool, threads);
                }
                if (e.offsetInFolder() < folder.position()) {
                    throw in.fail("file '" + e.name() + "' starts at offset " + e.offsetInFolder() + " of folder "
                            + currentFolder + ", before the end of the previous file (" + folder.position()
                            + "); overlapping or out-of-order files are unsupported");
                }
                long gap = e.offsetInFolder() - folder.position();
                if (folder.skip(gap) != gap) {
                    throw pastEnd(e, folder);
                }
                EntryStream content = new EntryStream(e, folder);
                consumer.accept(e, content);
                content.drain();
            }
        } finally {
            if (folder != null) {
                folder.close();
            }
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Extracts every file under {@code dir} (created if needed); returns the written paths in cabinet order. */
    public List<Path> extractTo(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        List<Path> targets = new ArrayList<>();
        for (CabEntry e : directory.entries()) {
            targets.add(ExtractPaths.resolve(in, root, e.name())); // all names are checked before anything is written
        }
        Files.createDirectories(root);
        Path realRoot = root.toRealPath();
        List<Path> written = new ArrayList<>();
        extract((entry, content) -> {
            Path target = targets.get(written.size());
            Files.createDirectories(target.getParent());
            if (!target.getParent().toRealPath().startsWith(realRoot)) {
                throw in.fail("refusing to extract '" + entry.name() + "': a symbolic link leads outside " + root);
            }
            try (OutputStream os = Files.newOutputStream(target, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                content.transferTo(os);
            }
            written.add(target);
        });
        return written;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private CabinetException pastEnd(CabEntry e, FolderDataStream folder) {
        return in.fail("file '" + e.name() + "' (" + e.size() + " bytes at offset " + e.offsetInFolder()
                + ") extends past the end of folder " + e.folderIndex() + "'s data (" + folder.position() + " bytes)");
    }

    /** Exactly one entry's bytes from the folder stream. */
    private final class EntryStream extends InputStream {
        private final CabEntry entry;
        private final FolderDataStream folder;
        private long left;

        EntryStream(CabEntry entry, FolderDataStream folder) {
            this.entry = entry;
            this.folder = folder;
            this.left = entry.size();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (left == 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int r = folder.read(b, off, (int) Math.min(len, left));
            if (r < 0) {
                throw pastEnd(entry, folder);
            }
            left -= r;
            return r;
        }

        /** Consumes what the consumer left unread, so the folder is positioned after this file. */
        void drain() throws IOException {
            if (left > 0 && folder.skip(left) != left) {
                throw pastEnd(entry, folder);
            }
            left = 0;
        }
    }
}
