package dev.ssprkit.cli;

import dev.ssprkit.kit.KitGenerator;

/** The kit parts contributed by other modules (transform, .reg files), wired in one place. */
final class KitParts {
    private KitParts() {}

    static KitGenerator all(KitGenerator generator) {
        return generator;
    }
}
