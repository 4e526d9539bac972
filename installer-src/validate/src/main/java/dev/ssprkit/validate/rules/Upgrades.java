package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Formats;
import dev.ssprkit.validate.Rule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ICE61: the Upgrade table. Each ActionProperty is a public (upper-case) property listed in
 * SecureCustomProperties (so it reaches the elevated server side); VersionMin and VersionMax are not both null and
 * are valid versions; a row with this product's own UpgradeCode whose range includes this ProductVersion and that is
 * not OnlyDetect would remove the product being installed (warning).
 */
public final class Upgrades implements Rule {
    static final int ONLY_DETECT = 0x2, INCLUDE_MIN = 0x100, INCLUDE_MAX = 0x200;

    @Override
    public List<String> ices() {
        return List.of("ICE61");
    }

    @Override
    public void check(Context ctx) {
        String secure = ctx.property("SecureCustomProperties");
        List<String> secured = secure == null ? List.of() : Arrays.asList(secure.split(";"));
        String ownCode = ctx.property("UpgradeCode"), ownVersion = ctx.property("ProductVersion");
        for (Row u : ctx.rows("Upgrade")) {
            String property = Context.text(u, "ActionProperty");
            String min = Context.text(u, "VersionMin"), max = Context.text(u, "VersionMax");
            int attrs = Context.integer(u, "Attributes", 0);
            if (property != null && !property.equals(property.toUpperCase(Locale.ROOT))) {
                ctx.error("ICE61", u, "ActionProperty", "ActionProperty " + property + " must be a public (upper-case) property");
            }
            if (property != null && !secured.contains(property)) {
                ctx.error("ICE61", u, "ActionProperty", "ActionProperty " + property + " is not listed in SecureCustomProperties");
            }
            if (min == null && max == null) ctx.error("ICE61", u, "VersionMin", "VersionMin and VersionMax are both null");
            for (String[] v : new String[][] {{"VersionMin", min}, {"VersionMax", max}}) {
                if (v[1] != null && Formats.productVersion(v[1]) != null) ctx.error("ICE61", u, v[0], "'" + v[1] + "' is not a version");
            }
            if (ownCode != null && ownCode.equals(Context.text(u, "UpgradeCode")) && ownVersion != null && (attrs & ONLY_DETECT) == 0
                    && Formats.version(ownVersion) == null && includes(min, max, attrs, ownVersion)) {
                ctx.warning("ICE61", u, "VersionMax", "this product's own version " + ownVersion
                        + " is in the range, so installing would remove the product itself; exclude it or use OnlyDetect");
            }
        }
    }

    static boolean includes(String min, String max, int attrs, String version) {
        if (min != null && Formats.version(min) == null) {
            int c = compare(version, min);
            if (c < 0 || c == 0 && (attrs & INCLUDE_MIN) == 0) return false;
        }
        if (max != null && Formats.version(max) == null) {
            int c = compare(version, max);
            if (c > 0 || c == 0 && (attrs & INCLUDE_MAX) == 0) return false;
        }
        return true;
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0, q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return 0;
    }
}
