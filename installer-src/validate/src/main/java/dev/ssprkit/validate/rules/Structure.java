package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Rule;
import dev.ssprkit.validate.Severity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Directory and feature trees, and the schema version.
 * <ul>
 * <li>ICE14: a feature is not its own parent, and a root feature does not have FollowParent (0x2).</li>
 * <li>ICE47: a feature has at most 1600 components (warning: older Windows versions cannot register more).</li>
 * <li>ICE48: a DefaultDir is not a hard-coded absolute path (warning).</li>
 * <li>ICE66: the summary PageCount (schema) is at least what the tables used need (MsiFileHash 150,
 *     MsiShortcutProperty 400, MsiEmbeddedUI 450, MsiLockPermissionsEx/MsiServiceConfig 500) (warning).</li>
 * </ul>
 */
public final class Structure implements Rule {
    static final int FOLLOW_PARENT = 0x2;
    static final Map<String, Integer> SCHEMA = Map.of("MsiFileHash", 150, "MsiAssembly", 150, "MsiDigitalCertificate", 150,
            "MsiPatchCertificate", 300, "MsiShortcutProperty", 400, "MsiEmbeddedUI", 450, "MsiEmbeddedChainer", 450,
            "MsiLockPermissionsEx", 500, "MsiServiceConfig", 500, "MsiServiceConfigFailureActions", 500);

    @Override
    public List<String> ices() {
        return List.of("ICE14", "ICE47", "ICE48", "ICE66");
    }

    @Override
    public void check(Context ctx) {
        Map<String, Integer> counts = new HashMap<>();
        for (Row r : ctx.rows("FeatureComponents")) counts.merge(Context.text(r, "Feature_"), 1, Integer::sum);
        for (Row f : ctx.rows("Feature")) {
            String id = Context.text(f, "Feature"), parent = Context.text(f, "Feature_Parent");
            if (id.equals(parent)) ctx.error("ICE14", f, "Feature_Parent", "feature " + id + " is its own parent");
            if (parent == null && (Context.integer(f, "Attributes", 0) & FOLLOW_PARENT) != 0) {
                ctx.error("ICE14", f, "Attributes", "root feature " + id + " cannot have the FollowParent attribute");
            }
            int n = counts.getOrDefault(id, 0);
            if (n > 1600) ctx.warning("ICE47", f, "Feature", "feature " + id + " has " + n + " components; at most 1600 are supported");
        }
        for (Row d : ctx.rows("Directory")) {
            String v = Context.text(d, "DefaultDir");
            if (v != null && (v.matches("(?s).*[A-Za-z]:\\\\.*") || v.startsWith("\\\\"))) {
                ctx.warning("ICE48", d, "DefaultDir", "directory " + Context.text(d, "Directory") + " has the hard-coded path '" + v + "'");
            }
        }
        Integer pageCount = ctx.db().summary().pageCount;
        for (Map.Entry<String, Integer> e : SCHEMA.entrySet()) {
            if (ctx.has(e.getKey()) && (pageCount == null || pageCount < e.getValue())) {
                ctx.report("ICE66", Severity.WARNING, e.getKey(), null, e.getKey() + " needs schema " + e.getValue()
                        + " (Windows Installer " + e.getValue() / 100 + "." + e.getValue() % 100 / 10 + ") but PageCount is " + pageCount);
            }
        }
    }
}
