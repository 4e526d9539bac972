package dev.ssprkit.wix.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The folders a build may read from: the folders of its sources, its include directories and any folder allowed
 * explicitly. A path is inside when its real path (with {@code ..} and symbolic links resolved, as the file system
 * would when opening it) lies under one of the roots' real paths, so neither {@code ../../etc/passwd}, an absolute
 * path, nor a link planted under a root that points elsewhere gets out.
 *
 * <p>{@link #unconfined()} allows everything; it is what the preprocessor and compiler use when called directly
 * without roots, as before confinement existed. {@code WixBuild} always confines.
 */
public final class SourceRoots {
    private static final SourceRoots UNCONFINED = new SourceRoots(List.of(), false);

    private final List<Path> roots;
    private final boolean confined;
    /**
     * Real paths of the folders {@link #allows} has resolved: a package's files share few folders, and resolving
     * every file's whole path (one {@code realpath} per file, each walking every ancestor) was the largest single
     * cost of a 20,000-file build after parsing.
     */
    private final Map<Path, Path> realFolders = new ConcurrentHashMap<>();

    private SourceRoots(List<Path> roots, boolean confined) {
        this.roots = roots;
        this.confined = confined;
    }

    public static SourceRoots unconfined() {
        return UNCONFINED;
    }

    /** Confined to these folders (and everything below them); missing folders are kept by their absolute path. */
    public static SourceRoots of(Collection<Path> folders) {
        Set<Path> real = new LinkedHashSet<>();
        for (Path f : folders) {
            if (f != null) real.add(resolve(f));
        }
        return new SourceRoots(List.copyOf(real), true);
    }

    public boolean isConfined() {
        return confined;
    }

    /** The roots' real paths, in the order given. */
    public List<Path> roots() {
        return roots;
    }

    /** True when the build may read {@code path}: always when unconfined. */
    public boolean allows(Path path) {
        if (!confined) return true;
        Path real = resolveInFolder(path);
        for (Path root : roots) {
            if (real.startsWith(root)) return true;
        }
        return false;
    }

    /**
     * The real path of {@code path} for the roots check, through the cache of real folders: a file that exists and is
     * not a symbolic link is where its folder's real path says (its own name cannot lead elsewhere); anything else (a
     * link, a missing file, {@code .} or {@code ..} as the last name) is resolved whole by {@link #resolve}.
     */
    private Path resolveInFolder(Path path) {
        Path abs;
        try {
            abs = path.toAbsolutePath();
        } catch (InvalidPathException | java.io.IOError e) {
            return resolve(path);
        }
        Path name = abs.getFileName();
        Path folder = abs.getParent();
        if (name == null || folder == null || name.toString().equals(".") || name.toString().equals("..")) {
            return resolve(path);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return resolve(path);
        }
        if (attributes.isSymbolicLink()) return resolve(path);
        return realFolders.computeIfAbsent(folder, SourceRoots::resolve).resolve(name);
    }

    /** The roots for a message: {@code a, b, c}. */
    public String describe() {
        return roots.isEmpty() ? "(none)" : roots.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /**
     * Where the path really leads: its real path when it exists; else the real path of its deepest existing
     * ancestor with the rest appended (normalized), so a missing file under a linked folder is judged by the link's
     * target.
     */
    public static Path resolve(Path path) {
        Path abs;
        try {
            abs = path.toAbsolutePath();
        } catch (InvalidPathException | java.io.IOError e) {
            return path.normalize();
        }
        try {
            return abs.toRealPath();
        } catch (IOException | SecurityException e) {
            // missing (or unreadable): resolve the part that exists
        }
        Path normalized = abs.normalize();
        List<Path> rest = new ArrayList<>();
        Path p = normalized;
        while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            if (p.getFileName() != null) rest.add(0, p.getFileName());
            p = p.getParent();
        }
        if (p == null) return normalized;
        Path base;
        try {
            base = p.toRealPath();
        } catch (IOException | SecurityException e) {
            return normalized;
        }
        for (Path part : rest) base = base.resolve(part);
        return base.normalize();
    }
}
