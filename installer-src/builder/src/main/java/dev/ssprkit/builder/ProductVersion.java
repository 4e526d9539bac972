package dev.ssprkit.builder;

import java.util.regex.Pattern;

/** ProductVersion: major.minor.build[.revision], major and minor ≤ 255, build ≤ 65535 (the SDK's ProductVersion page). */
public final class ProductVersion {
    private static final Pattern FORMAT = Pattern.compile("\\d{1,5}(\\.\\d{1,5}){1,3}");

    private ProductVersion() {}

    public static String check(String v) {
        if (v == null || !FORMAT.matcher(v).matches()) {
            throw new IllegalArgumentException("product version '" + v + "' must be major.minor.build (e.g. 1.0.0)");
        }
        String[] p = v.split("\\.");
        int[] max = {255, 255, 65535, 65535};
        for (int i = 0; i < p.length; i++) {
            if (Integer.parseInt(p[i]) > max[i]) {
                throw new IllegalArgumentException("product version '" + v + "': field " + (i + 1) + " exceeds " + max[i]);
            }
        }
        return v;
    }
}
