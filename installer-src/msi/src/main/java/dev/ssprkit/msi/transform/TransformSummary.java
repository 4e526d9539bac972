package dev.ssprkit.msi.transform;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.msi.model.Table;

import java.time.Instant;

/**
 * The summary information of a transform (https://learn.microsoft.com/windows/win32/msi/summary-property-descriptions):
 * <ul>
 *   <li>PID 7 Template: platform;language the transform applies to (the base package's platform and first language;
 *       one language only in a transform);</li>
 *   <li>PID 8 Last Saved By: platform;language the database has after the transform (the target's);</li>
 *   <li>PID 9 Revision Number: {@code {base ProductCode}baseVersion;{target ProductCode}targetVersion;{UpgradeCode}}, the
 *       base package's UpgradeCode (the one UPGRADE_CODE validation compares; WiX's binder reads it as the target
 *       database's code, and an instance transform may change it);</li>
 *   <li>PID 14 Page Count: the greater of the two packages' minimum installer versions;</li>
 *   <li>PID 15 Word Count: absent (Null for transforms);</li>
 *   <li>PID 16 Character Count: validation flags (upper word) and suppressed error conditions (lower word);</li>
 *   <li>PID 19 Security: 4 (read-only enforced).</li>
 * </ul>
 */
public final class TransformSummary {
    private TransformSummary() {}

    public static SummaryInfo of(Database base, Database target, TransformOptions options) throws MsiException {
        SummaryInfo b = base.summary(), t = target.summary();
        SummaryInfo s = new SummaryInfo();
        s.codepage = t.codepage == 0 ? 1252 : t.codepage;
        s.title = "Transform";
        s.subject = t.subject;
        s.author = t.author;
        s.keywords = null;
        s.comments = "This transform contains the changes to apply to " + (b.subject == null ? "the base package" : b.subject) + ".";
        s.template = platformAndLanguage(b.template);
        s.lastSavedBy = platformAndLanguage(t.template);
        s.revisionNumber = property(base, "ProductCode") + nullToEmpty(property(base, "ProductVersion")) + ";"
                + property(target, "ProductCode") + nullToEmpty(property(target, "ProductVersion")) + ";"
                + nullToEmpty(property(base, "UpgradeCode"));
        Instant when = options.createTime();
        s.createTime = when;
        s.lastSaveTime = when;
        s.pageCount = Math.max(b.pageCount == null ? 0 : b.pageCount, t.pageCount == null ? 0 : t.pageCount);
        s.wordCount = null;
        s.charCount = options.characterCount();
        s.appName = "ssprkit";
        s.security = 4;
        return s;
    }

    /** {@code x64;1033,1031} → {@code x64;1033}. */
    static String platformAndLanguage(String template) {
        if (template == null) return ";0";
        int semi = template.indexOf(';');
        String platform = semi < 0 ? template : template.substring(0, semi);
        String langs = semi < 0 ? "" : template.substring(semi + 1);
        int comma = langs.indexOf(',');
        return platform + ";" + (comma < 0 ? langs : langs.substring(0, comma));
    }

    static String property(Database db, String name) throws MsiException {
        Table t = db.tableOrNull("Property");
        Row r = t == null ? null : t.find(name);
        if (r == null) {
            if (name.equals("ProductCode")) throw new MsiException("Property", "has no ProductCode; a transform's revision number needs it");
            return null;
        }
        return (String) r.get(1);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The parts of a transform's Revision Number. */
    public record Revision(String baseProductCode, String baseVersion, String targetProductCode, String targetVersion, String upgradeCode) {
        public static Revision parse(String revision) {
            if (revision == null) return new Revision(null, null, null, null, null);
            String[] parts = revision.split(";", -1);
            String[] base = split(parts[0]);
            String[] target = parts.length > 1 ? split(parts[1]) : new String[2];
            return new Revision(base[0], base[1], target[0], target[1], parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null);
        }

        private static String[] split(String codeAndVersion) {
            int close = codeAndVersion.indexOf('}');
            if (!codeAndVersion.startsWith("{") || close < 0) return new String[] {null, codeAndVersion};
            return new String[] {codeAndVersion.substring(0, close + 1), codeAndVersion.substring(close + 1)};
        }
    }
}
