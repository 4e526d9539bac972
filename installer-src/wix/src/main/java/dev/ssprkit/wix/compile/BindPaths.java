package dev.ssprkit.wix.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where payload named by a relative path is looked for, as WiX's binder does: {@code -bindpath DIR} (unnamed, tried
 * in order) and {@code -bindpath NAME=DIR} (for {@code !(bindpath.NAME)} prefixes), then the working directory; as a
 * last resort this compiler also tries the folder of the source that names the file.
 */
public record BindPaths(List<Path> unnamed, Map<String, List<Path>> named, Path workingDirectory) {
    public BindPaths {
        unnamed = List.copyOf(unnamed);
        Map<String, List<Path>> copy = new LinkedHashMap<>();
        named.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        named = copy;
        workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory.toAbsolutePath();
    }

    public static BindPaths none() {
        return new BindPaths(List.of(), Map.of(), null);
    }

    /** Parses {@code -b}/{@code -bindpath} values: {@code DIR} or {@code NAME=DIR} (relative to the working directory). */
    public static BindPaths parse(List<String> values, Path workingDirectory) {
        Path wd = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory.toAbsolutePath();
        List<Path> unnamed = new ArrayList<>();
        Map<String, List<Path>> named = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            // a drive letter (C:\...) is not a name; names are identifiers of two or more characters
            if (eq > 1 && v.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                named.computeIfAbsent(v.substring(0, eq), k -> new ArrayList<>()).add(wd.resolve(windowsPath(v.substring(eq + 1))).normalize());
            } else {
                unnamed.add(wd.resolve(windowsPath(v)).normalize());
            }
        }
        return new BindPaths(unnamed, named, wd);
    }

    /**
     * A path as sources write it (backslashes, maybe a trailing separator) in this file system's form, trimmed the way
     * Windows normalizes a path before opening it ("File path formats on Windows systems", .NET docs, "Trim
     * characters"): a segment ending in a single period loses it, and the last segment, when the path does not end in a
     * separator, loses all trailing periods and spaces. WiX runs on Windows, so {@code Source="..\sys\public.h "} (dokany)
     * opens {@code public.h} there; segments made only of periods are relative steps and stay as they are.
     */
    public static String windowsPath(String written) {
        String s = written.replace('\\', '/');
        // nearly every path: no segment ends in a period or a space, no trailing separator, so nothing to trim (a
        // middle segment ending in a period shows as "./"; only the last segment's trailing spaces count)
        if (!s.isEmpty() && s.indexOf("./") < 0) {
            char last = s.charAt(s.length() - 1);
            if (last != '/' && last != '.' && last != ' ') return s;
        }
        return trimmed(s);
    }

    /** {@link #windowsPath}'s trimming of a path already in forward slashes, segment by segment. */
    static String trimmed(String s) {
        boolean endsInSeparator = s.length() > 1 && s.endsWith("/");
        while (s.length() > 1 && s.endsWith("/")) s = s.substring(0, s.length() - 1);
        String[] segments = s.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.isEmpty() || seg.chars().allMatch(c -> c == '.')) continue;
            if (i == segments.length - 1 && !endsInSeparator) {
                int end = seg.length();
                while (end > 0 && (seg.charAt(end - 1) == '.' || seg.charAt(end - 1) == ' ')) end--;
                segments[i] = seg.substring(0, end);
            } else if (seg.endsWith(".") && !seg.endsWith("..")) {
                segments[i] = seg.substring(0, seg.length() - 1);
            }
        }
        return String.join("/", segments);
    }

    private static final java.util.regex.Pattern NAMED_PREFIX =
            java.util.regex.Pattern.compile("^!\\(bindpath\\.([A-Za-z_][A-Za-z0-9_.]*)\\)[\\\\/]?(.*)$");

    /** A path written as {@code !(bindpath.NAME)rest}: group 1 is NAME, group 2 the rest; null for any other path. */
    public static java.util.regex.Matcher namedPrefix(String written) {
        java.util.regex.Matcher m = NAMED_PREFIX.matcher(written);
        return m.matches() ? m : null;
    }

    /** The folders of a named bind path; names compare case-insensitively, as WiX's do. Null when none has it. */
    public List<Path> named(String name) {
        for (Map.Entry<String, List<Path>> e : named.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        return null;
    }

    /** Every folder a relative path may be found in, in the order they are tried. */
    public List<Path> folders(Path sourceDirectory) {
        List<Path> out = new ArrayList<>(unnamed);
        out.add(workingDirectory);
        if (sourceDirectory != null && !out.contains(sourceDirectory)) out.add(sourceDirectory);
        return out;
    }

    /** Every folder, named ones included: the folders a build may read from. */
    public List<Path> all() {
        List<Path> out = new ArrayList<>(unnamed);
        named.values().forEach(out::addAll);
        out.add(workingDirectory);
        return out;
    }
}
