package dev.ssprkit.sysprep.cache;

import java.nio.file.Path;

/**
 * One {@link CacheTarget} looked up in one profile.
 *
 * @param path   where it is (or would be); for an absent target the path it was looked for at
 * @param state  present (will be deleted), absent (nothing to do) or skipped (left alone, see {@code reason})
 */
public record ResolvedTarget(CacheTarget target, Path path, State state, String reason) {
    public enum State { PRESENT, ABSENT, SKIPPED }
}
