package dev.ssprkit.sysprep.cache;

import java.io.IOException;
import java.util.List;

/**
 * The web cache cleaner: for each verified profile, deletes every present {@link CacheTargets cache target} with a
 * {@link TreeDeleter}, and reports removed, skipped and failed entries. One failure does not stop the rest.
 *
 * <pre>{@code
 * CleanReport r = new CacheCleaner().clean(List.of(ProfileRoot.verify(path)), dryRun);
 * }</pre>
 */
public final class CacheCleaner {
    private final TargetResolver resolver;
    private final TreeDeleter.Remover remover;

    public CacheCleaner() {
        this(CacheTargets.ALL);
    }

    public CacheCleaner(List<CacheTarget> targets) {
        this(targets, java.nio.file.Files::delete);
    }

    /** With a remover that fails on purpose, for tests of the keep-going and reporting rules. */
    CacheCleaner(List<CacheTarget> targets, TreeDeleter.Remover remover) {
        this.resolver = new TargetResolver(targets);
        this.remover = remover;
    }

    /** The targets as they are found in {@code profile}, without deleting anything. */
    public List<ResolvedTarget> targets(ProfileRoot profile) {
        return resolver.resolve(profile);
    }

    public CleanReport clean(List<ProfileRoot> profiles, boolean dryRun) {
        CleanReport.Builder report = new CleanReport.Builder(dryRun);
        for (ProfileRoot profile : profiles) {
            report.profile(profile.path().toString());
            for (ResolvedTarget t : resolver.resolve(profile)) {
                switch (t.state()) {
                    case ABSENT -> { }
                    case SKIPPED -> report.skipped(t.path().toString(), "target", t.reason());
                    case PRESENT -> deleteTarget(t, dryRun, report);
                }
            }
        }
        return report.build();
    }

    private void deleteTarget(ResolvedTarget t, boolean dryRun, CleanReport.Builder report) {
        try {
            new TreeDeleter(t.path(), dryRun, report, remover).deleteRoot();
        } catch (IOException e) {
            report.failed(t.path().toString(), "target", "cannot resolve its folder: " + e);
        }
    }
}
