package dev.ssprkit.builder;

import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.cab.CabinetWriter;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a {@link PackageBuilder}'s model into rows of the standard tables, and its files into the cabinet. */
final class TableEmitter {
    private final PackageBuilder p;
    private final WriteOptions options;
    private final Database db = new Database();

    TableEmitter(PackageBuilder p, WriteOptions options) {
        this.p = p;
        this.options = options;
    }

    Database emit(Path cabinet) throws IOException {
        db.codepage(p.codepage);
        properties();
        directories();
        int sequence = components();
        features();
        media(cabinet, sequence);
        upgrade();
        launchConditions();
        for (var c : p.customizations) c.accept(db);
        sequences();
        summary();
        return db;
    }

    private void properties() {
        Table t = db.table("Property");
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("ProductCode", p.productCode());
        props.put("ProductLanguage", Integer.toString(p.language));
        props.put("ProductName", p.productName);
        props.put("ProductVersion", p.version);
        props.put("Manufacturer", p.manufacturer);
        props.put("UpgradeCode", p.upgradeCode);
        props.put("ALLUSERS", "1");
        props.putAll(p.properties);
        props.forEach((k, v) -> t.add(k, v));
    }

    private void directories() {
        Table t = db.table("Directory");
        Map<DirectorySpec, ShortNames> shortNames = new HashMap<>();
        for (DirectorySpec d : p.directories.values()) {
            String defaultDir;
            if (d.parent == null || ".".equals(d.name)) defaultDir = d.name;
            else defaultDir = shortNames.computeIfAbsent(d.parent, x -> new ShortNames()).column(d.name);
            t.add(d.id, d.parent == null ? null : d.parent.id, defaultDir);
        }
    }

    /** Components, files (sequenced in declaration order), hashes, registry; returns the last file sequence. */
    private int components() throws IOException {
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
            } else if (!c.files.isEmpty()) {
                keyPath = c.files.get(0).id;
            } else if (!c.registry.isEmpty()) {
                keyPath = c.registry.get(0).id;
                registryKeyPath = true;
            }
            String guid = c.guid != null ? c.guid : Guids.nameBased(p.upgradeCode, "Component", c.id);
            comp.add(c.id, guid, c.directory.id, c.attributes(p.platform, registryKeyPath), c.condition, keyPath);
            if (c.createFolder) db.table("CreateFolder").add(c.directory.id, c.id);
            for (FileSpec f : c.files) {
                long size = sizeOf(f);
                String name = shortNames.computeIfAbsent(c.directory, x -> new ShortNames()).column(f.name);
                file.add(f.id, c.id, name, (int) size, f.version, f.language, f.attributes(), ++sequence);
                if (f.version == null) fileHash(f);
            }
            for (RegistrySpec r : c.registry) {
                reg.add(r.id, r.root.msiValue(), r.key, r.nameColumn(), r.data.encoded(), c.id);
            }
        }
        return sequence;
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
    private void fileHash(FileSpec f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f.source)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        ByteBuffer b = ByteBuffer.wrap(md.digest()).order(ByteOrder.LITTLE_ENDIAN);
        db.table("MsiFileHash").add(f.id, 0, b.getInt(), b.getInt(), b.getInt(), b.getInt());
    }

    private void features() {
        Table feat = db.table("Feature"), fc = db.table("FeatureComponents");
        int display = 1;
        for (FeatureSpec f : p.features.values()) {
            Integer shown = f.display != null ? f.display : Integer.valueOf(display++ * 2);
            feat.add(f.id, f.parent == null ? null : f.parent.id, f.title, f.description, shown, f.level, f.configurableDirectory, f.attributes());
            for (ComponentSpec c : f.components) fc.add(f.id, c.id);
        }
        for (ComponentSpec c : p.components.values()) {
            boolean inFeature = p.features.values().stream().anyMatch(f -> f.components.contains(c));
            if (!inFeature) throw new IllegalArgumentException("component " + c.id + " belongs to no feature, so it would never be installed");
        }
    }

    private void media(Path cabinet, int lastSequence) throws IOException {
        db.table("Media").add(1, lastSequence, null, lastSequence == 0 ? null : "#" + p.cabinetName, null, null);
        if (lastSequence == 0) return;
        CabOptions base = p.cabOptions != null ? p.cabOptions : CabOptions.defaults();
        CabinetWriter cab = new CabinetWriter(base.toBuilder().timestamp(options.buildTime()).build());
        for (ComponentSpec c : p.components.values()) for (FileSpec f : c.files) cab.add(f.id, f.source);
        cab.write(cabinet);
        db.putStream(p.cabinetName, StreamData.of(cabinet));
    }

    /** MajorUpgrade as WiX authors it: detect older (remove them) and newer (refuse) products of the upgrade code. */
    private void upgrade() {
        if (p.downgradeMessage == null) return;
        Table up = db.table("Upgrade");
        up.add(p.upgradeCode, null, p.version, null, 0x1 /* MigrateFeatures */, null, "WIX_UPGRADE_DETECTED");
        up.add(p.upgradeCode, p.version, null, null, 0x2 /* OnlyDetect */, null, "WIX_DOWNGRADE_DETECTED");
        db.table("Property").add("SecureCustomProperties", "WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED");
        db.table("CustomAction").add("WIX_CA_DOWNGRADE", 19, null, p.downgradeMessage, null);
        db.table("LaunchCondition");
    }

    private void launchConditions() {
        p.launchConditions.forEach((cond, msg) -> db.table("LaunchCondition").add(cond, msg));
    }

    private void sequences() {
        Set<String> used = new java.util.HashSet<>();
        db.tables().forEach((name, t) -> {
            if (!t.rows().isEmpty()) used.add(name);
        });
        fill("InstallExecuteSequence", StandardSequences.INSTALL_EXECUTE, used);
        fill("InstallUISequence", StandardSequences.INSTALL_UI, used);
        fill("AdminExecuteSequence", StandardSequences.ADMIN_EXECUTE, used);
        fill("AdminUISequence", StandardSequences.ADMIN_UI, used);
        fill("AdvtExecuteSequence", StandardSequences.ADVT_EXECUTE, used);
        if (p.downgradeMessage != null) {
            for (String seq : List.of("InstallExecuteSequence", "InstallUISequence")) {
                db.table(seq).add("WIX_CA_DOWNGRADE", "WIX_DOWNGRADE_DETECTED", 26);
            }
            db.table("InstallExecuteSequence").add("RemoveExistingProducts", null, 1401);
        }
    }

    private void fill(String table, List<StandardSequences.Action> actions, Set<String> used) {
        Table t = db.table(table);
        for (StandardSequences.Action a : StandardSequences.applicable(actions, used)) {
            if (t.find(a.name()) == null) t.add(a.name(), null, a.sequence());
        }
    }

    private void summary() {
        SummaryInfo s = db.summary();
        s.codepage = p.codepage;
        s.subject = p.productName;
        s.author = p.manufacturer;
        s.comments = p.comments != null ? p.comments
                : "This installer database contains the logic and data required to install " + p.productName + ".";
        s.template = p.platform.templatePlatform() + ";" + p.language;
        s.revisionNumber = p.packageCode;
        s.pageCount = Math.max(p.installerVersion, p.platform.minPageCount());
        s.wordCount = 2; // long file names, compressed source
        s.security = 2;
        s.appName = "ssprkit";
    }
}
