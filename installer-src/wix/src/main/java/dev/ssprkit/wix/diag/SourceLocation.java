package dev.ssprkit.wix.diag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A place in a source file: 1-based line and column, and for text that came from an included file, the location of
 * the {@code <?include?>} that brought it in ({@link #parent()}), which may itself have a parent.
 *
 * <p>A line or column of 0 means unknown (a whole-file problem such as "cannot read").
 */
public record SourceLocation(Path file, int line, int column, SourceLocation parent) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative line or column: " + line + ":" + column);
        }
    }

    public static SourceLocation of(Path file, int line, int column) {
        return new SourceLocation(file, line, column, null);
    }

    /** A location for the file as a whole. */
    public static SourceLocation ofFile(Path file) {
        return new SourceLocation(file, 0, 0, null);
    }

    /** The include sites, innermost first: the {@code <?include?>} of this file, then the one that included that. */
    public List<SourceLocation> includeChain() {
        List<SourceLocation> chain = new ArrayList<>();
        for (SourceLocation p = parent; p != null; p = p.parent) {
            chain.add(p);
        }
        return List.copyOf(chain);
    }

    /** {@code file:line:column}, leaving out what is unknown. */
    @Override
    public String toString() {
        if (line == 0) {
            return file.toString();
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
