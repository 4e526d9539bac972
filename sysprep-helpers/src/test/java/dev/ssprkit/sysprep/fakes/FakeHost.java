package dev.ssprkit.sysprep.fakes;

import dev.ssprkit.sysprep.cli.Host;
import dev.ssprkit.sysprep.locks.LockInspector;
import dev.ssprkit.sysprep.profile.ProfileLocator;
import dev.ssprkit.sysprep.run.SysprepRunner;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A machine for CLI tests: Windows or not, in-memory profiles, a recording sysprep runner, scripted console input. */
public final class FakeHost implements Host {
    public boolean windows;
    public ProfileLocator profiles;
    public FakeLockInspector locks = new FakeLockInspector();
    public final List<List<String>> sysprepRuns = new ArrayList<>();
    public int sysprepExitCode;
    public String consoleInput = "";

    public FakeHost(boolean windows, ProfileLocator profiles) {
        this.windows = windows;
        this.profiles = profiles;
    }

    @Override public boolean isWindows() { return windows; }
    @Override public ProfileLocator liveProfiles() { return profiles; }
    @Override public LockInspector lockInspector() { return locks; }

    @Override
    public SysprepRunner sysprepRunner() {
        return command -> {
            sysprepRuns.add(command);
            return sysprepExitCode;
        };
    }

    @Override public Path windowsDirectory() { return Path.of("C:\\Windows"); }
    @Override public BufferedReader console() { return new BufferedReader(new StringReader(consoleInput)); }
}
