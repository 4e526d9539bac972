package dev.ssprkit.msi.patch;

import dev.ssprkit.cab.CabinetReader;
import dev.ssprkit.common.AtomicDirectory;
import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.ReadLimits;
import dev.ssprkit.msi.container.MsiClsids;
import dev.ssprkit.msi.container.PoiStorageReader;
import dev.ssprkit.msi.container.StorageReader;
import dev.ssprkit.msi.layout.InstallLayout;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.transform.RowChange;
import dev.ssprkit.msi.transform.TransformContents;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A patch (.msp): its own tables (MsiPatchMetadata, MsiPatchSequence...) and streams, the transforms embedded as
 * storages (each read with {@link TransformContents}, with the product it targets from its summary), and the
 * cabinets among its streams. {@link #extractFiles} writes the patch's files, named by the File rows its transforms
 * add or change (a patch has no directory tree of its own: that is in the target package).
 */
public final class PatchReader implements Closeable {
    /** One embedded transform: its storage name, summary, the product code it applies to, and what it does. */
    public record EmbeddedTransform(String name, SummaryInfo summary, String targetProductCode, TransformContents.Contents contents) {}

    private final StorageReader storage;
    private final Database db;
    private final List<EmbeddedTransform> transforms;
    private final String label;

    private PatchReader(StorageReader storage, Database db, List<EmbeddedTransform> transforms, String label) {
        this.storage = storage;
        this.db = db;
        this.transforms = transforms;
        this.label = label;
    }

    public static PatchReader open(Path msp) throws IOException {
        String label = msp.getFileName().toString();
        StorageReader storage = PoiStorageReader.open(msp);
        try {
            if (!MsiClsids.PATCH.equalsIgnoreCase(storage.rootClsid())) {
                String kind = MsiClsids.kind(storage.rootClsid());
                throw new MsiException(label, kind == null ? "is not a Windows Installer file" : "is a " + kind + ", not a patch");
            }
            Database db = new MsiReader(ReadLimits.defaults()).readFrom(storage, label);
            List<EmbeddedTransform> transforms = new ArrayList<>();
            for (String name : storage.storageNames()) {
                StorageReader sub = storage.storage(name);
                if (!MsiClsids.TRANSFORM.equalsIgnoreCase(sub.rootClsid())) continue;
                TransformContents.Contents c = TransformContents.read(sub, label + " transform " + name, ReadLimits.defaults());
                transforms.add(new EmbeddedTransform(name, c.summary(), targetProduct(c.summary()), c));
            }
            return new PatchReader(storage, db, List.copyOf(transforms), label);
        } catch (IOException | RuntimeException e) {
            storage.close();
            if (e instanceof RuntimeException) throw new MsiException(label, "cannot be read: " + PoiStorageReader.describe(e), e);
            throw e;
        }
    }

    /** A transform's summary Revision starts with the target's ProductCode: {@code {GUID}version;{GUID}version;{UpgradeCode}}. */
    static String targetProduct(SummaryInfo s) {
        String rev = s == null ? null : s.revisionNumber;
        if (rev == null || !rev.startsWith("{")) return null;
        int end = rev.indexOf('}');
        return end > 0 ? rev.substring(0, end + 1) : null;
    }

    /** The patch's own tables and streams (summary: Template lists the target product codes). */
    public Database database() {
        return db;
    }

    public List<EmbeddedTransform> transforms() {
        return transforms;
    }

    /** Names of the streams that hold cabinets (they start with the "MSCF" signature). */
    public List<String> cabinetStreams() throws IOException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, StreamData> e : db.streams().entrySet()) {
            if (e.getValue().size() < 4) continue;
            try (InputStream in = e.getValue().open()) {
                byte[] sig = in.readNBytes(4);
                if (sig.length == 4 && sig[0] == 'M' && sig[1] == 'S' && sig[2] == 'C' && sig[3] == 'F') out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Writes every file of the patch's cabinets into {@code outDir} under the long name its transforms give the File
     * row (the File key when no transform names it, or when two files share a name): flat for a patch with one
     * cabinet, else in a folder per cabinet stream (a patch for several products carries a cabinet for each, often
     * with the same File keys). Whole or not at all.
     */
    public List<Path> extractFiles(Path outDir) throws IOException {
        Map<String, String> names = new HashMap<>();
        for (EmbeddedTransform t : transforms) {
            for (TransformContents.Edit e : t.contents().edits()) {
                if (!e.table().equals("File") || e.kind() == RowChange.Kind.DELETE) continue;
                Object name = e.values().get("FileName");
                if (name instanceof String s && !e.key().isEmpty() && e.key().get(0) instanceof String key) names.put(key, InstallLayout.longName(s));
            }
        }
        List<String> written = new ArrayList<>();
        Path root = AtomicDirectory.populate(outDir, staging -> {
            byte[] buf = new byte[1 << 16];
            List<String> cabinets = cabinetStreams();
            for (String stream : cabinets) {
                Set<String> used = new HashSet<>();
                String folder = cabinets.size() == 1 ? "" : stream + "/";
                if (!folder.isEmpty()) {
                    if (!safe(stream)) throw new MsiException(label, "cabinet stream '" + stream + "' cannot be a folder name");
                    Files.createDirectories(staging.resolve(stream));
                }
                StreamData data = db.streams().get(stream);
                String cabLabel = label + " cabinet stream " + stream;
                SeekableByteChannel ch = data.channel();
                CabinetReader reader;
                if (ch != null) {
                    reader = CabinetReader.open(ch, cabLabel);
                } else {
                    try (InputStream in = data.open()) {
                        reader = CabinetReader.open(in.readNBytes((int) Math.min(data.size(), 64L << 20)), cabLabel);
                    }
                }
                try (reader) {
                    reader.extract((entry, content) -> {
                        String name = names.getOrDefault(entry.name(), entry.name());
                        if (!safe(name) || used.contains(name.toLowerCase())) name = entry.name();
                        if (!safe(name) || !used.add(name.toLowerCase())) {
                            throw new MsiException(cabLabel, "file '" + entry.name() + "' cannot be written: its name is unsafe or used twice");
                        }
                        Path target = staging.resolve(folder + name);
                        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                            for (int n; (n = content.readNBytes(buf, 0, buf.length)) > 0; ) out.write(buf, 0, n);
                        }
                        written.add(folder + name);
                    });
                }
            }
        });
        List<Path> out = new ArrayList<>();
        for (String n : written) out.add(root.resolve(n));
        return out;
    }

    private static boolean safe(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/") && !name.contains("\\")
                && !name.contains("\0") && !name.contains(":");
    }

    @Override
    public void close() throws IOException {
        db.close();
        storage.close();
    }
}
