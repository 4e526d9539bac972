package dev.ssprkit.msi.container;

/** Root-storage CLSIDs that mark a compound file as a Windows Installer file. */
public final class MsiClsids {
    private MsiClsids() {}

    public static final String DATABASE = "{000C1084-0000-0000-C000-000000000046}";
    public static final String TRANSFORM = "{000C1082-0000-0000-C000-000000000046}";
    public static final String PATCH = "{000C1086-0000-0000-C000-000000000046}";

    public static String kind(String clsid) {
        if (DATABASE.equalsIgnoreCase(clsid)) return "installation database";
        if (TRANSFORM.equalsIgnoreCase(clsid)) return "transform";
        if (PATCH.equalsIgnoreCase(clsid)) return "patch";
        return null;
    }
}
