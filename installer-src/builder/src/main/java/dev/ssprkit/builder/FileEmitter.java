package dev.ssprkit.builder;

import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.cab.CabinetInfo;
import dev.ssprkit.cab.CabinetWriter;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/** The file-system family: Directory, Component, File, MsiFileHash, Registry, CreateFolder, Media and the cabinet. */
final class FileEmitter {
    private final PackageBuilder p;
    private final Database db;
    /** Unversioned files, by File key: their MsiFileHash rows are filled from the cabinet writer's read. */
    private final Map<String, FileSpec> hashed = new HashMap<>();

    FileEmitter(PackageBuilder p, Database db) {
        this.p = p;
        this.db = db;
    }

    void directories() {
        Table t = db.table("Directory");
        Map<DirectorySpec, ShortNames> shortNames = new HashMap<>();
        for (DirectorySpec d : p.directories.values()) {
            String defaultDir;
            if (d.parent == null || ".".equals(d.name)) defaultDir = d.name;
            else defaultDir = shortNames.computeIfAbsent(d.parent, x -> new ShortNames()).column(d.name);
            t.addFrom(d.origin, d.id, d.parent == null ? null : d.parent.id, defaultDir);
        }
    }

    /** Components, files (sequenced in declaration order), hashes, registry; returns the last file sequence. */
    int components() throws IOException {
        Table comp = db.table("Component"), file = db.table("File"), reg = db.table("Registry");
        Map<DirectorySpec, ShortNames> shortNames = new HashMap<>();
        int sequence = 0;
        for (ComponentSpec c : p.components.values()) {
            String keyPath = null;
            boolean registryKeyPath = false;
            if (c.explicitKeyPath != null) {
                keyPath = c.explicitKeyPath;
                registryKeyPath = c.registry.stream().anyMatch(r -> r.id.equals(c.explicitKeyPath));
                if (!registryKeyPath && c.files.stream().noneMatch(f -> f.id.equals(c.explicitKeyPath))) {
                    throw new IllegalArgumentException("component " + c.id + ": key path " + c.explicitKeyPath + " is neither a file nor a registry value of it");
                }
            } else if (c.directoryKeyPath) {
                keyPath = null;
            } else if (!c.files.isEmpty()) {
                keyPath = c.files.get(0).id;
            } else if (!c.registry.isEmpty()) {
                keyPath = c.registry.get(0).id;
                registryKeyPath = true;
            }
            String guid = c.unmanaged ? null : c.guid != null ? c.guid : Guids.nameBased(p.upgradeCode, "Component", c.id);
            comp.addFrom(c.origin, c.id, guid, c.directory.id, c.attributes(p.platform, registryKeyPath), c.condition, keyPath);
            if (c.createFolder) db.table("CreateFolder").addFrom(c.origin, c.directory.id, c.id);
            for (FileSpec f : c.files) {
                long size = sizeOf(f);
                String name = shortNames.computeIfAbsent(c.directory, x -> new ShortNames()).column(f.name);
                file.addFrom(f.origin, f.id, c.id, name, (int) size, f.version, f.language, f.attributes(), ++sequence);
                if (f.version == null) hashed.put(f.id, f);
            }
            for (RegistrySpec r : c.registry) {
                reg.addFrom(r.origin, r.id, r.root.msiValue(), r.key, r.nameColumn(), r.data.encoded(), c.id);
            }
        }
        return sequence;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sizeOf(FileSpec f) throws IOException {
        if (!Files.isRegularFile(f.source)) {
            throw new java.nio.file.NoSuchFileException(f.source.toString(), null, "source of file " + f.id + " does not exist or is not a regular file");
        }
        long size = Files.size(f.source);
        if (size > Integer.MAX_VALUE) throw new IOException(f.source + ": files of 2 GiB or more cannot be packaged (File.FileSize is 32-bit)");
        return size;
    }

    /** MsiFileHash: MD5 of the file, split into four little-endian 32-bit parts (unversioned files only). */
    private void fileHash(String fileId, byte[] md5) {
        FileSpec f = hashed.get(fileId);
        if (f == null) return;
        ByteBuffer b = ByteBuffer.wrap(md5).order(ByteOrder.LITTLE_ENDIAN);
        db.table("MsiFileHash").addFrom(f.origin, f.id, 0, b.getInt(), b.getInt(), b.getInt(), b.getInt());
    }

    void media(Path cabinet, int lastSequence, WriteOptions options) throws IOException {
        db.table("Media").add(1, lastSequence, null, lastSequence == 0 ? null : "#" + p.cabinetName, null, null);
        if (lastSequence == 0) return;
        CabOptions base = p.cabOptions != null ? p.cabOptions : CabOptions.defaults();
        CabOptions used = base.toBuilder().timestamp(options.buildTime()).build();
        CabinetWriter cab = new CabinetWriter(used);
        for (ComponentSpec c : p.components.values()) for (FileSpec f : c.files) cab.add(f.id, f.source);
        // The cabinet is a deterministic function of its options and its entries' names and contents (whatever the
        // thread count), so a digest of those identifies it: MsiWriter derives the package code from this
        // fingerprint instead of reading the whole cabinet back.
        MessageDigest fingerprint = sha256();
        fingerprint.update(("ssprkit cabinet\0" + used.outputKey()).getBytes(StandardCharsets.UTF_8));
        cab.md5((name, md5) -> { // hashed while the cabinet writer reads each file: every file is read once
            fingerprint.update(name.getBytes(StandardCharsets.UTF_8));
            fingerprint.update((byte) 0);
            fingerprint.update(md5);
            fileHash(name, md5);
        });
        CabinetInfo info = cab.write(cabinet);
        for (CabinetInfo.Entry e : info.entries()) fingerprint.update((e.size() + "\0").getBytes(StandardCharsets.US_ASCII));
        fingerprint.update((info.cabinetSize() + "\0" + info.blockCount()).getBytes(StandardCharsets.US_ASCII));
        db.putStream(p.cabinetName, StreamData.of(cabinet, fingerprint.digest()));
    }
}
