package dev.ssprkit.wix.compile;

import java.util.Locale;
import java.util.Set;

/**
 * Checks a name the package will create on the target machine (a file, folder or shortcut name). The installer
 * joins it to a folder path, so a name must be one path segment that Windows can create and that stays where it
 * is placed: no {@code ..}, no separators, no device names (which open a device, not a file).
 */
public final class InstallNames {
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final String ILLEGAL = "\\/:*?\"<>|";

    private InstallNames() {}

    /**
     * Why {@code name} cannot be created as one entry of a folder, or null when it can. {@code dot} allows the single
     * {@code "."} WiX uses for "the parent folder itself" (Directory/@Name).
     */
    public static String problem(String name, boolean dot) {
        if (name.isEmpty()) return "it is empty";
        if (name.equals(".")) return dot ? null : "'.' names the folder itself";
        if (name.equals("..")) return "'..' would place it outside its folder";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) return "it contains the control character U+" + String.format("%04X", (int) c);
            if (ILLEGAL.indexOf(c) >= 0) return "it contains '" + c + "'";
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') return "it ends with " + (last == '.' ? "a dot" : "a space") + ", which Windows drops";
        int dotAt = name.indexOf('.');
        String base = (dotAt < 0 ? name : name.substring(0, dotAt)).stripTrailing().toUpperCase(Locale.ROOT);
        if (DEVICES.contains(base)) return "'" + base + "' is a reserved device name on Windows";
        return null;
    }

    /** The name as a message shows it: control characters escaped, long names shortened. */
    public static String shown(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < 80; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) sb.append(String.format("\\u%04X", (int) c));
            else sb.append(c);
        }
        if (sb.length() >= 80 && name.length() > 80) sb.append("... (").append(name.length()).append(" characters)");
        return sb.toString();
    }
}
