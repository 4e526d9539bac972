package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes the software identification tags (ISO/IEC 19770-2 SoftwareIdentity documents) the package installs and
 * fills their SoftwareIdentificationTag rows, as WiX does: tagId {@code msi:package/PACKAGECODE}, persistentId
 * {@code msi:upgrade/UPGRADECODE}, the product's name and version (versionScheme multipartnumeric for a dotted
 * version), the manufacturer as softwareCreator and tagCreator under the tag's regid.
 *
 * <p>The tag names the package code, and this build otherwise derives the package code from the finished database,
 * which would include the tag itself. So a package with tags gets its package code here instead: a name-based UUID
 * of everything that makes the package (every row as written in the sources and the bytes of every other payload
 * file), so it still changes whenever the package does and is the same when nothing changed.
 */
final class SoftwareTagStep {
    private static final UUID NAMESPACE = UUID.fromString("9d3a0f4e-2b61-4c0e-8a57-6f1b2c3d4e5f");
    private final BindContext ctx;

    SoftwareTagStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        List<Row> tags = ctx.rows("SoftwareIdentificationTag");
        if (tags.isEmpty()) return;
        String packageCode = packageCode();
        if (packageCode == null) return;
        ctx.packageCode = packageCode;
        var p = ctx.identity;
        String upgrade = p.upgradeCode() == null ? null : p.upgradeCode().replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
        for (Row tag : tags) {
            Row file = ctx.linked.row("File", tag.str("File_"));
            if (file == null) continue;
            if (file.extra("Name") == null) file.extra("Name", p.name() + ".swidtag");
            String tagId = "msi:package/" + packageCode;
            String persistent = upgrade == null ? null : "msi:upgrade/" + upgrade;
            tag.set("TagId", tagId).set("PersistentId", persistent);
            Path out = ctx.options.workDirectory().resolve("swidtag").resolve(tag.str("File_")).resolve((String) file.extra("Name"));
            try {
                Files.createDirectories(out.getParent());
                Files.writeString(out, document(tagId, p.name(), p.version(), tag.str("Regid"), p.manufacturer(), persistent));
            } catch (IOException e) {
                ctx.report(CompilerMessage.WRITE_FAILED, tag.location(), out, "the software tag could not be written: " + e.getMessage());
                continue;
            }
            file.extra("Source", out);
        }
    }

    private String packageCode() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-256", e);
        }
        List<String> rows = new ArrayList<>();
        for (var sym : ctx.linked.symbols()) if (sym instanceof Row r && !r.table().equals("SoftwareIdentificationTag")) rows.add(r.toString());
        rows.sort(null);
        for (String r : rows) digest.update((r + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[1 << 16];
        for (Row f : ctx.rows("File")) {
            if (Boolean.TRUE.equals(f.extra("SoftwareTag")) || !(f.extra("Source") instanceof Path source)) continue;
            try (InputStream in = Files.newInputStream(source)) {
                for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            } catch (IOException e) {
                return UUID.randomUUID().toString().toUpperCase(Locale.ROOT); // FileStep reports the unreadable file
            }
        }
        digest.update(String.valueOf(ctx.options.buildTime()).getBytes(StandardCharsets.UTF_8));
        byte[] h = digest.digest();
        return nameBased(h).toString().toUpperCase(Locale.ROOT);
    }

    /** A version-5-style UUID (RFC 4122 layout) from a digest, in this step's namespace. */
    private static UUID nameBased(byte[] hash) {
        byte[] b = new byte[16];
        System.arraycopy(hash, 0, b, 0, 16);
        long ns = NAMESPACE.getMostSignificantBits() ^ NAMESPACE.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) b[i] ^= (byte) (ns >>> (56 - 8 * i));
        b[6] = (byte) ((b[6] & 0x0f) | 0x50);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long msb = 0, lsb = 0;
        for (int i = 0; i < 8; i++) msb = (msb << 8) | (b[i] & 0xff);
        for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (b[i] & 0xff);
        return new UUID(msb, lsb);
    }

    static String document(String tagId, String name, String version, String regid, String manufacturer, String persistentId) {
        String scheme = version != null && version.matches("\\d+(\\.\\d+){0,3}") ? "multipartnumeric" : "alphanumeric";
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.append("<SoftwareIdentity xmlns=\"http://standards.iso.org/iso/19770/-2/2015/schema.xsd\" tagId=\"").append(esc(tagId))
                .append("\" name=\"").append(esc(name)).append("\" version=\"").append(esc(version)).append("\" versionScheme=\"").append(scheme).append("\">\n");
        x.append("  <Entity name=\"").append(esc(manufacturer)).append("\" regid=\"").append(esc(regid)).append("\" role=\"softwareCreator tagCreator\" />\n");
        if (persistentId != null) x.append("  <Meta persistentId=\"").append(esc(persistentId)).append("\" />\n");
        return x.append("</SoftwareIdentity>\n").toString();
    }

    private static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace(">", "&gt;");
    }
}
