package dev.ssprkit.sysprep.cache;

import java.util.List;

/**
 * THE list of what the web cache cleaner deletes. The Java cleaner, the generated {@code clean-webcache.cmd} and
 * {@code clean-webcache.ps1} ({@link ScriptGenerator}) all read it, and a test fails when the checked-in scripts differ
 * from what the generator makes of it, so the three cannot drift apart.
 *
 * <p>Source: support article 4056823 (CopyProfile copies the built-in Administrator's web cache container into every
 * new profile).
 */
public final class CacheTargets {
    private CacheTargets() {}

    /** The folder, relative to a profile root, that holds every target: {@code AppData\Local\Microsoft\Windows}. */
    public static final List<String> PARENT = List.of("AppData", "Local", "Microsoft", "Windows");

    /** A profile root must contain this folder (as a real directory, not a link) to be accepted. */
    public static final List<String> PROFILE_MARKER = List.of("AppData", "Local");

    public static final List<CacheTarget> ALL = List.of(
            new CacheTarget("WebCache", CacheTarget.Kind.DIRECTORY,
                    "ESE database WebCacheV01.dat, held open by taskhostw.exe / dllhost.exe"),
            new CacheTarget("WebCacheLock.dat", CacheTarget.Kind.FILE, "lock file of the WebCache database"),
            new CacheTarget("INetCache", CacheTarget.Kind.DIRECTORY, "cached web content"),
            new CacheTarget("INetCookies", CacheTarget.Kind.DIRECTORY, "cookies"),
            new CacheTarget("Temporary Internet Files", CacheTarget.Kind.DIRECTORY, "Windows 7 cache folder"));

    /** The Windows form of {@link #PARENT}, e.g. for scripts: {@code AppData\Local\Microsoft\Windows}. */
    public static String parentWindowsPath() {
        return String.join("\\", PARENT);
    }
}
