package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.compile.BindPaths;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.WixVariableSymbol;
import dev.ssprkit.wix.source.SourceRoots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary and Icon rows whose source file is named by a bind-time variable ({@code SourceFile="!(wix.WixUIBannerBmp)"})
 * or a named bind path ({@code !(bindpath.NAME)file.dll}), File rows whose source names a WixVariable,
 * and controls whose text comes from a file ({@code <Text SourceFile="!(wix.WixUILicenseRtf)"/>}): once the variable
 * is resolved, the file is looked for like any payload (bind paths, working directory, the defining source's folder)
 * and must lie where the build may read. A control's text file is read as UTF-8, or as Windows-1252 when it is not
 * valid UTF-8 (RTF files are usually 7-bit text in that code page's terms). A Binary or Icon whose file the compiler
 * named directly but which does not exist is reported here, at its element, rather than when the package is written.
 */
final class StreamStep {
    private final BindContext ctx;
    private final VariableResolver variables;

    StreamStep(BindContext ctx, VariableResolver variables) {
        this.ctx = ctx;
        this.variables = variables;
    }

    private static final java.util.regex.Pattern WHOLE_VARIABLE = java.util.regex.Pattern.compile("!\\(wix\\.([^)\\s=]+)\\)");

    /** The largest control text file read (a license agreement is tens of kilobytes). */
    static final long MAX_TEXT_FILE = 8L << 20;

    void run() {
        for (String table : List.of("Binary", "Icon")) {
            for (Row r : ctx.rows(table)) {
                if (r.get("Data") instanceof Path direct && !Files.isRegularFile(direct)) {
                    ctx.report(CompilerMessage.MISSING_SOURCE_FILE, r.location(), direct.getFileName(), "looked for " + direct);
                    continue;
                }
                if (!(r.extra("DeferredSource") instanceof String written)) continue;
                Path found = find(r, written);
                if (found != null) r.set("Data", found);
            }
        }
        for (Row r : ctx.rows("File")) {
            // File/@Source="!(wix.DocumentationFolder)\x.conf": WiX resolves the variable before it looks for the file
            if (r.extra("Source") == null && r.extra("DeferredSource") instanceof String written) {
                Path found = find(r, written);
                if (found != null) r.extra("Source", found);
            }
        }
        for (String table : List.of("Control", "BBControl")) {
            for (Row r : ctx.rows(table)) {
                if (!(r.extra("TextSourceFile") instanceof String written)) continue;
                Path found = find(r, written);
                if (found != null) r.set("Text", readText(r, found));
            }
        }
    }

    /**
     * The file a deferred source names. When the whole value is one WixVariable ({@code !(wix.WixUILicenseRtf)}), a
     * relative path is looked for beside the source that set the variable first, and problems are reported at that
     * WixVariable (the project's line), not at the library element that uses it.
     */
    private Path find(Row r, String written) {
        String value = variables.resolve(written, r.location(), false);
        if (ctx.failed()) return null;
        SourceLocation at = r.location();
        Path folder = (Path) r.extra("SourceFolder");
        java.util.regex.Matcher m = WHOLE_VARIABLE.matcher(written.strip());
        if (m.matches() && ctx.linked.get("WixVariable", m.group(1)) instanceof WixVariableSymbol v && v.location() != null
                && v.location().file() != null) {
            at = v.location();
            Path definedIn = v.location().file().toAbsolutePath().getParent();
            if (definedIn != null) folder = definedIn;
        }
        java.util.regex.Matcher named = BindPaths.namedPrefix(value);
        if (named != null && ctx.options.bindPaths().named(named.group(1)) == null) {
            ctx.report(CompilerMessage.BAD_VALUE, at, "SourceFile", value, "no bind path of that name was given (-bindpath NAME=DIR)");
            return null;
        }
        Path found = locate(value, folder);
        if (found == null && folder != r.extra("SourceFolder")) found = locate(value, (Path) r.extra("SourceFolder"));
        if (found == null) {
            ctx.report(CompilerMessage.MISSING_SOURCE_FILE, at, value, "looked for " + String.join(", ", candidates(value, folder).stream().map(Path::toString).toList()));
            return null;
        }
        if (!ctx.options.roots().allows(found)) {
            ctx.report(CompilerMessage.SOURCE_OUTSIDE_ROOTS, at, "SourceFile", value,
                    "it resolves to " + SourceRoots.resolve(found) + "; the build may read under " + ctx.options.roots().describe());
            return null;
        }
        return found;
    }

    private String readText(Row r, Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_TEXT_FILE) {
                ctx.report(CompilerMessage.BAD_VALUE, r.location(), "Text SourceFile", file + " (" + size + " bytes)",
                        "a control's text file may be at most " + (MAX_TEXT_FILE >> 20) + " MB");
                return null;
            }
            byte[] bytes = dev.ssprkit.common.FileBytes.read(file);
            try {
                return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException notUtf8) {
                return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
            }
        } catch (java.io.IOException e) {
            ctx.report(CompilerMessage.MISSING_SOURCE_FILE, r.location(), file.toString(), "it could not be read: " + e.getMessage());
            return null;
        }
    }

    private Path locate(String written, Path sourceFolder) {
        for (Path p : candidates(written, sourceFolder)) if (Files.isRegularFile(p)) return p;
        return null;
    }

    /** Where a file may be: a {@code !(bindpath.NAME)} prefix names its folders, else the bind paths in order. */
    private List<Path> candidates(String written, Path sourceFolder) {
        java.util.regex.Matcher named = BindPaths.namedPrefix(written);
        List<Path> folders = named == null ? ctx.options.bindPaths().folders(sourceFolder) : ctx.options.bindPaths().named(named.group(1));
        if (folders == null) return List.of(); // reported by find
        Path p = Path.of(BindPaths.windowsPath(named == null ? written : named.group(2)));
        if (p.isAbsolute()) return List.of(p);
        List<Path> out = new ArrayList<>();
        for (Path folder : folders) out.add(folder.resolve(p).normalize());
        return out;
    }
}
