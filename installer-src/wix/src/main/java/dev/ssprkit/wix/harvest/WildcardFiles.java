package dev.ssprkit.wix.harvest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a WiX v4 wildcard names ({@code Files/@Include}, {@code Exclude/@Files}, {@code sspr harvest}):
 * {@code dir\*.dll} (one folder) or {@code dir\**\*.dll} / {@code dir\**} (recursive); the folder part is relative to
 * a base folder. Each file comes with its folder relative to where the wildcard started (its "recursive dir"),
 * which becomes subdirectories in the package. Results are sorted by path, so harvesting is reproducible; symbolic
 * links are not followed out of the folder.
 */
public final class WildcardFiles {
    /** One matched file. {@code recursiveDir} uses '/' and is empty for the starting folder. */
    public record Match(Path path, String recursiveDir) {}

    private WildcardFiles() {}

    public static List<Match> find(String pattern, Path base) throws IOException {
        String p = pattern.replace('\\', '/');
        boolean recursive = p.contains("**");
        int slash = p.lastIndexOf('/');
        String filePart = slash < 0 ? p : p.substring(slash + 1);
        String dirPart = slash < 0 ? "" : p.substring(0, slash);
        if (dirPart.endsWith("/**")) dirPart = dirPart.substring(0, dirPart.length() - 3);
        else if (dirPart.equals("**")) dirPart = "";
        if (filePart.equals("**")) filePart = "*";
        Path dir = dirPart.isEmpty() ? base : base.resolve(dirPart).normalize();
        if (!Files.isDirectory(dir)) return List.of();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + filePart);
        List<Match> out = new ArrayList<>();
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                if (!matcher.matches(f.getFileName())) continue;
                Path rel = dir.relativize(f.getParent());
                out.add(new Match(f, rel.toString().replace('\\', '/')));
            }
        }
        return out;
    }

    /** Unused by design: walking follows no links (Files.walk's default). */
    static EnumSet<FileVisitOption> options() {
        return EnumSet.noneOf(FileVisitOption.class);
    }
}
