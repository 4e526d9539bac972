package dev.ssprkit.sysprep.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@link CacheTargets} in a verified profile, matching names case-insensitively (an offline image copied to
 * a Linux folder keeps whatever case Windows wrote). Every folder between the profile root and a target must be a real
 * directory; a link anywhere on that chain makes the targets below it skipped, never followed.
 */
public final class TargetResolver {
    private final List<CacheTarget> targets;

    public TargetResolver(List<CacheTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    public List<ResolvedTarget> resolve(ProfileRoot profile) {
        Path parent = profile.path();
        String problem = null;
        for (int i = 0; i < CacheTargets.PARENT.size(); i++) {
            String segment = CacheTargets.PARENT.get(i);
            Optional<Path> next;
            try {
                next = Entries.childNamed(parent, segment);
            } catch (IOException e) {
                problem = "cannot list " + parent + ": " + e.getMessage();
                break;
            }
            if (next.isEmpty()) {
                Path missing = parent;
                for (String rest : CacheTargets.PARENT.subList(i, CacheTargets.PARENT.size())) missing = missing.resolve(rest);
                return all(missing, ResolvedTarget.State.ABSENT, null);
            }
            BasicFileAttributes a = Entries.attributes(next.get()).orElse(null);
            parent = next.get();
            if (a == null || !Entries.isRealDirectory(a)) {
                problem = parent + " is a link, junction or not a folder; not followed";
                break;
            }
        }
        if (problem != null) {
            return all(parent, ResolvedTarget.State.SKIPPED, problem);
        }
        List<ResolvedTarget> out = new ArrayList<>();
        for (CacheTarget t : targets) {
            List<Path> matches;
            try {
                matches = Entries.childrenNamed(parent, t.name());
            } catch (IOException e) {
                out.add(new ResolvedTarget(t, parent.resolve(t.name()), ResolvedTarget.State.SKIPPED, "cannot list: " + e.getMessage()));
                continue;
            }
            if (matches.isEmpty()) {
                out.add(new ResolvedTarget(t, parent.resolve(t.name()), ResolvedTarget.State.ABSENT, null));
            }
            for (Path m : matches) {
                out.add(classify(t, m));
            }
        }
        return out;
    }

    private static ResolvedTarget classify(CacheTarget t, Path p) {
        BasicFileAttributes a = Entries.attributes(p).orElse(null);
        if (a == null) return new ResolvedTarget(t, p, ResolvedTarget.State.ABSENT, null);
        if (Entries.isLinkLike(a)) {
            // A cache root that is itself a link may be a compatibility junction Windows made on purpose: leave it.
            return new ResolvedTarget(t, p, ResolvedTarget.State.SKIPPED,
                    "is a symbolic link, junction or reparse point; left in place and not followed");
        }
        if (t.kind() == CacheTarget.Kind.DIRECTORY && !a.isDirectory()) {
            return new ResolvedTarget(t, p, ResolvedTarget.State.SKIPPED, "expected a folder, found a file; left in place");
        }
        if (t.kind() == CacheTarget.Kind.FILE && a.isDirectory()) {
            return new ResolvedTarget(t, p, ResolvedTarget.State.SKIPPED, "expected a file, found a folder; left in place");
        }
        return new ResolvedTarget(t, p, ResolvedTarget.State.PRESENT, null);
    }

    private List<ResolvedTarget> all(Path parent, ResolvedTarget.State state, String reason) {
        List<ResolvedTarget> out = new ArrayList<>();
        for (CacheTarget t : targets) out.add(new ResolvedTarget(t, parent.resolve(t.name()), state, reason));
        return out;
    }
}
