package dev.ssprkit.wix;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project a build belongs to, for the default read confinement: the nearest enclosing folder of a version-control
 * checkout ({@code .git}, {@code .hg}, {@code .svn}), else the folder itself. Payload beside the sources
 * ({@code ..\amd64\app.exe}) is normal in real projects and stays readable; {@code --confine} narrows it.
 */
final class ProjectRoot {
    private ProjectRoot() {}

    static Path of(Path folder) {
        Path start = folder.toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git")) || Files.isDirectory(p.resolve(".hg")) || Files.isDirectory(p.resolve(".svn"))) return p;
        }
        return start;
    }
}
