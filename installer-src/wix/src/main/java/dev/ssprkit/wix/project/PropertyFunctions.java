package dev.ssprkit.wix.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MSBuild property functions project files use for paths, as MSBuild's "Property functions" page describes them:
 * {@code [MSBuild]::NormalizeDirectory(parts...)} (the full path, with a trailing separator),
 * {@code [MSBuild]::NormalizePath(parts...)}, {@code [MSBuild]::EnsureTrailingSlash(path)},
 * {@code [MSBuild]::GetDirectoryNameOfFileAbove(start, file)}, {@code [MSBuild]::GetPathOfFileAbove(file, start)},
 * {@code [System.IO.Path]::Combine(parts...)} and {@code [System.IO.Path]::GetFullPath(path)}. Arguments may be
 * quoted and may hold property references. Relative paths resolve against the project's folder; results use '/'.
 */
final class PropertyFunctions {
    private PropertyFunctions() {}

    /** {@code call} is the text between {@code $(} and its closing parenthesis: {@code [Type]::Method(args)}. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    static String call(String call, MsBuildProperties properties) throws MsBuildProperties.Unsupported {
        int[] depth = DEPTH.get();
        if (++depth[0] > 16) {
            depth[0]--;
            throw new MsBuildProperties.Unsupported("property functions nested deeper than 16 levels");
        }
        try {
            return callAt(call, properties);
        } finally {
            depth[0]--;
        }
    }

    private static String callAt(String call, MsBuildProperties properties) throws MsBuildProperties.Unsupported {
        String c = call.strip();
        int type = c.indexOf("]::");
        int open = c.indexOf('(');
        if (type < 0 || open < type || !c.endsWith(")")) throw new MsBuildProperties.Unsupported("the property function $(" + call + ")");
        String name = (c.substring(1, type) + "::" + c.substring(type + 3, open).strip()).toLowerCase(Locale.ROOT);
        List<String> args = new ArrayList<>();
        for (String a : arguments(c.substring(open + 1, c.length() - 1))) args.add(properties.expand(unquote(a)));
        return switch (name) {
            case "msbuild::normalizedirectory" -> trailing(full(join(args), properties));
            case "msbuild::normalizepath", "system.io.path::getfullpath" -> full(join(args), properties);
            case "msbuild::ensuretrailingslash" -> args.size() == 1 ? trailing(args.get(0).replace('\\', '/')) : bad(call);
            case "system.io.path::combine" -> join(args);
            case "msbuild::getdirectorynameoffileabove" -> args.size() == 2 ? above(full(args.get(0), properties), args.get(1)) : bad(call);
            case "msbuild::getpathoffileabove" -> args.size() >= 1 ? pathAbove(args.size() > 1 ? full(args.get(1), properties)
                    : full(properties.get("MSBuildThisFileDirectory"), properties), args.get(0)) : bad(call);
            default -> bad(call);
        };
    }

    private static String bad(String call) throws MsBuildProperties.Unsupported {
        throw new MsBuildProperties.Unsupported("the property function $(" + call + ")");
    }

    private static String join(List<String> parts) {
        String out = "";
        for (String p : parts) {
            String s = p.replace('\\', '/');
            if (s.isEmpty()) continue;
            out = out.isEmpty() || s.startsWith("/") ? s : (out.endsWith("/") ? out : out + "/") + s;
        }
        return out;
    }

    private static String full(String path, MsBuildProperties properties) {
        Path p = Path.of(path.isEmpty() ? "." : path);
        String s = (p.isAbsolute() ? p : properties.directory().resolve(p)).normalize().toString();
        return path.endsWith("/") && !s.endsWith("/") ? s + "/" : s;
    }

    /** The folder, from {@code start} upwards, that holds {@code file}; empty when none does. */
    private static String above(String start, String file) {
        for (Path dir = Path.of(start); dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.exists(dir.resolve(file.replace('\\', '/')))) return dir.toString();
        }
        return "";
    }

    /** The full path of {@code file} in {@code start} or the nearest folder above it; empty when none has it. */
    private static String pathAbove(String start, String file) {
        String dir = above(start, file);
        return dir.isEmpty() ? "" : Path.of(dir).resolve(file.replace('\\', '/')).toString();
    }

    private static String trailing(String s) {
        return s.endsWith("/") ? s : s + "/";
    }

    private static String unquote(String a) {
        String s = a.strip();
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }

    /** Splits at the commas outside quotes and parentheses. */
    private static List<String> arguments(String text) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) return out;
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '\'') quoted = !quoted;
            else if (!quoted && ch == '(') depth++;
            else if (!quoted && ch == ')') depth--;
            else if (!quoted && depth == 0 && ch == ',') {
                out.add(text.substring(start, k));
                start = k + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
