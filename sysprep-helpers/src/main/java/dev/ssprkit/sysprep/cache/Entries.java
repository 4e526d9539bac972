package dev.ssprkit.sysprep.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** File-system questions asked without ever following a link. */
final class Entries {
    private Entries() {}

    static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** The entry's own attributes (a link's, not its target's), or empty when nothing is there. */
    static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * True for symbolic links, and for junctions and other reparse points: on Windows the JDK reports those as
     * {@code isOther()} (a junction is both a directory and "other"). Devices, FIFOs and sockets are "other" too and are
     * treated the same way: never entered, only unlinked.
     */
    static boolean isLinkLike(BasicFileAttributes a) {
        return a.isSymbolicLink() || a.isOther();
    }

    static boolean isRealDirectory(BasicFileAttributes a) {
        return a.isDirectory() && !isLinkLike(a);
    }

    /** The children of {@code dir} whose name equals {@code name} ignoring case (Windows names are case-insensitive). */
    static List<Path> childrenNamed(Path dir, String name) throws IOException {
        List<Path> found = new ArrayList<>();
        String wanted = name.toLowerCase(Locale.ROOT);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path child : ds) {
                if (child.getFileName().toString().toLowerCase(Locale.ROOT).equals(wanted)) {
                    found.add(child);
                }
            }
        }
        found.sort(null);
        return found;
    }

    /** The one child named {@code name} (ignoring case), preferring an exact-case match; empty when there is none. */
    static Optional<Path> childNamed(Path dir, String name) throws IOException {
        List<Path> all = childrenNamed(dir, name);
        for (Path p : all) {
            if (p.getFileName().toString().equals(name)) return Optional.of(p);
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
}
