package dev.ssprkit.builder;

/** {@code Registry.Root} values; HKMU is HKLM for per-machine installs and HKCU for per-user ones. */
public enum RegistryRoot {
    HKMU(-1), HKCR(0), HKCU(1), HKLM(2), HKU(3);

    private final int msiValue;

    RegistryRoot(int msiValue) {
        this.msiValue = msiValue;
    }

    public int msiValue() {
        return msiValue;
    }

    public static RegistryRoot parse(String s) {
        return switch (s.toUpperCase(java.util.Locale.ROOT)) {
            case "HKMU" -> HKMU;
            case "HKCR", "HKEY_CLASSES_ROOT" -> HKCR;
            case "HKCU", "HKEY_CURRENT_USER" -> HKCU;
            case "HKLM", "HKEY_LOCAL_MACHINE" -> HKLM;
            case "HKU", "HKEY_USERS" -> HKU;
            default -> throw new IllegalArgumentException("unknown registry root '" + s + "'; use HKLM, HKCU, HKCR, HKU or HKMU");
        };
    }
}
