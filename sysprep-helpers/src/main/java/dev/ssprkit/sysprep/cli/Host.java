package dev.ssprkit.sysprep.cli;

import dev.ssprkit.sysprep.locks.LockInspector;
import dev.ssprkit.sysprep.locks.RestartManagerLockInspector;
import dev.ssprkit.sysprep.profile.ProfileLocator;
import dev.ssprkit.sysprep.profile.WindowsProfileLocator;
import dev.ssprkit.sysprep.run.CommonsExecSysprepRunner;
import dev.ssprkit.sysprep.run.SysprepRunner;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the commands need from the machine they run on. {@link #system()} is the real one; tests pass a fake with
 * in-memory profiles, lock holders, a recording sysprep runner and scripted console input.
 */
public interface Host {
    boolean isWindows();

    /** The running Windows' profiles; only asked for when {@link #isWindows()}. */
    ProfileLocator liveProfiles();

    LockInspector lockInspector();

    SysprepRunner sysprepRunner();

    /** {@code %WINDIR%}. */
    Path windowsDirectory();

    /** Where confirmation answers are read from. */
    BufferedReader console();

    static Host system() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new Host() {
            @Override public boolean isWindows() { return windows; }
            @Override public ProfileLocator liveProfiles() { return new WindowsProfileLocator(); }
            @Override public LockInspector lockInspector() { return windows ? new RestartManagerLockInspector() : LockInspector.none(); }
            @Override public SysprepRunner sysprepRunner() { return new CommonsExecSysprepRunner(); }

            @Override
            public Path windowsDirectory() {
                String dir = System.getenv("WINDIR");
                if (dir == null) dir = System.getenv("SystemRoot");
                return Path.of(dir != null ? dir : "C:\\Windows");
            }

            @Override
            public BufferedReader console() {
                return new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
            }
        };
    }
}
