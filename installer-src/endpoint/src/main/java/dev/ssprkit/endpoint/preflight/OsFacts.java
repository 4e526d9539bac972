package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.registry.RegistryStore;

import java.io.IOException;
import java.util.Locale;

/**
 * What the preflight needs to know about the operating system.
 *
 * @param major    6 for Windows 7/8/8.1, 10 for Windows 10/11
 * @param minor    1 = Windows 7, 2 = 8, 3 = 8.1 (with major 6)
 * @param build    e.g. 7601, 17763 (Windows 10 1809), 22000+ (Windows 11)
 * @param edition  the EditionID ({@code Professional}, {@code Enterprise}, {@code Core} = Home...)
 */
public record OsFacts(int major, int minor, int build, String edition, boolean is64Bit) {
    public static final int BUILD_1803 = 17134;
    public static final int BUILD_1809 = 17763;
    public static final int BUILD_WINDOWS_11 = 22000;

    public boolean isWindows10OrLater() {
        return major >= 10;
    }

    /** Windows 10 proper (not 11). */
    public boolean isWindows10() {
        return major == 10 && build < BUILD_WINDOWS_11;
    }

    /** Windows 7, 8 or 8.1: the logon add-in platforms. */
    public boolean isAddInPlatform() {
        return major == 6 && minor >= 1;
    }

    public boolean isHomeEdition() {
        return edition != null && edition.toLowerCase(Locale.ROOT).startsWith("core");
    }

    public String describe() {
        String name = isWindows10OrLater() ? (build >= BUILD_WINDOWS_11 ? "Windows 11" : "Windows 10")
                : major == 6 ? switch (minor) { case 1 -> "Windows 7"; case 2 -> "Windows 8"; case 3 -> "Windows 8.1"; default -> "Windows 6." + minor; }
                : "Windows " + major + "." + minor;
        return name + " build " + build + (edition == null ? "" : " " + edition) + (is64Bit ? " 64-bit" : " 32-bit");
    }

    /**
     * Reads the facts from a registry: {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion} (CurrentMajorVersionNumber /
     * CurrentMinorVersionNumber on Windows 10+, else CurrentVersion "6.1"; CurrentBuildNumber; EditionID) and
     * PROCESSOR_ARCHITECTURE from the system environment key.
     */
    public static OsFacts fromRegistry(RegistryStore store) throws IOException {
        int major, minor;
        var cv = SsprKeys.CURRENT_VERSION;
        var maj = store.dword(cv, "CurrentMajorVersionNumber");
        if (maj.isPresent()) {
            major = maj.get();
            minor = store.dword(cv, "CurrentMinorVersionNumber").orElse(0);
        } else {
            String v = store.string(cv, "CurrentVersion").orElse("0.0");
            String[] parts = v.split("\\.");
            major = parse(parts[0]);
            minor = parts.length > 1 ? parse(parts[1]) : 0;
        }
        int build = parse(store.string(cv, "CurrentBuildNumber").orElse("0"));
        String edition = store.string(cv, "EditionID").orElse(null);
        String arch = store.string(SsprKeys.SESSION_ENVIRONMENT, "PROCESSOR_ARCHITECTURE").orElse("x86");
        return new OsFacts(major, minor, build, edition, !arch.equalsIgnoreCase("x86"));
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
