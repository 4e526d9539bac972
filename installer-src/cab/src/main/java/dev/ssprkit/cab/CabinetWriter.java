package dev.ssprkit.cab;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Writes a cabinet (MSZIP, LZX or uncompressed), streaming sources from disk. MSZIP and uncompressed cabinets have one
 * folder; LZX cabinets are cut into folders of about {@link LzxFolderPipeline#folderTarget} bytes (at file
 * boundaries), each its own LZX stream, so that they compress in parallel.
 *
 * <pre>
 * CabinetWriter w = new CabinetWriter(CabOptions.defaults());
 * w.add("readme.txt", Path.of("README"));      // cabinet order = order of add()
 * CabinetInfo info = w.write(Path.of("data.cab"));
 * </pre>
 *
 * Layout: CFHEADER, the CFFOLDERs, the CFFILE table, then the CFDATA blocks folder by folder. Sizes are taken when
 * {@link #write} starts, so the tables are written first; cbCabinet and the folders' coffCabStart are patched at the
 * end. The cabinet is written to a temporary
 * file beside the target and moved into place, so a failure leaves no partial output.
 */
public final class CabinetWriter {
    private final CabOptions options;
    private final List<Pending> pending = new ArrayList<>();
    private BiConsumer<String, byte[]> md5Sink;
    private Predicate<String> md5Wanted;

    public CabinetWriter(CabOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Adds a file read from {@code source} when {@link #write} runs. */
    public CabinetWriter add(String name, Path source) {
        pending.add(new Pending(Objects.requireNonNull(name, "name"), Objects.requireNonNull(source, "source"), null));
        return this;
    }

    /** Adds a small in-memory file. The array is not copied; do not change it before {@link #write}. */
    public CabinetWriter add(String name, byte[] content) {
        return add(name, ByteBuffer.wrap(Objects.requireNonNull(content, "content")));
    }

    /**
     * Adds an in-memory file: the bytes from {@code content}'s position to its limit (which are not copied and must not
     * change before {@link #write}; its position and limit are left as they are). A direct buffer keeps large amounts
     * of read-ahead content out of the Java heap, where each collection would copy it.
     */
    public CabinetWriter add(String name, ByteBuffer content) {
        pending.add(new Pending(Objects.requireNonNull(name, "name"), null, Objects.requireNonNull(content, "content").slice()));
        return this;
    }

    /**
     * Computes each entry's MD5 from the bytes read for the cabinet and gives it to {@code sink} (entry name, 16-byte
     * digest) once the entry has been read whole, on the thread calling {@link #write}. Spares a caller that needs
     * file hashes (MsiFileHash) a second read of every file.
     */
    public CabinetWriter md5(BiConsumer<String, byte[]> sink) {
        return md5(name -> true, sink);
    }

    /**
     * As {@link #md5(BiConsumer)}, for the entries {@code wanted} accepts only: it is asked, on the thread calling
     * {@link #write}, when the writer reaches an entry, so a caller whose hash of a file turns up late (computed ahead
     * on another thread) can still spare the writer that work.
     */
    public CabinetWriter md5(Predicate<String> wanted, BiConsumer<String, byte[]> sink) {
        this.md5Wanted = Objects.requireNonNull(wanted, "wanted");
        this.md5Sink = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /** Writes the cabinet to {@code out}, replacing it if present. */
    public CabinetInfo write(Path out) throws IOException {
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CabinetException("cannot write cabinet: " + target + " is a directory");
        }
        Path tmp = createTempBeside(target);
        boolean done = false;
        try {
            CabinetInfo info;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                info = writeInto(ch, 0, target.toString());
            }
            moveIntoPlace(tmp, target);
            done = true;
            return info;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Writes the cabinet into {@code ch} from byte {@code base} on (the bytes before it are left alone, the file may
     * hold more after it), for a caller that puts it straight where it belongs in a larger file: the first embedded
     * cabinet of a package, written into the package's file at its stream's place. The caller owns the file: on failure
     * it is left as it is, partly written. Offsets inside the cabinet are its own, so it is the same cabinet at any
     * {@code base}.
     *
     * @param where what to call the cabinet in messages
     */
    public CabinetInfo writeInto(FileChannel ch, long base, String where) throws IOException {
        List<Planned> planned = plan();
        ByteBuffer tables = tables(planned);
        long size;
        int blocks;
        try (FolderBlockSource source = new FolderBlockSource(planned, md5Sink == null ? null : new EntryDigests("MD5", md5Wanted, md5Sink))) {
            long dataStart = tables.remaining();
            ch.position(base);
            while (tables.hasRemaining()) {
                ch.write(tables);
            }
            OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 17);
            if (options.compression() == Compression.LZX) {
                long[] starts = new LzxFolderPipeline(options).run(folders(planned),
                        md5Sink == null ? null : new EntryDigests("MD5", md5Wanted, md5Sink), os);
                os.flush();
                ByteBuffer at = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (int k = 0; k < starts.length; k++) {
                    at.putInt(0, (int) (dataStart + starts[k])).position(0);
                    ch.write(at, base + CfHeader.SIZE + (long) k * CfFolder.SIZE); // CFFOLDER.coffCabStart
                }
                blocks = blockCount(planned);
            } else {
                blocks = new BlockPipeline(new CfDataEncoder(options.compression(), options.level()), options.threads())
                        .run(source, os);
            }
            os.flush();
            size = ch.position() - base;
            if (size > CabFormat.MAX_CABINET_SIZE) {
                throw new CabinetException("cabinet " + where + " would be " + size + " bytes, more than the "
                        + "format's limit of " + CabFormat.MAX_CABINET_SIZE);
            }
            ByteBuffer cb = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, (int) size);
            ch.write(cb, base + CfHeader.OFFSET_CB_CABINET);
        }
        List<CabinetInfo.Entry> entries = planned.stream().map(p -> new CabinetInfo.Entry(p.name, p.size)).toList();
        return new CabinetInfo(entries, size, blocks);
    }

    /** Validates names and takes each source's size now; the file table is built from these sizes. */
    private List<Planned> plan() throws IOException {
        if (pending.size() > CabFormat.MAX_FILES) {
            throw new CabinetException("a cabinet holds at most " + CabFormat.MAX_FILES + " files; " + pending.size()
                    + " were added");
        }
        List<Planned> planned = new ArrayList<>(pending.size());
        long offset = 0;
        int folder = 0;
        long target = options.compression() == Compression.LZX ? LzxFolderPipeline.folderTarget(options.lzxWindowBits())
                : Long.MAX_VALUE;
        for (Pending p : pending) {
            byte[] nameBytes = encodeName(p.name);
            long size;
            if (p.bytes != null) {
                size = p.bytes.remaining();
            } else {
                try {
                    // one stat per file (it was three: exists, isRegularFile, size)
                    var attributes = Files.readAttributes(p.path, java.nio.file.attribute.BasicFileAttributes.class);
                    if (!attributes.isRegularFile()) {
                        throw new CabinetException("source of '" + p.name + "' is not a regular file: " + p.path);
                    }
                    size = attributes.size();
                } catch (NoSuchFileException e) {
                    throw new CabinetException("source of '" + p.name + "' does not exist: " + p.path, e);
                }
            }
            if (size > CabFormat.MAX_FILE_SIZE) {
                throw new CabinetException("file '" + p.name + "' is " + size + " bytes; a cabinet file may hold at most "
                        + CabFormat.MAX_FILE_SIZE + " (0x7FFF8000)");
            }
            if (offset > 0 && (offset >= target || offset + size > CabFormat.MAX_FOLDER_SIZE && target != Long.MAX_VALUE)) {
                folder++; // LZX: the next folder (a file never spans folders)
                offset = 0;
            }
            if (offset + size > CabFormat.MAX_FOLDER_SIZE) {
                throw new CabinetException("adding '" + p.name + "' makes the folder " + (offset + size)
                        + " bytes; a cabinet folder may hold at most " + CabFormat.MAX_FOLDER_SIZE + " (0x7FFF8000)");
            }
            planned.add(new Planned(p.name, nameBytes, p.path, p.bytes, size, offset, folder));
            offset += size;
        }
        return planned;
    }

    private static byte[] encodeName(String name) throws CabinetException {
        if (name.isEmpty()) {
            throw new CabinetException("a cabinet file name must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new CabinetException("cabinet file name '" + name.replace('\0', '?') + "' contains a NUL character");
        }
        byte[] bytes;
        boolean ascii = true;
        for (int i = 0; i < name.length() && ascii; i++) ascii = name.charAt(i) < 0x80;
        if (ascii) {
            bytes = name.getBytes(StandardCharsets.US_ASCII); // the same bytes in UTF-8, without an encoder per name
        } else {
            try {
                ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(name));
                bytes = new byte[b.remaining()];
                b.get(bytes);
            } catch (CharacterCodingException e) {
                throw new CabinetException("cabinet file name '" + name + "' is not valid Unicode (unpaired surrogate)", e);
            }
        }
        if (bytes.length > CabFormat.MAX_NAME_BYTES) {
            throw new CabinetException("cabinet file name '" + name + "' is " + bytes.length + " bytes in UTF-8; the "
                    + "limit is " + CabFormat.MAX_NAME_BYTES);
        }
        return bytes;
    }

    /** The entries of each folder, in order. */
    private static List<List<Planned>> folders(List<Planned> planned) {
        List<List<Planned>> folders = new ArrayList<>();
        for (Planned p : planned) {
            if (p.folder == folders.size()) folders.add(new ArrayList<>());
            folders.get(p.folder).add(p);
        }
        return folders;
    }

    private static int blockCount(List<Planned> planned) {
        int blocks = 0;
        for (List<Planned> f : folders(planned)) {
            long size = f.stream().mapToLong(Planned::size).sum();
            blocks += (int) ((size + CabFormat.BLOCK_SIZE - 1) / CabFormat.BLOCK_SIZE);
        }
        return blocks;
    }

    /** CFHEADER (cbCabinet patched later), the CFFOLDERs (LZX: coffCabStart patched later) and the CFFILE table. */
    private ByteBuffer tables(List<Planned> planned) {
        List<List<Planned>> folders = folders(planned);
        int cFolders = Math.max(1, folders.size());
        if (cFolders > CabFormat.MAX_FOLDERS) {
            throw new IllegalStateException("more than " + CabFormat.MAX_FOLDERS + " folders");
        }
        long coffFiles = CfHeader.SIZE + (long) CfFolder.SIZE * cFolders;
        DosDateTime stamp = DosDateTime.of(options.timestamp());
        List<CfFile> files = new ArrayList<>(planned.size());
        long fileTable = 0;
        for (Planned p : planned) {
            int attribs = CabFormat.ATTRIB_ARCHIVE | (isAscii(p.nameBytes) ? 0 : CabFormat.ATTRIB_NAME_IS_UTF8);
            CfFile f = new CfFile(p.size, p.offset, p.folder, stamp.date(), stamp.time(), attribs, p.nameBytes);
            files.add(f);
            fileTable += f.encodedSize();
        }
        long coffCabStart = coffFiles + fileTable;
        ByteBuffer buf = ByteBuffer.allocate((int) coffCabStart);
        CfHeader.single(0, coffFiles, cFolders, planned.size()).write(buf);
        if (folders.isEmpty()) {
            new CfFolder(coffCabStart, 0, options.typeCompress()).write(buf);
        }
        for (List<Planned> folder : folders) {
            long size = folder.stream().mapToLong(Planned::size).sum();
            int blocks = (int) ((size + CabFormat.BLOCK_SIZE - 1) / CabFormat.BLOCK_SIZE);
            new CfFolder(coffCabStart, blocks, options.typeCompress()).write(buf); // LZX: coffCabStart patched later
        }
        files.forEach(f -> f.write(buf));
        return buf.flip();
    }

    private static boolean isAscii(byte[] name) {
        for (byte b : name) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static Path createTempBeside(Path target) throws IOException {
        return dev.ssprkit.common.AtomicFile.tempBeside(target); // umask permissions, unlike createTempFile's 0600
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private record Pending(String name, Path path, ByteBuffer bytes) {}

    /** An entry with its size fixed and its place in the folder. */
    private record Planned(String name, byte[] nameBytes, Path path, ByteBuffer bytes, long size, long offset, int folder)
            implements FolderBlockSource.Source {
        @Override
        public InputStream open() throws IOException {
            if (bytes != null) {
                return new ByteBufferInputStream(bytes.duplicate());
            }
            try {
                return Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new CabinetException("source of '" + name + "' disappeared while the cabinet was written: " + path, e);
            }
        }
    }
}
