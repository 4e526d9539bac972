package dev.ssprkit.sysprep.run;

import dev.ssprkit.sysprep.cache.CacheCleaner;
import dev.ssprkit.sysprep.cache.CleanReport;
import dev.ssprkit.sysprep.cache.ProfileRoot;
import dev.ssprkit.sysprep.cache.ResolvedTarget;
import dev.ssprkit.sysprep.locks.LockHolder;
import dev.ssprkit.sysprep.locks.LockInspector;
import dev.ssprkit.sysprep.profile.ProfileLocator;
import dev.ssprkit.sysprep.profile.UserProfile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cleaning step of image preparation: locate the built-in Administrator's profile (and optionally Default), verify
 * them, report processes holding the WebCache files (stopping them only when asked), then clean.
 */
public final class CacheCleaning {
    private CacheCleaning() {}

    /**
     * @param includeDefault also clean the Default profile
     * @param stopHolders    end the processes that hold WebCache files before deleting (live Windows only)
     */
    public record Options(boolean includeDefault, boolean dryRun, boolean stopHolders) {}

    public static CleanReport clean(ProfileLocator locator, LockInspector locks, Options options, PrintWriter log) {
        List<ProfileRoot> roots = new ArrayList<>();
        UserProfile admin = locator.builtInAdministrator();
        log.println("built-in Administrator: " + admin.account() + " ("
                + (admin.sid() != null ? admin.sid() : "SID not known offline") + "), profile " + admin.path());
        roots.add(ProfileRoot.verify(admin.path()));
        if (options.includeDefault()) {
            UserProfile def = locator.defaultProfile();
            log.println("Default profile: " + def.path());
            roots.add(ProfileRoot.verify(def.path()));
        }
        CacheCleaner cleaner = new CacheCleaner();
        List<Path> lockable = new ArrayList<>();
        for (ProfileRoot root : roots) lockable.addAll(lockableFiles(cleaner.targets(root)));
        List<LockHolder> holders = locks.holders(lockable);
        for (LockHolder h : holders) {
            log.println("in use: the web cache is held open by " + h.name() + " (pid " + h.pid() + ")");
        }
        if (!holders.isEmpty()) {
            if (options.stopHolders() && !options.dryRun()) {
                for (LockHolder h : holders) {
                    log.println((locks.stop(h) ? "stopped " : "could not stop ") + h.name() + " (pid " + h.pid() + ")");
                }
            } else {
                log.println("files held open cannot be deleted; --stop-processes ends those processes first");
            }
        }
        return cleaner.clean(roots, options.dryRun());
    }

    /** WebCacheLock.dat and the files directly inside WebCache: what taskhostw.exe / dllhost.exe keep open. */
    private static List<Path> lockableFiles(List<ResolvedTarget> targets) {
        List<Path> files = new ArrayList<>();
        for (ResolvedTarget t : targets) {
            if (t.state() != ResolvedTarget.State.PRESENT) continue;
            String name = t.target().name();
            if (name.equalsIgnoreCase("WebCacheLock.dat")) files.add(t.path());
            if (name.equalsIgnoreCase("WebCache")) {
                try (Stream<Path> s = Files.list(t.path())) {
                    s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
                } catch (IOException e) {
                    // the cleaner reports what it cannot read
                }
            }
        }
        return files;
    }
}
