package dev.ssprkit.wix.project;

import java.nio.file.Path;
import java.util.List;

/**
 * The static property functions project files use, as MSBuild's "Property functions" page describes them. Paths:
 * {@code [MSBuild]::NormalizeDirectory(parts...)} (the full path, with a trailing separator),
 * {@code [MSBuild]::NormalizePath(parts...)}, {@code [MSBuild]::EnsureTrailingSlash(path)},
 * {@code [MSBuild]::GetDirectoryNameOfFileAbove(start, file)}, {@code [MSBuild]::GetPathOfFileAbove(file, start)},
 * {@code [System.IO.Path]::Combine(parts...)}, {@code GetFullPath}, {@code GetFileName}, {@code GetDirectoryName},
 * {@code GetFileNameWithoutExtension}, {@code GetExtension}; relative paths resolve against the project's folder and
 * results use '/'. Also {@code [MSBuild]::IsOSPlatform} (see {@link #isOsPlatform}), the arithmetic and version
 * comparisons of {@link MsBuildNumbers}, {@code [System.String]::Copy/Concat/IsNullOrEmpty/IsNullOrWhiteSpace}
 * and {@code [System.DateTime]::Now/UtcNow/Today} (the build's time, see {@link MsBuildProperties#now}).
 */
final class PropertyFunctions {
    private PropertyFunctions() {}

    /** {@code [type]::member(args)}; {@code args} is null for a static property ({@code [System.DateTime]::Now}). */
    static Object callStatic(String type, String member, List<String> args, PropertyExpression at) throws MsBuildProperties.Unsupported {
        String name = PropertyExpression.lower(type.strip()) + "::" + PropertyExpression.lower(member);
        MsBuildProperties properties = at.properties();
        List<String> a = args == null ? List.of() : args;
        int n = args == null ? -1 : args.size();
        return switch (name) {
            case "msbuild::normalizedirectory" -> trailing(full(join(a), properties));
            case "msbuild::normalizepath", "system.io.path::getfullpath" -> full(join(a), properties);
            case "msbuild::ensuretrailingslash" -> n == 1 ? trailing(a.get(0).replace('\\', '/')) : bad(type, member, at);
            case "system.io.path::combine" -> join(a);
            case "msbuild::getdirectorynameoffileabove" -> n == 2 ? above(full(a.get(0), properties), a.get(1)) : bad(type, member, at);
            case "msbuild::getpathoffileabove" -> n >= 1 ? pathAbove(n > 1 ? full(a.get(1), properties)
                    : full(properties.get("MSBuildThisFileDirectory"), properties), a.get(0)) : bad(type, member, at);
            case "system.io.path::getfilename" -> n == 1 ? fileName(a.get(0)) : bad(type, member, at);
            case "system.io.path::getdirectoryname" -> n == 1 ? directoryName(a.get(0)) : bad(type, member, at);
            case "system.io.path::getfilenamewithoutextension" -> n == 1 ? withoutExtension(fileName(a.get(0))) : bad(type, member, at);
            case "system.io.path::getextension" -> n == 1 ? extension(fileName(a.get(0))) : bad(type, member, at);
            case "msbuild::isosplatform" -> n == 1 ? isOsPlatform(a.get(0)) : bad(type, member, at);
            case "msbuild::isosunixlike", "msbuild::isosbsdlike" -> n == 0 ? Boolean.FALSE : bad(type, member, at);
            case "system.string::copy" -> n == 1 ? a.get(0) : bad(type, member, at);
            case "system.string::concat" -> n >= 1 ? String.join("", a) : bad(type, member, at);
            case "system.string::isnullorempty" -> n == 1 ? a.get(0).isEmpty() : bad(type, member, at);
            case "system.string::isnullorwhitespace" -> n == 1 ? a.get(0).isBlank() : bad(type, member, at);
            case "system.string::empty" -> n == -1 ? "" : bad(type, member, at);
            case "system.datetime::now" -> n == -1 ? properties.now(false) : bad(type, member, at);
            case "system.datetime::utcnow" -> n == -1 ? properties.now(true) : bad(type, member, at);
            case "system.datetime::today" -> n == -1 ? properties.now(false).toLocalDate().atStartOfDay() : bad(type, member, at);
            default -> n >= 0 && PropertyExpression.lower(type.strip()).equals("msbuild") ? MsBuildNumbers.call(member, a, at) : bad(type, member, at);
        };
    }

    /**
     * {@code [MSBuild]::IsOSPlatform(name)}: true for Windows, false for Linux, OSX, FreeBSD and any other name. MSBuild
     * answers for the machine it runs on, but a .wixproj is only ever built by MSBuild on Windows (WiX's targets run
     * there), so the branch a project takes there is the one that makes its package; answering for Linux would pick
     * settings its authors never built with.
     */
    static boolean isOsPlatform(String name) {
        return name.strip().equalsIgnoreCase("windows");
    }

    private static Object bad(String type, String member, PropertyExpression at) throws MsBuildProperties.Unsupported {
        throw at.unsupported("[" + type.strip() + "]::" + member);
    }

    /** The last segment of a path, after its last '/' or '\\' (System.IO.Path.GetFileName on Windows). */
    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /**
     * The path without its last segment, with '/': "C:/a/b.txt" gives "C:/a", "C:/a" gives "C:/", a root or a bare
     * name gives "" (where System.IO.Path.GetDirectoryName gives null or "", both written as "").
     */
    private static String directoryName(String path) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        if (slash < 0) return "";
        String dir = p.substring(0, slash);
        if (dir.isEmpty()) return p.length() == 1 ? "" : "/";
        if (dir.matches("[A-Za-z]:")) return p.length() == slash + 1 ? "" : dir + "/";
        return dir;
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot);
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
}
