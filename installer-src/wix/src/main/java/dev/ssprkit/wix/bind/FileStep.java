package dev.ssprkit.wix.bind;

import dev.ssprkit.builder.ShortNames;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the File table needs from each payload file: its size, and for executables the version and language of
 * their version resource (files are examined in parallel: the work is I/O). A companion file takes its companion's
 * File key as Version; DefaultVersion/DefaultLanguage/DefaultSize apply to files without their own. FileName gets
 * its short name per directory.
 */
final class FileStep {
    /** Extensions whose PE version resource Windows Installer compares when it decides to overwrite. */
    private static final Set<String> VERSIONED = Set.of("dll", "exe", "sys", "ocx", "drv", "cpl", "scr", "efi", "mui", "ax", "acm", "tlb", "com");

    private final BindContext ctx;

    FileStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        List<Row> rows = ctx.rows("File");
        List<BindContext.FileFacts> facts = new ArrayList<>(rows.size());
        Map<Path, Path> folders = new HashMap<>();
        for (Row r : rows) {
            Path source = (Path) r.extra("Source");
            BindContext.FileFacts f = new BindContext.FileFacts(r, source, folders);
            facts.add(f);
            ctx.files.put(r.str("File"), f);
            r.extra("Source", null); // the facts hold it from here, more compactly
        }
        String[] problems = new String[facts.size()];
        dev.ssprkit.wix.source.PayloadPrefetch prefetch = ctx.options.prefetch();
        java.util.stream.IntStream.range(0, facts.size()).parallel().forEach(i -> problems[i] = examine(facts.get(i), prefetch));
        Map<String, String> directoryOf = new HashMap<>();
        for (Row c : ctx.rows("Component")) directoryOf.put(c.str("Component"), c.str("Directory_"));
        Map<String, ShortNames> shortNames = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            BindContext.FileFacts f = facts.get(i);
            Row r = f.row;
            if (problems[i] != null) {
                ctx.report(CompilerMessage.MISSING_SOURCE_FILE, r.location(), f.sourceName(), problems[i]);
                continue;
            }
            if (f.size > Integer.MAX_VALUE) {
                ctx.report(CompilerMessage.FILE_TOO_LARGE, r.location(), f.source(), f.size);
                continue;
            }
            String companion = (String) r.extra("CompanionFile");
            if (companion != null) {
                f.version = companion;
                f.language = null;
            }
            if (f.version == null && r.extra("DefaultVersion") != null) f.version = (String) r.extra("DefaultVersion");
            if (f.language == null && r.extra("DefaultLanguage") != null) f.language = (String) r.extra("DefaultLanguage");
            Integer defaultSize = (Integer) r.extra("DefaultSize");
            r.set("FileSize", (int) f.size).set("Version", f.version).set("Language", f.language);
            if (defaultSize != null && f.size == 0) r.set("FileSize", defaultSize);
            String dir = directoryOf.get(r.str("Component_"));
            String name = (String) r.extra("Name");
            String shortName = (String) r.extra("ShortName");
            r.set("FileName", shortName != null ? (shortName.equalsIgnoreCase(name) ? name : shortName + "|" + name)
                    : shortNames.computeIfAbsent(String.valueOf(dir), d -> new ShortNames()).column(name));
        }
    }

    /** Size and version of one file (as read ahead, else from the file system); a message when it cannot be read. */
    private static String examine(BindContext.FileFacts f, dev.ssprkit.wix.source.PayloadPrefetch prefetch) {
        Path source = f.source();
        var read = prefetch.facts(source);
        if (read.isPresent()) {
            f.content = read.get().bytes();
            f.size = read.get().size();
        } else {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(source, BasicFileAttributes.class);
            } catch (IOException e) {
                return "looked for " + source;
            }
            if (!attributes.isRegularFile()) return source + " is not a regular file";
            f.size = attributes.size();
        }
        String lower = f.sourceName().toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot >= 0 && VERSIONED.contains(lower.substring(dot + 1))) {
            PeVersionReader.read(source).ifPresent(v -> {
                f.version = v.version();
                f.language = v.language();
            });
        }
        return null;
    }
}
