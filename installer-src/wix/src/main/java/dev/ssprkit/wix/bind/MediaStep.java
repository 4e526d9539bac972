package dev.ssprkit.wix.bind;

import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.cab.WixCompressionLevel;
import dev.ssprkit.cab.CabinetCache;
import dev.ssprkit.cab.FileHashCache;
import dev.ssprkit.cab.CabinetWriter;
import dev.ssprkit.cab.Compression;
import dev.ssprkit.cab.CompressionLevel;
import dev.ssprkit.msi.MsiWriter;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.MediaTemplateSymbol;
import dev.ssprkit.wix.model.Row;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where files go, as WiX's binder decides it: with a MediaTemplate (or no media at all in a v4+ package) files fill
 * cabinets in order until one would pass MaximumUncompressedMediaSize (200 MB by default) or 65,535 files; with Media
 * rows each file goes to its DiskId's cabinet. Uncompressed files (Package Compressed="no", File Compressed="no") are
 * laid out beside the package under their directories' source names. File.Sequence follows the media, LastSequence
 * closes each Media row, cabinets are written (embedded as streams or beside the package), and unversioned files get
 * their MsiFileHash from the bytes the cabinet writer reads.
 */
final class MediaStep {
    /** A cabinet's file count is a 16-bit field. */
    static final int MAX_FILES_PER_CABINET = 65535;
    private static final long DEFAULT_MEDIA_SIZE_MB = 200;
    /** Where a compound file's first stream starts: after its 512-byte header (version 3 files, as ours are). */
    static final long PACKAGE_FIRST_STREAM = 512;

    private final BindContext ctx;

    MediaStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run(SourceDirectories sources) {
        List<BindContext.FileFacts> files = new ArrayList<>();
        for (Row r : ctx.rows("File")) {
            BindContext.FileFacts f = ctx.files.get(r.str("File"));
            if (f != null && r.get("FileSize") != null) files.add(f);
        }
        List<MediaTemplateSymbol> templates = ctx.linked.all(MediaTemplateSymbol.class);
        List<Row> media = new ArrayList<>(ctx.rows("Media"));
        if (!templates.isEmpty() && media.size() > 1) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, templates.get(0).location(), "MediaTemplate", "MediaTemplate and several Media elements", "use one or the other");
            return;
        }
        boolean packageCompressed = ctx.identity.compressed();
        List<BindContext.FileFacts> uncompressed = new ArrayList<>();
        Map<Integer, List<BindContext.FileFacts>> byDisk = new TreeMap<>();
        Map<Integer, Row> mediaById = new LinkedHashMap<>();
        MediaTemplateSymbol template = templates.isEmpty() ? null : templates.get(0);
        if (template == null && media.isEmpty()) {
            // WiX v4+ builds a package without media as if it had <MediaTemplate/> (external cab1.cab...); v3 sources
            // always author Media, and this compiler embeds one cabinet for those that do not.
            template = new MediaTemplateSymbol("cab{0}.cab", null, !ctx.identity.v4(), null, null, null, ctx.identity.location());
        }
        if (template != null) {
            for (Row m : media) ctx.linked.remove(m); // the template replaces authored Media, as in WiX
            autoAssign(template, files, byDisk, mediaById, uncompressed, packageCompressed);
        } else {
            for (Row m : media) mediaById.put((Integer) m.get("DiskId"), m);
            for (BindContext.FileFacts f : files) {
                Integer disk = f.row.extra("DiskId") instanceof Integer d ? d : 1;
                Row m = mediaById.get(disk);
                if (m == null) {
                    ctx.report(CompilerMessage.MEDIA_MISSING, f.row.location(), f.row.str("File"), disk);
                    continue;
                }
                if (!isCompressed(f, packageCompressed)) {
                    uncompressed.add(f);
                    f.diskId = disk;
                    continue;
                }
                if (m.str("Cabinet") == null) {
                    ctx.report(CompilerMessage.BAD_VALUE, m.location(), "Media", String.valueOf(disk), "file '" + f.row.str("File") + "' is compressed but this Media has no Cabinet; add Cabinet=\"...\"");
                    continue;
                }
                f.diskId = disk;
                f.compressed = true;
                byDisk.computeIfAbsent(disk, d -> new ArrayList<>()).add(f);
            }
        }
        if (ctx.failed()) return;
        int sequence = 0;
        Map<Integer, Integer> lastSequence = new TreeMap<>();
        for (Integer disk : mediaById.keySet()) {
            for (BindContext.FileFacts f : byDisk.getOrDefault(disk, List.of())) f.row.set("Sequence", ++sequence);
            for (BindContext.FileFacts f : uncompressed) if (f.diskId == disk) f.row.set("Sequence", ++sequence);
            lastSequence.put(disk, sequence);
        }
        for (Map.Entry<Integer, Row> e : mediaById.entrySet()) e.getValue().set("LastSequence", lastSequence.get(e.getKey()));
        Map<Integer, String> cabinetByDisk = new TreeMap<>();
        mediaById.forEach((disk, m) -> cabinetByDisk.put(disk, m.str("Cabinet")));
        String firstEmbedded = MsiWriter.firstEmbeddedCabinet(cabinetByDisk); // the package writer lays it out first
        for (Map.Entry<Integer, List<BindContext.FileFacts>> e : byDisk.entrySet()) {
            Row m = mediaById.get(e.getKey());
            if (e.getValue().size() > MAX_FILES_PER_CABINET) {
                ctx.report(CompilerMessage.CABINET_TOO_MANY_FILES, m.location(), m.str("Cabinet"), e.getValue().size(), MAX_FILES_PER_CABINET);
                return;
            }
            writeCabinet(m, e.getValue(), template, firstEmbedded != null && ("#" + firstEmbedded).equals(m.str("Cabinet")));
            if (ctx.failed()) return;
        }
        for (BindContext.FileFacts f : uncompressed) layOut(f, sources);
        for (BindContext.FileFacts f : files) {
            if (f.version == null && f.md5 != null) fileHash(ctx, f);
        }
    }

    private boolean isCompressed(BindContext.FileFacts f, boolean packageCompressed) {
        Boolean own = (Boolean) f.row.extra("Compressed");
        return own != null ? own : packageCompressed;
    }

    private void autoAssign(MediaTemplateSymbol t, List<BindContext.FileFacts> files, Map<Integer, List<BindContext.FileFacts>> byDisk,
                            Map<Integer, Row> mediaById, List<BindContext.FileFacts> uncompressed, boolean packageCompressed) {
        long max = (t.maximumUncompressedMediaSize() == null ? DEFAULT_MEDIA_SIZE_MB : t.maximumUncompressedMediaSize()) * 1024L * 1024L;
        int disk = 0;
        long size = 0;
        int count = 0;
        for (BindContext.FileFacts f : files) {
            if (!isCompressed(f, packageCompressed)) {
                uncompressed.add(f);
                continue;
            }
            if (f.size > max) {
                ctx.report(CompilerMessage.FILE_OVER_CABINET_SIZE, f.row.location(), f.row.str("File"), (f.size + (1 << 20) - 1) >> 20, max >> 20);
            }
            boolean full = disk > 0 && (size + f.size > max || count == MAX_FILES_PER_CABINET);
            if (disk == 0 || full) {
                disk++;
                size = 0;
                count = 0;
                String name = t.cabinetTemplate().replace("{0}", Integer.toString(disk));
                Row m = new Row(StandardSchema.require("Media"), t.location()).set("DiskId", disk).set("LastSequence", 0)
                        .set("Cabinet", (t.embed() ? "#" : "") + name).set("DiskPrompt", t.diskPrompt()).set("VolumeLabel", t.volumeLabel());
                m.extra("CompressionLevel", t.compressionLevel());
                ctx.linked.add(m);
                mediaById.put(disk, m);
            }
            size += f.size;
            count++;
            f.diskId = disk;
            f.compressed = true;
            byDisk.computeIfAbsent(disk, d -> new ArrayList<>()).add(f);
        }
        if (mediaById.isEmpty()) {
            Row m = new Row(StandardSchema.require("Media"), t.location()).set("DiskId", 1).set("LastSequence", 0);
            ctx.linked.add(m);
            mediaById.put(1, m);
        }
        for (BindContext.FileFacts f : uncompressed) f.diskId = 1;
    }

    /** The cabinet options of a Media: its CompressionLevel, else the build's, else WiX's default for the source. */
    private CabOptions options(Row media, MediaTemplateSymbol template) {
        String level = ctx.options.compression();
        if (level == null && media.extra("CompressionLevel") instanceof String l) level = l;
        if (level == null && template != null) level = template.compressionLevel();
        // Cabinet file dates stay at the format's earliest date: Windows Installer ignores them, and a date that does not
        // move with the build time keeps cabinets identical from build to build (and the cabinet cache useful).
        // No level anywhere: MSZIP, WiX v3's default (v4 defaults to LZX "medium"; MSZIP builds several times faster
        // and every Windows Installer reads both). The level was checked against WixCompressionLevel when parsed.
        CabOptions.Builder b = CabOptions.builder();
        if (level == null) return b.build();
        String checked = level;
        WixCompressionLevel.parseIgnoringCase(checked).orElseThrow(() -> new IllegalStateException("unchecked CompressionLevel " + checked)).applyTo(b);
        return b.build();
    }

    /**
     * @param first whether this is the embedded cabinet the package writer lays out first
     *              ({@link MsiWriter#firstEmbeddedCabinet}): without a cabinet cache, and when the package's file exists
     *              already, it is written straight into it at its stream's place
     */
    private void writeCabinet(Row media, List<BindContext.FileFacts> files, MediaTemplateSymbol template, boolean first) {
        String cabinet = media.str("Cabinet");
        boolean embedded = cabinet.startsWith("#");
        String name = embedded ? cabinet.substring(1) : cabinet;
        CabOptions options = options(media, template);
        CabinetCache cache = ctx.options.cabinetCache() == null ? null : new CabinetCache(ctx.options.cabinetCache());
        Path cab = null;
        long cabSize = -1;
        Path inPackage = first && embedded && cache == null ? ctx.options.packageFile() : null;
        String key = null;
        FileHashCache hashes = null;
        try {
            if (cache != null) {
                // the key needs every file's MD5 (which MsiFileHash needs too): taken from the file-hash index beside the
                // cabinets when a file's size and time stamp are unchanged (FileHashCache's trust rule), else read, in
                // parallel, before compressing
                List<Map.Entry<String, Path>> identities = new ArrayList<>(files.size());
                for (BindContext.FileFacts f : files) identities.add(Map.entry(f.row.str("File"), f.source()));
                hashes = FileHashCache.open(cache.folder(), identities);
                String problem = md5All(files, hashes);
                if (problem != null) {
                    ctx.report(CompilerMessage.CABINET_FAILED, media.location(), name, problem, "check the payload files");
                    return;
                }
                key = CabinetCache.key(options, entries(files));
                try {
                    cab = cache.lookup(key).orElse(null);
                } catch (IOException e) {
                    ctx.report(CompilerMessage.CABINET_CACHE_UNUSABLE, media.location(), cache.folder(), e.getMessage());
                    cache = null;
                }
            }
            if (cab == null) {
                CabinetWriter writer = new CabinetWriter(options);
                // the cabinet's entries are named by File id, as the binder's file facts are (no second map of them)
                for (BindContext.FileFacts f : files) {
                    if (f.content != null) writer.add(f.row.str("File"), f.content);
                    else writer.add(f.row.str("File"), f.source());
                }
                // MD5s known already (the cache's index, or taken ahead while compiling) are not computed again
                writer.md5(entry -> {
                    BindContext.FileFacts f = ctx.files.get(entry);
                    if (f == null || f.md5 != null) return false;
                    f.md5 = ctx.options.prefetch().md5(f.source()).orElse(null);
                    return f.md5 == null;
                }, (entry, md5) -> {
                    BindContext.FileFacts f = ctx.files.get(entry);
                    if (f != null) f.md5 = md5;
                });
                // from here the writer hashes each file as it reads it: one read, where the prefetch would read it again
                ctx.options.prefetch().stopHashingAhead();
                if (inPackage != null) {
                    // where the package writer lays this stream out: it finds it there and does not copy it
                    try (FileChannel ch = FileChannel.open(inPackage, StandardOpenOption.WRITE)) {
                        cabSize = writer.writeInto(ch, PACKAGE_FIRST_STREAM, name).cabinetSize();
                    }
                } else {
                    cab = ctx.options.workDirectory().resolve("cab-" + media.get("DiskId") + ".cab");
                    cabSize = writer.write(cab).cabinetSize();
                }
                for (BindContext.FileFacts f : files) {
                    f.content = null;
                    ctx.options.prefetch().forget(f.source());
                }
                if (key == null) key = CabinetCache.key(options, entries(files));
                if (cache != null) {
                    try {
                        cache.store(key, cab);
                    } catch (IOException e) {
                        ctx.report(CompilerMessage.CABINET_CACHE_UNUSABLE, media.location(), cache.folder(), e.getMessage());
                        cache = null;
                    }
                }
            }
            if (cache != null && hashes != null) {
                try {
                    hashes.save();
                } catch (IOException e) {
                    ctx.report(CompilerMessage.CABINET_CACHE_UNUSABLE, media.location(), cache.folder(), e.getMessage());
                }
            }
        } catch (IOException e) {
            ctx.report(CompilerMessage.CABINET_FAILED, media.location(), name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    inPackage != null ? "check the payload files and the free space of the output folder (the first cabinet is written into the package there)"
                            : "check the payload files and the free space of the temporary folder");
            return;
        }
        // a cabinet is a deterministic function of its key, so key and size identify it (the package code uses this)
        MessageDigest fingerprint = digest("SHA-256");
        try {
            fingerprint.update((key + "\0" + (cabSize >= 0 ? cabSize : Files.size(cab))).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            ctx.report(CompilerMessage.CABINET_FAILED, media.location(), name, e.getMessage(), "");
            return;
        }
        if (inPackage != null) ctx.db.putStream(name, StreamData.region(inPackage, PACKAGE_FIRST_STREAM, cabSize, fingerprint.digest()));
        else if (embedded) ctx.db.putStream(name, StreamData.of(cab, fingerprint.digest()));
        else ctx.sideFiles.add(new BindResult.SideFile(name, cab));
    }

    private static List<CabinetCache.Entry> entries(List<BindContext.FileFacts> files) {
        List<CabinetCache.Entry> out = new ArrayList<>(files.size());
        for (BindContext.FileFacts f : files) out.add(new CabinetCache.Entry(f.row.str("File"), f.size, f.md5));
        return out;
    }

    /**
     * Every file's MD5: from {@code hashes} when the file's size and time stamp are what they were when it was hashed,
     * else read (in parallel) and recorded there; a message when one cannot be read.
     */
    private static String md5All(List<BindContext.FileFacts> files, FileHashCache hashes) {
        String[] problems = new String[files.size()];
        java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
            BindContext.FileFacts f = files.get(i);
            String fileKey = f.row.str("File");
            Path source = f.source();
            try {
                BasicFileAttributes before = Files.readAttributes(source, BasicFileAttributes.class);
                byte[] known = hashes.lookup(fileKey, source, before.size(), before.lastModifiedTime());
                if (known != null) {
                    f.md5 = known;
                    return;
                }
                Instant hashedAt = Instant.now();
                f.md5 = md5Of(source);
                hashes.record(fileKey, source, before.size(), before.lastModifiedTime(), hashedAt, f.md5);
            } catch (IOException e) {
                problems[i] = source + ": " + e.getMessage();
            }
        });
        for (String p : problems) if (p != null) return p;
        return null;
    }

    /** An uncompressed file: copied (later, atomically) to its source-layout path beside the package. */
    private void layOut(BindContext.FileFacts f, SourceDirectories sources) {
        String dir = sources.sourcePath(ctx.linked.row("Component", f.row.str("Component_")).str("Directory_"));
        String name = (String) f.row.extra("Name");
        Path source = f.source();
        ctx.sideFiles.add(new BindResult.SideFile(dir.isEmpty() ? name : dir + "/" + name, source));
        if (f.version == null) {
            f.md5 = ctx.options.prefetch().md5(source).orElse(null);
            if (f.md5 != null) return;
            try {
                f.md5 = md5Of(source);
            } catch (IOException e) {
                ctx.report(CompilerMessage.MISSING_SOURCE_FILE, f.row.location(), f.sourceName(), "looked for " + source + " (" + e.getMessage() + ")");
            }
        }
    }

    /** MsiFileHash: the MD5 as four little-endian 32-bit parts, for unversioned files (the SDK's MsiFileHash page). */
    static void fileHash(BindContext ctx, BindContext.FileFacts f) {
        ByteBuffer b = ByteBuffer.wrap(f.md5).order(ByteOrder.LITTLE_ENDIAN);
        ctx.linked.add(new Row(StandardSchema.require("MsiFileHash"), f.row.location()).set("File_", f.row.str("File")).set("Options", 0)
                .set("HashPart1", b.getInt()).set("HashPart2", b.getInt()).set("HashPart3", b.getInt()).set("HashPart4", b.getInt()));
    }

    /** The MD5 of a file's content, read in 64 KB pieces. */
    private static byte[] md5Of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = digest("MD5");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md5.update(buf, 0, n);
            return md5.digest();
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
