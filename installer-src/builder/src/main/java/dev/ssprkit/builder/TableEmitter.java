package dev.ssprkit.builder;

import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        FileEmitter files = new FileEmitter(p, db);
        properties();
        files.directories();
        int sequence = files.components();
        features();
        files.media(cabinet, sequence, options);
        upgrade();
        launchConditions();
        for (PackageBuilder.ExtraRow r : p.extraRows) db.table(r.table()).addFrom(r.origin(), r.values());
        secureProperties();
        for (var c : p.customizations) c.accept(db);
        new SequenceEmitter(p, db).emit();
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
        props.forEach((k, v) -> t.addFrom(p.propertyOrigins.get(k), k, v));
    }

    /** SecureCustomProperties: the author's secure properties and the upgrade action properties, sorted, once each. */
    private void secureProperties() {
        java.util.TreeSet<String> secure = new java.util.TreeSet<>(p.secureProperties);
        if (p.downgradeMessage != null) secure.addAll(List.of("WIX_DOWNGRADE_DETECTED", "WIX_UPGRADE_DETECTED"));
        if (secure.isEmpty()) return;
        Table t = db.table("Property");
        var old = t.find("SecureCustomProperties");
        if (old != null) {
            secure.addAll(List.of(((String) old.get(1)).split(";")));
            t.remove(old);
        }
        t.add("SecureCustomProperties", String.join(";", secure));
    }

    private void features() {
        Table feat = db.table("Feature"), fc = db.table("FeatureComponents");
        int display = 1;
        for (FeatureSpec f : p.features.values()) {
            Integer shown = f.display != null ? f.display : Integer.valueOf(display++ * 2);
            feat.addFrom(f.origin, f.id, f.parent == null ? null : f.parent.id, f.title, f.description, shown, f.level, f.configurableDirectory, f.attributes());
            for (ComponentSpec c : f.components) fc.addFrom(f.origin, f.id, c.id);
        }
        for (ComponentSpec c : p.components.values()) {
            boolean inFeature = p.features.values().stream().anyMatch(f -> f.components.contains(c));
            if (!inFeature) throw new IllegalArgumentException("component " + c.id + " belongs to no feature, so it would never be installed");
        }
    }

    /** MajorUpgrade as WiX authors it: detect older (remove them) and newer (refuse) products of the upgrade code. */
    private void upgrade() {
        if (p.downgradeMessage == null) return;
        Table up = db.table("Upgrade");
        // AllowSameVersionUpgrades: VersionMaxInclusive (0x200) on the detect row, and the same version is no downgrade.
        up.add(p.upgradeCode, null, p.version, null, 0x1 /* MigrateFeatures */ | (p.allowSameVersionUpgrades ? 0x200 : 0), null, "WIX_UPGRADE_DETECTED");
        up.add(p.upgradeCode, p.version, null, null, 0x2 /* OnlyDetect */, null, "WIX_DOWNGRADE_DETECTED");
        db.table("CustomAction").add("WIX_CA_DOWNGRADE", 19, null, p.downgradeMessage, null);
        db.table("LaunchCondition");
    }

    private void launchConditions() {
        p.launchConditions.forEach((cond, msg) -> db.table("LaunchCondition").add(cond, msg));
    }

    private void summary() {
        SummaryInfo s = db.summary();
        s.codepage = p.codepage;
        s.subject = p.description != null ? p.description : p.productName;
        s.keywords = p.keywords;
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
