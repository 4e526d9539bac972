package dev.ssprkit.msi;

import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.container.PoiStorageWriter;
import dev.ssprkit.msi.container.StorageWriter;
import dev.ssprkit.msi.container.StreamingCfbWriter;
import dev.ssprkit.msi.db.DatabaseEncoder;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;
import dev.ssprkit.msi.model.StorageData;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.suminfo.SummaryInfoCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Writes a {@link Database} as an installation database. The file appears only when complete: it is written to a
 * temporary file beside the target and moved into place, and nothing is left behind on failure.
 *
 * <p>Sub-storages ({@link Database#storages()}, e.g. embedded instance transforms) are written below the root under
 * their own names. A database without a package code gets one derived from its content (a name-based UUID over every
 * stored stream), so that the same inputs give byte-identical output.
 *
 * <p>The compound file is written by {@link StreamingCfbWriter}, which copies an embedded cabinet straight from its
 * file, so memory does not grow with the payload. Setting the system property {@value #STORAGE_PROPERTY} to
 * {@code poi} writes through Apache POI instead (it holds the whole file in memory): a cross-check, not for large
 * packages.
 *
 * <p>Signatures: an Authenticode signature covers every stream, so a rewritten database cannot keep it. When the
 * database carries one ({@code \005DigitalSignature}, {@code \005MsiDigitalSignatureEx}: it was read from a signed
 * file), those streams are not written, and the writer says so: a {@code WARNING} on this class's logger and a
 * message to the {@link #withWarnings warning sink}. Sign the written file again.
 */
public final class MsiWriter {
    /** System property choosing the compound-file writer: {@code streaming} (default) or {@code poi}. */
    public static final String STORAGE_PROPERTY = "ssprkit.msi.storage";
    /** The Authenticode signature stream of a signed package. */
    public static final String DIGITAL_SIGNATURE = "\u0005DigitalSignature";
    /** Windows Installer's extended signature (a pre-hash of the stream metadata). */
    public static final String DIGITAL_SIGNATURE_EX = "\u0005MsiDigitalSignatureEx";
    private static final Logger LOG = Logger.getLogger(MsiWriter.class.getName());

    private final WriteOptions options;
    private final Supplier<StorageWriter> storage;
    private final Consumer<String> warnings;

    public MsiWriter(WriteOptions options) {
        this(options, defaultStorage());
    }

    /** A writer whose compound file is written by {@code storage} (a new {@link StorageWriter} per package). */
    public MsiWriter(WriteOptions options, Supplier<StorageWriter> storage) {
        this(options, storage, w -> { });
    }

    private MsiWriter(WriteOptions options, Supplier<StorageWriter> storage, Consumer<String> warnings) {
        this.options = options;
        this.storage = storage;
        this.warnings = warnings;
    }

    /**
     * The same writer, also telling {@code sink} what it had to change (today: a signature that was dropped). The
     * warnings are logged either way.
     */
    public MsiWriter withWarnings(Consumer<String> sink) {
        return new MsiWriter(options, storage, java.util.Objects.requireNonNull(sink));
    }

    static Supplier<StorageWriter> defaultStorage() {
        String choice = System.getProperty(STORAGE_PROPERTY, "streaming");
        return switch (choice) {
            case "streaming" -> StreamingCfbWriter::new;
            case "poi" -> PoiStorageWriter::new;
            default -> throw new dev.ssprkit.common.InvalidValueException(STORAGE_PROPERTY + " must be 'streaming' or 'poi', not '" + choice + "'");
        };
    }

    public static void write(Database db, Path out) throws IOException {
        new MsiWriter(WriteOptions.defaults()).writeTo(db, out);
    }

    public void writeTo(Database db, Path out) throws IOException {
        dev.ssprkit.common.AtomicFile.write(out, tmp -> {
            try (OutputStream os = dev.ssprkit.common.AtomicFile.open(tmp)) {
                write(db, os);
            }
        });
    }

    /** Writes the compound file to a stream (the caller owns the stream). */
    public void write(Database db, OutputStream os) throws IOException {
        StorageWriter storage = this.storage.get();
        storage.rootClsid(MsiClsids.DATABASE);
        MessageDigest digest = sha256();
        // Compound-file names compare case-insensitively; POI would report a clash as a bare IOException.
        Set<String> used = new HashSet<>();
        used.add(SummaryInfoCodec.STREAM_NAME.toUpperCase(Locale.ROOT));
        for (Map.Entry<String, StreamData> e : DatabaseEncoder.encode(db).entrySet()) {
            used.add(e.getKey().toUpperCase(Locale.ROOT));
            add(storage, digest, e.getKey(), e.getValue());
        }
        boolean signatureDropped = false;
        String firstCabinet = firstEmbeddedCabinet(db);
        if (firstCabinet != null && db.streams().containsKey(firstCabinet)) storage.placeFirst(StreamNames.encode(firstCabinet, false));
        for (Map.Entry<String, StreamData> e : db.streams().entrySet()) {
            String name = e.getKey();
            if (name.equals(DIGITAL_SIGNATURE) || name.equals(DIGITAL_SIGNATURE_EX)) {
                signatureDropped = true;
                continue;
            }
            String stored = name.startsWith("\u0005") ? name : StreamNames.encode(name, false);
            if (!used.add(stored.toUpperCase(Locale.ROOT))) {
                throw new MsiException("stream " + name.replace("\u0005", "\\005"), "has the name of a stream the writer already stores"
                        + " (a binary cell's Table.key stream, a table or the summary information); rename it");
            }
            add(storage, digest, stored, e.getValue());
        }
        for (Map.Entry<String, StorageData> e : db.storages().entrySet()) {
            String name = e.getKey(); // a _Storages name is stored as it is, not encoded
            if (!used.add(name.toUpperCase(Locale.ROOT))) {
                throw new MsiException("storage " + name, "has the name of a stream the writer already stores; rename it");
            }
            digest.update(("\0storage\0" + e.getValue().clsid()).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, StreamData> s : e.getValue().streams().entrySet()) fingerprint(digest, name + "/" + s.getKey(), s.getValue());
            storage.addStorage(name, e.getValue());
        }
        SummaryInfo summary = db.summary().copy();
        if (summary.createTime == null) summary.createTime = options.buildTime();
        if (summary.lastSaveTime == null) summary.lastSaveTime = summary.createTime;
        if (summary.codepage == 0) summary.codepage = 1252;
        if (summary.revisionNumber == null) {
            digest.update(SummaryInfoCodec.write(summary));
            summary.revisionNumber = guid(digest.digest());
        }
        storage.addStream(SummaryInfoCodec.STREAM_NAME, StreamData.of(SummaryInfoCodec.write(summary)));
        storage.writeTo(os);
        if (signatureDropped) {
            String w = "signature dropped: the database was signed, and a rewritten database no longer matches its"
                    + " signature; sign the written file again";
            LOG.warning(w);
            warnings.accept(w);
        }
    }

    /** {@link #firstEmbeddedCabinet(Map)} of the database's Media table. */
    static String firstEmbeddedCabinet(Database db) {
        Table media = db.tableOrNull("Media");
        if (media == null) return null;
        Map<Integer, String> cabinets = new java.util.HashMap<>();
        for (Row r : media.rows()) {
            if (r.get("DiskId") instanceof Integer disk && r.get("Cabinet") instanceof String cabinet) cabinets.put(disk, cabinet);
        }
        return firstEmbeddedCabinet(cabinets);
    }

    /**
     * The stream name of the embedded cabinet ({@code Cabinet="#name"}) of the lowest DiskId among Media rows' cabinets
     * by DiskId, or null. It is laid out first among the large streams ({@link StorageWriter#placeFirst}): one sector
     * into the file, where a binder can write it before the tables exist (the one rule both sides use), and where it
     * lies whether written there or copied.
     */
    public static String firstEmbeddedCabinet(Map<Integer, String> cabinetByDiskId) {
        return cabinetByDiskId.entrySet().stream().filter(e -> e.getValue() != null && e.getValue().startsWith("#"))
                .min(Map.Entry.comparingByKey()).map(e -> e.getValue().substring(1)).orElse(null);
    }

    private static void add(StorageWriter storage, MessageDigest digest, String stored, StreamData data) throws IOException {
        fingerprint(digest, stored, data);
        storage.addStream(stored, data);
    }

    /** Adds a stream's name and content (or the fingerprint its producer knows) to the package-code digest. */
    private static void fingerprint(MessageDigest digest, String stored, StreamData data) throws IOException {
        digest.update(stored.getBytes(StandardCharsets.UTF_16LE));
        byte[] fingerprint = data.fingerprint();
        long size = 0;
        if (fingerprint != null) { // known to identify the content: spares reading a large cabinet again
            digest.update("\0fingerprint\0".getBytes(StandardCharsets.US_ASCII));
            digest.update(fingerprint);
            size = data.size();
        } else {
            byte[] buf = new byte[65536];
            try (InputStream in = data.open()) {
                for (int n; (n = in.read(buf)) > 0; size += n) digest.update(buf, 0, n);
            }
        }
        digest.update(Long.toString(size).getBytes(StandardCharsets.US_ASCII));
    }

    /** A name-based (version 5 style) GUID from a digest, in Windows Installer's upper-case braced form. */
    public static String guid(byte[] hash) {
        byte[] b = java.util.Arrays.copyOf(hash, 16);
        b[6] = (byte) ((b[6] & 0x0F) | 0x50);
        b[8] = (byte) ((b[8] & 0x3F) | 0x80);
        String hex = java.util.HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
        return "{" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20) + "}";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
