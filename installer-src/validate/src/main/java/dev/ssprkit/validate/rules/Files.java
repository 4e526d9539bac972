package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Formats;
import dev.ssprkit.validate.Rule;
import dev.ssprkit.validate.Severity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Files and media.
 * <ul>
 * <li>ICE04: no File.Sequence is above the largest Media.LastSequence (the file would be on no disk).</li>
 * <li>ICE30: two components do not install files with the same name into the same resolved directory (they would
 *     overwrite each other and the first uninstall would remove both). When both components have a condition the SDK's
 *     ICE30 only warns ("might be installed ... by two different conditionalized components"): conditions such as
 *     {@code OSARCH = "AMD64"} and {@code OSARCH = "x86"} are often mutually exclusive, which no static check can tell.</li>
 * <li>ICE60: a versioned file has a language (warning); the SDK exempts fonts, which we do not detect.</li>
 * <li>ICE58: at most 80 Media rows (warning).</li>
 * <li>ICE71: the first Media row has DiskId 1.</li>
 * </ul>
 * ICE30 compares long names against the target path spelled by the Directory table, a standard folder or a directory
 * a custom action sets starting a path of its own (the SDK: ICE30 does not evaluate properties); the SDK also compares
 * short names.
 */
public final class Files implements Rule {
    private static boolean conditioned(Row component) {
        String c = Context.text(component, "Condition");
        return c != null && !c.isBlank();
    }

    @Override
    public List<String> ices() {
        return List.of("ICE04", "ICE30", "ICE58", "ICE60", "ICE71");
    }

    @Override
    public void check(Context ctx) {
        int lastSequence = Integer.MIN_VALUE;
        int firstDisk = Integer.MAX_VALUE;
        List<Row> media = ctx.rows("Media");
        for (Row m : media) {
            lastSequence = Math.max(lastSequence, Context.integer(m, "LastSequence", 0));
            firstDisk = Math.min(firstDisk, Context.integer(m, "DiskId", 0));
        }
        if (!media.isEmpty() && firstDisk != 1) {
            ctx.report("ICE71", Severity.ERROR, "Media", "DiskId", "the first Media row has DiskId " + firstDisk + "; it must be 1");
        }
        if (media.size() > 80) ctx.report("ICE58", Severity.WARNING, "Media", null, media.size() + " Media rows; at most 80 are supported");

        Map<String, Row> targets = new HashMap<>();
        for (Row f : ctx.rows("File")) {
            int seq = Context.integer(f, "Sequence", 0);
            if (media.isEmpty() || seq > lastSequence) {
                ctx.error("ICE04", f, "Sequence", "sequence " + seq + " is above the largest Media.LastSequence "
                        + (media.isEmpty() ? "(there is no Media row)" : Integer.toString(lastSequence)));
            }
            String version = Context.text(f, "Version");
            if (version != null && Formats.version(version) == null && Context.text(f, "Language") == null) {
                ctx.warning("ICE60", f, "Language", "file " + Context.text(f, "File") + " is versioned (" + version + ") but has no language");
            }
            Row comp = ctx.find("Component", Context.text(f, "Component_"));
            String name = Context.targetLongName(Context.text(f, "FileName"));
            if (comp == null || name == null) continue;
            String path = ctx.targetPath(Context.text(comp, "Directory_")) + "\\" + name.toLowerCase(Locale.ROOT);
            Row other = targets.putIfAbsent(path, f);
            if (other != null && !Context.text(other, "Component_").equals(Context.text(f, "Component_"))) {
                Row otherComp = ctx.find("Component", Context.text(other, "Component_"));
                boolean bothConditioned = conditioned(comp) && otherComp != null && conditioned(otherComp);
                String message = "file " + Context.text(f, "File") + " of component " + Context.text(f, "Component_")
                        + (bothConditioned ? " might install to " : " installs to ") + path + ", where file " + Context.text(other, "File")
                        + " of component " + Context.text(other, "Component_") + " also installs";
                if (bothConditioned) {
                    ctx.warning("ICE30", f, "FileName", message + "; both components have conditions: unless they exclude each other, "
                            + "the file's reference counting breaks");
                } else {
                    ctx.error("ICE30", f, "FileName", message);
                }
            }
        }
    }
}
