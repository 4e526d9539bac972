package dev.ssprkit.wix;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project a build belongs to, for the default read confinement. Real projects keep payload beside the sources
 * ({@code ..\amd64\app.exe}, {@code ..\..\build\bin\x.exe}), so the whole project stays readable: the nearest
 * enclosing version-control checkout ({@code .git}, {@code .hg}, {@code .svn}); without one (a source archive), the
 * folder {@value #LEVELS} levels above, but never the file-system root, a top-level folder such as {@code /tmp}, or
 * the user's home folder itself. {@code --confine} narrows reading to the sources' own folders.
 */
final class ProjectRoot {
    static final int LEVELS = 3;

    private ProjectRoot() {}

    static Path of(Path folder) {
        Path start = folder.toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git")) || Files.isDirectory(p.resolve(".hg")) || Files.isDirectory(p.resolve(".svn"))) {
                return boundary(p) ? start : p;
            }
        }
        Path root = start;
        for (int i = 0; i < LEVELS; i++) {
            Path parent = root.getParent();
            if (parent == null || boundary(parent)) break;
            root = parent;
        }
        return root;
    }

    /** Folders a project never extends to: the root, top-level folders, the home folder and its parent. */
    private static boolean boundary(Path p) {
        if (p.getNameCount() <= 1) return true;
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
        return p.equals(home) || home.startsWith(p);
    }
}
