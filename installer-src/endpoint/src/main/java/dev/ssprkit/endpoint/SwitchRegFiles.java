package dev.ssprkit.endpoint;

import dev.ssprkit.registry.RegFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoint switches as .reg files for a deployment kit, each written by the switch itself into a {@link RegFile}:
 * logging on and off, TLS 1.2 (DefaultSecureProtocols is set outright to 0xA00, since a .reg file cannot OR bits into
 * an existing value) and the Windows 10 policy.
 */
public final class SwitchRegFiles {
    private SwitchRegFiles() {}

    /** File name → contents, in a fixed order. */
    public static Map<String, RegFile> all(boolean is64Bit) throws IOException {
        Map<String, RegFile> out = new LinkedHashMap<>();
        RegFile on = new RegFile();
        DwordSwitch.LOGGING.set(on, true);
        out.put("logging-on.reg", on);
        RegFile off = new RegFile();
        DwordSwitch.LOGGING.set(off, false);
        out.put("logging-off.reg", off);
        RegFile tls = new RegFile();
        new Tls12Settings(tls, is64Bit).enable();
        out.put("tls12-enable.reg", tls);
        RegFile win10 = new RegFile();
        DwordSwitch.WIN10_PASSWORD_RESET.set(win10, true);
        out.put("win10-policy.reg", win10);
        return out;
    }

    /** Writes {@link #all} into {@code dir} (created); returns the file names. */
    public static List<String> write(Path dir, boolean is64Bit) throws IOException {
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, RegFile> e : all(is64Bit).entrySet()) {
            e.getValue().write(dir.resolve(e.getKey()));
            names.add(e.getKey());
        }
        return names;
    }
}
