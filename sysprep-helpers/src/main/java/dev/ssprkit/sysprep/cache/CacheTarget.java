package dev.ssprkit.sysprep.cache;

import java.util.Objects;

/**
 * One web-cache entry to delete, named relative to {@link CacheTargets#PARENT} in a user profile.
 *
 * @param name  the entry's Windows name (matched case-insensitively)
 * @param kind  whether the entry is a folder (removed with everything inside) or a single file
 * @param why   a short note for reports and the generated scripts
 */
public record CacheTarget(String name, Kind kind, String why) {
    public enum Kind { DIRECTORY, FILE }

    public CacheTarget {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        if (name.isEmpty() || name.contains("\\") || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("a cache target is one plain name: " + name);
        }
    }
}
