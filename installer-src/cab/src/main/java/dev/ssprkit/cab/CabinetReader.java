package dev.ssprkit.cab;

import dev.ssprkit.common.AtomicDirectory;

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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Reads cabinets from untrusted input (uncompressed, MSZIP and LZX folders; Quantum is reported as unsupported),
 * alone or as a set of cabinets that continue one another ({@link #openSet}). Every problem is a {@link CabinetException} whose message starts with the label.
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

    private final List<SeekableByteChannel> channels;
    private final CabInput in; // the first cabinet's, for messages about the whole
    private final List<CabinetDirectory> directories;
    private final CabinetSet set;
    private int threads = Runtime.getRuntime().availableProcessors();

    private CabinetReader(List<SeekableByteChannel> channels, List<CabInput> inputs, List<CabinetDirectory> directories) throws CabinetException {
        this.channels = List.copyOf(channels);
        this.in = inputs.get(0);
        this.directories = List.copyOf(directories);
        this.set = CabinetSet.of(inputs, directories);
    }

    /** Reads the cabinet's tables. On success the reader owns the channel and closes it. */
    public static CabinetReader open(SeekableByteChannel channel, String label) throws IOException {
        return openSet(List.of(Objects.requireNonNull(channel, "channel")), List.of(Objects.requireNonNull(label, "label")));
    }

    /**
     * Reads the cabinets of a set (each continuing the one before, MS-CAB 2.1) as one: a file that runs from one into
     * the next is read whole. On success the reader owns the channels and closes them; on failure the caller does.
     */
    public static CabinetReader openSet(List<SeekableByteChannel> channels, List<String> labels) throws IOException {
        if (channels.isEmpty() || channels.size() != labels.size()) throw new IllegalArgumentException("one label per cabinet");
        if (channels.size() > MAX_SET) throw new CabinetException(labels.get(0) + ": a set of " + channels.size() + " cabinets; at most " + MAX_SET + " are read");
        List<CabInput> inputs = new ArrayList<>();
        List<CabinetDirectory> dirs = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            CabInput input = new CabInput(channels.get(i), labels.get(i));
            inputs.add(input);
            dirs.add(CabinetDirectory.read(input));
        }
        return new CabinetReader(channels, inputs, dirs);
    }

    /** Most cabinets read as one set. */
    public static final int MAX_SET = 64;

    /**
     * Opens a cabinet file; the label is the path. When it continues into a next cabinet (szCabinetNext) that is in the
     * same folder, the set is followed from there, as cabextract does.
     */
    public static CabinetReader open(Path path) throws IOException {
        List<SeekableByteChannel> channels = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try {
            Path current = path;
            java.util.Set<Path> seen = new java.util.HashSet<>();
            while (current != null && seen.add(current.toAbsolutePath().normalize()) && channels.size() < MAX_SET) {
                SeekableByteChannel ch = Files.newByteChannel(current, StandardOpenOption.READ);
                channels.add(ch);
                labels.add(current.toString());
                CabInput probe = new CabInput(ch, current.toString());
                String next = CabinetDirectory.read(probe).nextCabinet();
                current = next == null ? null : besideIgnoringCase(current, next);
            }
            return openSet(channels, labels);
        } catch (IOException | RuntimeException e) {
            for (SeekableByteChannel ch : channels) ch.close();
            throw e;
        }
    }

    /** The file named {@code name} beside {@code cab} (exact, else the one that matches ignoring case), or null. */
    private static Path besideIgnoringCase(Path cab, String name) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")) return null;
        Path dir = cab.toAbsolutePath().getParent();
        Path exact = dir.resolve(name);
        if (Files.isRegularFile(exact)) return exact;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            List<Path> m = s.filter(p -> p.getFileName().toString().equalsIgnoreCase(name) && Files.isRegularFile(p)).toList();
            return m.size() == 1 ? m.get(0) : null;
        }
    }

    /** szCabinetNext of the set's last cabinet: the cabinet that continues it, or null. */
    public String nextCabinet() {
        return directories.get(directories.size() - 1).nextCabinet();
    }

    /** szCabinetPrev of the set's first cabinet, or null. */
    public String previousCabinet() {
        return directories.get(0).prevCabinet();
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

    /** What is wrong with the cabinet but was read anyway, each naming the cabinet's label. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        for (CabinetDirectory d : directories) all.addAll(d.warnings());
        all.addAll(set.warnings());
        return all;
    }

    /** The files in cabinet order. */
    public List<CabEntry> entries() {
        return set.entries();
    }

    /** Largest file whose bytes are kept for a later file that names the same data (WiX's duplicate files). */
    private static final int MAX_SHARED_ENTRY = 4 << 20;
    /** Most bytes kept for such files at once. */
    private static final long MAX_SHARED_TOTAL = 64L << 20;

    /**
     * Calls {@code consumer} for every file in cabinet order with a stream of its content.
     *
     * <p>A folder is decoded once from start to end when its files come in offset order, as every writer lays them out.
     * Files that name the same bytes (WiX stores identical files once and lists each: same offset, same size) get the
     * bytes kept from the first; a file that starts before the previous one ended, or a folder whose files are not
     * together in the file table, is read by decoding the folder again from its start, which cabextract does too. Those
     * re-reads are bounded (256 MiB plus four times the cabinet's declared file bytes) so that a hostile file table
     * cannot make us decode a folder over and over.
     */
    public void extract(EntryConsumer consumer) throws IOException {
        long declared = 0;
        java.util.Map<List<Long>, Integer> ranges = new java.util.HashMap<>();
        for (CabEntry e : set.entries()) {
            declared += e.size();
            ranges.merge(List.of((long) e.folderIndex(), e.offsetInFolder(), e.size()), 1, Integer::sum);
        }
        long rereadBudget = (256L << 20) + 4 * declared;
        java.util.LinkedHashMap<List<Long>, byte[]> shared = new java.util.LinkedHashMap<>();
        long sharedBytes = 0;
        int currentFolder = -1;
        FolderDataStream folder = null;
        java.util.BitSet started = new java.util.BitSet();
        ExecutorService pool = threads > 1 ? Workers.pool(threads, "cab-inflate") : null;
        try {
            for (CabEntry e : set.entries()) {
                if (e.size() == 0) {
                    consumer.accept(e, InputStream.nullInputStream());
                    continue;
                }
                List<Long> range = List.of((long) e.folderIndex(), e.offsetInFolder(), e.size());
                byte[] kept = shared.get(range);
                if (kept != null) {
                    consumer.accept(e, new java.io.ByteArrayInputStream(kept));
                    continue;
                }
                if (e.folderIndex() != currentFolder || e.offsetInFolder() < folder.position()) {
                    if (folder != null) {
                        folder.close();
                    }
                    if (started.get(e.folderIndex())) { // decoded (in part) before: this is a re-read
                        rereadBudget -= e.offsetInFolder();
                        if (rereadBudget < 0) {
                            throw in.fail("file '" + e.name() + "' starts at offset " + e.offsetInFolder() + " of folder "
                                    + e.folderIndex() + ", before data already read; the file table makes us decode its folders"
                                    + " again and again (more than 256 MiB plus four times the files' size), which no"
                                    + " cabinet writer does");
                        }
                    }
                    currentFolder = e.folderIndex();
                    started.set(currentFolder);
                    folder = null; // a failure below must not close the stream twice
                    folder = new FolderDataStream(set.folders().get(currentFolder), currentFolder, pool, threads);
                }
                long gap = e.offsetInFolder() - folder.position();
                if (folder.skip(gap) != gap) {
                    throw pastEnd(e, folder);
                }
                boolean keep = ranges.get(range) > 1 && e.size() <= MAX_SHARED_ENTRY;
                EntryStream content = new EntryStream(e, folder, keep);
                consumer.accept(e, content);
                content.drain();
                if (keep) {
                    shared.put(range, content.kept());
                    sharedBytes += e.size();
                    var it = shared.entrySet().iterator();
                    while (sharedBytes > MAX_SHARED_TOTAL && it.hasNext()) {
                        sharedBytes -= it.next().getValue().length;
                        it.remove();
                    }
                }
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

    /**
     * Extracts every file under {@code dir}; returns the written paths in cabinet order. The folder appears whole or
     * not at all ({@link AtomicDirectory}): a corrupt block found halfway leaves {@code dir} as it was.
     */
    public List<Path> extractTo(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        for (CabEntry e : set.entries()) { // all names are checked before anything is written
            names.add(root.relativize(ExtractPaths.resolve(in, root, e.name())).toString());
        }
        List<Path> written = new ArrayList<>();
        try {
            populate(root, names);
        } catch (AtomicDirectory.UnsafeTargetException e) {
            throw in.fail(e.getMessage(), e);
        }
        for (String n : names) written.add(root.resolve(n));
        return written;
    }

    private void populate(Path root, List<String> names) throws IOException {
        AtomicDirectory.populate(root, staging -> {
            int[] next = {0};
            extract((entry, content) -> {
                Path target = staging.resolve(names.get(next[0]++));
                Files.createDirectories(target.getParent()); // the staging folder is new: no links in it
                try (OutputStream os = Files.newOutputStream(target, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    content.transferTo(os);
                }
            });
        });
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SeekableByteChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    private CabinetException pastEnd(CabEntry e, FolderDataStream folder) {
        return in.fail("file '" + e.name() + "' (" + e.size() + " bytes at offset " + e.offsetInFolder()
                + ") extends past the end of folder " + e.folderIndex() + "'s data (" + folder.position() + " bytes)");
    }

    /** Exactly one entry's bytes from the folder stream. */
    private final class EntryStream extends InputStream {
        private final CabEntry entry;
        private final FolderDataStream folder;
        private final java.io.ByteArrayOutputStream copy; // the bytes, when a later file names the same data
        private long left;

        EntryStream(CabEntry entry, FolderDataStream folder, boolean keep) {
            this.entry = entry;
            this.folder = folder;
            this.left = entry.size();
            this.copy = keep ? new java.io.ByteArrayOutputStream((int) entry.size()) : null;
        }

        byte[] kept() {
            return copy.toByteArray();
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
            if (copy != null) copy.write(b, off, r);
            left -= r;
            return r;
        }

        /** Consumes what the consumer left unread, so the folder is positioned after this file. */
        void drain() throws IOException {
            if (copy != null) {
                byte[] buf = new byte[8192];
                while (left > 0) read(buf, 0, buf.length);
            }
            if (left > 0 && folder.skip(left) != left) {
                throw pastEnd(entry, folder);
            }
            left = 0;
        }
    }
}
