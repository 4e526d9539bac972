package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.compile.BindPaths;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceRoots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary and Icon rows whose source file is named by a bind-time variable ({@code SourceFile="!(wix.WixUIBannerBmp)"}):
 * once the variable is resolved, the file is looked for like any payload (bind paths, working directory, the
 * defining source's folder) and must lie where the build may read. A Binary or Icon whose file the compiler named
 * directly but which does not exist is reported here, at its element (light's "cannot find the file"), rather than
 * when the package is written.
 */
final class StreamStep {
    private final BindContext ctx;
    private final VariableResolver variables;

    StreamStep(BindContext ctx, VariableResolver variables) {
        this.ctx = ctx;
        this.variables = variables;
    }

    void run() {
        for (String table : List.of("Binary", "Icon")) {
            for (Row r : ctx.rows(table)) {
                if (r.get("Data") instanceof Path direct && !Files.isRegularFile(direct)) {
                    ctx.report(CompilerMessage.MISSING_SOURCE_FILE, r.location(), direct.getFileName(), direct);
                    continue;
                }
                if (!(r.extra("DeferredSource") instanceof String written)) continue;
                String value = variables.resolve(written, r.location(), false);
                if (ctx.failed()) continue;
                Path found = locate(value, (Path) r.extra("SourceFolder"));
                if (found == null) {
                    ctx.report(CompilerMessage.MISSING_SOURCE_FILE, r.location(), value, "looked in " + candidates(value, (Path) r.extra("SourceFolder")));
                } else if (!ctx.options.roots().allows(found)) {
                    ctx.report(CompilerMessage.SOURCE_OUTSIDE_ROOTS, r.location(), "SourceFile", value,
                            "it resolves to " + SourceRoots.resolve(found) + "; the build may read under " + ctx.options.roots().describe());
                } else {
                    r.set("Data", found);
                }
            }
        }
    }

    private Path locate(String written, Path sourceFolder) {
        for (Path p : candidates(written, sourceFolder)) if (Files.isRegularFile(p)) return p;
        return null;
    }

    private List<Path> candidates(String written, Path sourceFolder) {
        Path p = Path.of(BindPaths.windowsPath(written));
        if (p.isAbsolute()) return List.of(p);
        List<Path> out = new ArrayList<>();
        for (Path folder : ctx.options.bindPaths().folders(sourceFolder)) out.add(folder.resolve(p).normalize());
        return out;
    }
}
