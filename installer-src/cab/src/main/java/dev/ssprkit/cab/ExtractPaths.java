package dev.ssprkit.cab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps cabinet names (Windows-style, '\' separated) to paths under an extraction directory, refusing anything that
 * could land outside it: absolute names, drive letters, UNC names and ".." segments.
 */
final class ExtractPaths {
    private ExtractPaths() {}

    /** The path for {@code name} under {@code dir} (already absolute and normalized). */
    static Path resolve(CabInput in, Path dir, String name) throws CabinetException {
        String n = name.replace('\\', '/');
        if (n.startsWith("/")) {
            throw in.fail("refusing to extract '" + name + "': absolute path");
        }
        if (n.length() >= 2 && n.charAt(1) == ':' && Character.isLetter(n.charAt(0))) {
            throw in.fail("refusing to extract '" + name + "': drive letter");
        }
        List<String> segments = new ArrayList<>();
        for (String s : n.split("/")) {
            if (s.equals("..")) {
                throw in.fail("refusing to extract '" + name + "': '..' path segment");
            }
            if (!s.isEmpty() && !s.equals(".")) {
                segments.add(s);
            }
        }
        if (segments.isEmpty()) {
            throw in.fail("refusing to extract '" + name + "': names no file");
        }
        Path p = dir;
        for (String s : segments) {
            p = p.resolve(s);
        }
        p = p.normalize();
        if (!p.startsWith(dir) || p.equals(dir)) {
            throw in.fail("refusing to extract '" + name + "': resolves outside " + dir);
        }
        return p;
    }
}
