package dev.ssprkit.wix.source;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds an {@code <?include?>} file as WiX does: an absolute path as given; a relative one first next to the
 * including file, then in each include directory in the order given, and (unlike WiX) last in the working directory.
 */
final class IncludeResolver {

    private final List<Path> includeDirs;

    IncludeResolver(List<Path> includeDirs) {
        this.includeDirs = includeDirs;
    }

    /** The places a relative {@code written} path is looked for, in order. */
    List<Path> candidates(String written, Path includingFile) {
        List<Path> candidates = new ArrayList<>();
        Path path;
        try {
            // sources written on Windows use backslashes; on this file system they are separators too
            path = Path.of(written.replace('\\', '/'));
        } catch (InvalidPathException e) {
            return candidates;
        }
        if (path.isAbsolute()) {
            candidates.add(path.normalize());
            return candidates;
        }
        Path dir = includingFile.toAbsolutePath().getParent();
        if (dir != null) {
            candidates.add(dir.resolve(path).normalize());
        }
        for (Path includeDir : includeDirs) {
            candidates.add(includeDir.toAbsolutePath().resolve(path).normalize());
        }
        // last, the working directory: build scripts often define include folders relative to where they run
        Path cwd = Path.of("").toAbsolutePath().resolve(path).normalize();
        if (!candidates.contains(cwd)) candidates.add(cwd);
        return candidates;
    }

    Optional<Path> find(List<Path> candidates) {
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** Strips one pair of matching quotes, as WiX allows {@code <?include "a b.wxi"?>}. */
    static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
