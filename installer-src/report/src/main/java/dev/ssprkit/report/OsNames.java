package dev.ssprkit.report;

import dev.ssprkit.endpoint.preflight.OsFacts;

import java.util.Map;
import java.util.TreeMap;

/**
 * A machine's Windows as people name it, for the breakdown: "Windows 7 SP1", "Windows 8.1", "Windows 10 22H2",
 * "Windows 11 23H2". Release names by build number from Microsoft's release information pages (Windows 10 and 11
 * release health); unknown builds show as "build N".
 */
final class OsNames {
    private static final Map<Integer, String> WINDOWS_10 = new TreeMap<>(Map.ofEntries(
            Map.entry(10240, "1507"), Map.entry(10586, "1511"), Map.entry(14393, "1607"), Map.entry(15063, "1703"),
            Map.entry(16299, "1709"), Map.entry(17134, "1803"), Map.entry(17763, "1809"), Map.entry(18362, "1903"),
            Map.entry(18363, "1909"), Map.entry(19041, "2004"), Map.entry(19042, "20H2"), Map.entry(19043, "21H1"),
            Map.entry(19044, "21H2"), Map.entry(19045, "22H2")));
    private static final Map<Integer, String> WINDOWS_11 = Map.of(22000, "21H2", 22621, "22H2", 22631, "23H2", 26100, "24H2");

    private OsNames() {}

    static String of(OsFacts f) {
        if (f == null) return "unknown";
        if (f.major() >= 10) {
            boolean eleven = f.build() >= OsFacts.BUILD_WINDOWS_11;
            String release = (eleven ? WINDOWS_11 : WINDOWS_10).get(f.build());
            return (eleven ? "Windows 11 " : "Windows 10 ") + (release != null ? release : "build " + f.build());
        }
        if (f.major() == 6) {
            return switch (f.minor()) {
                case 0 -> "Windows Vista";
                case 1 -> f.build() >= 7601 ? "Windows 7 SP1" : "Windows 7";
                case 2 -> "Windows 8";
                case 3 -> "Windows 8.1";
                default -> "Windows 6." + f.minor();
            };
        }
        return f.major() == 0 ? "unknown" : "Windows " + f.major() + "." + f.minor();
    }
}
