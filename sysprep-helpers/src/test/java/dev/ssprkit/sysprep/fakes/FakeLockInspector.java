package dev.ssprkit.sysprep.fakes;

import dev.ssprkit.sysprep.locks.LockHolder;
import dev.ssprkit.sysprep.locks.LockInspector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reports fixed holders while they have not been stopped; records what was asked and stopped. */
public final class FakeLockInspector implements LockInspector {
    public final List<LockHolder> running = new ArrayList<>();
    public final List<LockHolder> stopped = new ArrayList<>();
    public final List<Path> askedAbout = new ArrayList<>();

    public FakeLockInspector(LockHolder... holders) {
        running.addAll(List.of(holders));
    }

    @Override
    public List<LockHolder> holders(List<Path> files) {
        askedAbout.addAll(files);
        return files.isEmpty() ? List.of() : List.copyOf(running);
    }

    @Override
    public boolean stop(LockHolder holder) {
        stopped.add(holder);
        return running.remove(holder);
    }
}
