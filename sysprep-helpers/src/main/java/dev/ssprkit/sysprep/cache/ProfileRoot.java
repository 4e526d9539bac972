package dev.ssprkit.sysprep.cache;

import dev.ssprkit.common.BadInputException;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A folder accepted as a user profile: a real directory (not a link, junction or other reparse point) that contains
 * a real {@code AppData\Local} directory. Anything else is refused before a single file is touched.
 */
public final class ProfileRoot {
    private final Path path;

    private ProfileRoot(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Checks {@code candidate}; throws {@link BadInputException} naming it when it does not look like a profile. */
    public static ProfileRoot verify(Path candidate) {
        Path p = candidate.toAbsolutePath().normalize();
        if (!p.equals(candidate.toAbsolutePath())) {
            throw new BadInputException(candidate, "refusing a profile path containing '.' or '..' segments");
        }
        if (p.getParent() == null) {
            throw new BadInputException(candidate, "refusing a file-system root as a profile");
        }
        BasicFileAttributes a = Entries.attributes(p)
                .orElseThrow(() -> new BadInputException(candidate, "profile folder does not exist"));
        if (Entries.isLinkLike(a)) {
            throw new BadInputException(candidate, "profile folder is a symbolic link, junction or reparse point; refusing to follow it");
        }
        if (!a.isDirectory()) {
            throw new BadInputException(candidate, "not a folder");
        }
        Path current = p;
        for (String segment : CacheTargets.PROFILE_MARKER) {
            Optional<Path> next;
            try {
                next = Entries.childNamed(current, segment);
            } catch (IOException e) {
                throw new BadInputException(current, "cannot list folder: " + e.getMessage(), e);
            }
            if (next.isEmpty()) {
                throw new BadInputException(candidate, "does not look like a user profile: no "
                        + String.join("\\", CacheTargets.PROFILE_MARKER) + " folder");
            }
            BasicFileAttributes na = Entries.attributes(next.get()).orElseThrow();
            if (!Entries.isRealDirectory(na)) {
                throw new BadInputException(candidate, "does not look like a user profile: " + next.get()
                        + " is not a real folder (link, junction or file)");
            }
            current = next.get();
        }
        return new ProfileRoot(p);
    }
}
