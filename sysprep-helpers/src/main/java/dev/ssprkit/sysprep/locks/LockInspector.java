package dev.ssprkit.sysprep.locks;

import java.nio.file.Path;
import java.util.List;

/**
 * Which processes hold files open, and stopping them (live Windows only; {@link RestartManagerLockInspector}).
 * Tests use an in-memory fake.
 */
public interface LockInspector {
    /** The processes holding any of {@code files} open; empty when none or when {@code files} is empty. */
    List<LockHolder> holders(List<Path> files);

    /** Ends one process; false when it could not be ended. */
    boolean stop(LockHolder holder);

    /** An inspector for systems where nothing can be asked: never finds holders, never stops anything. */
    static LockInspector none() {
        return new LockInspector() {
            @Override
            public List<LockHolder> holders(List<Path> files) {
                return List.of();
            }

            @Override
            public boolean stop(LockHolder holder) {
                return false;
            }
        };
    }
}
