package dev.ssprkit.cli;

import dev.ssprkit.common.InvalidValueException;
import dev.ssprkit.msi.layout.InstallLayout;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.patch.PatchReader;
import dev.ssprkit.msi.transform.TransformContents;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code inspect} reports of patches and transforms (databases and merge modules are {@link InspectCommand}'s own). */
final class PackageKinds {
    private PackageKinds() {}

    static InstallLayout.Style style(String layout) {
        return switch (layout.toLowerCase(Locale.ROOT)) {
            case "windows" -> InstallLayout.Style.WINDOWS;
            case "ids" -> InstallLayout.Style.IDS;
            default -> throw new InvalidValueException("--layout takes windows or ids, not " + layout);
        };
    }

    /** A stream name with its control-character prefix spelt out, as in the SDK's documentation ({@code \005SummaryInformation}). */
    static String printable(String name) {
        return name.replace("\u0005", "\\005");
    }

    static Map<String, Object> transform(Path mst) throws IOException {
        TransformContents.Contents c = TransformContents.read(mst);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", mst.toString());
        r.put("kind", "transform");
        r.put("summary", InspectCommand.summary(c.summary()));
        putContents(r, c);
        return r;
    }

    private static void putContents(Map<String, Object> r, TransformContents.Contents c) {
        r.put("tablesAdded", c.tablesAdded());
        r.put("tablesDropped", c.tablesDropped());
        Map<String, Object> counts = new LinkedHashMap<>();
        c.counts().forEach((t, n) -> counts.put(t, Map.of("added", n[0], "changed", n[1], "deleted", n[2])));
        r.put("rowCounts", counts);
        List<String> edits = new ArrayList<>();
        for (TransformContents.Edit e : c.edits()) edits.add(e.text());
        r.put("rows", edits);
        if (!c.unreadable().isEmpty()) r.put("unreadable", c.unreadable());
    }

    static Map<String, Object> patch(Path msp) throws IOException {
        try (PatchReader p = PatchReader.open(msp)) {
            Database db = p.database();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("file", msp.toString());
            r.put("kind", "patch");
            r.put("summary", InspectCommand.summary(db.summary()));
            r.put("targetProducts", db.summary().template == null ? List.of() : List.of(db.summary().template.split(";")));
            Map<String, Integer> tables = new LinkedHashMap<>();
            db.tables().forEach((n, t) -> tables.put(n, t.rows().size()));
            r.put("tables", tables);
            r.put("cabinets", p.cabinetStreams());
            List<Map<String, Object>> transforms = new ArrayList<>();
            for (PatchReader.EmbeddedTransform t : p.transforms()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", t.name());
                m.put("targetProductCode", t.targetProductCode());
                m.put("targetRevision", t.summary().revisionNumber);
                putContents(m, t.contents());
                transforms.add(m);
            }
            r.put("transforms", transforms);
            List<String> warnings = new ArrayList<>();
            db.readWarnings().forEach(w -> warnings.add(w.toString()));
            r.put("warnings", warnings);
            return r;
        }
    }

    @SuppressWarnings("unchecked")
    static void text(PrintWriter out, Map<String, Object> r) {
        out.println((r.get("kind").equals("patch") ? "Patch: " : "Transform: ") + r.get("file"));
        ((Map<String, Object>) r.get("summary")).forEach((k, v) -> {
            if (v != null) out.printf("  %-12s %s%n", k, v);
        });
        if (r.containsKey("tables")) {
            out.println("Tables:");
            ((Map<String, Integer>) r.get("tables")).forEach((n, c) -> out.printf("  %-28s %6d rows%n", n, c));
            out.println("Cabinets: " + r.get("cabinets"));
            for (Map<String, Object> t : (List<Map<String, Object>>) r.get("transforms")) {
                out.println("Transform " + t.get("name") + " (target product " + t.get("targetProductCode") + "):");
                contents(out, t, "  ");
            }
            List<String> warnings = (List<String>) r.get("warnings");
            if (!warnings.isEmpty()) {
                out.println("Warnings (read as Windows Installer reads them):");
                warnings.forEach(w -> out.println("  " + w));
            }
        } else {
            contents(out, r, "");
        }
    }

    @SuppressWarnings("unchecked")
    private static void contents(PrintWriter out, Map<String, Object> r, String indent) {
        List<String> added = (List<String>) r.get("tablesAdded"), dropped = (List<String>) r.get("tablesDropped");
        added.forEach(t -> out.println(indent + "+ table " + t));
        dropped.forEach(t -> out.println(indent + "- table " + t));
        ((Map<String, Map<String, Integer>>) r.get("rowCounts")).forEach((t, n) -> out.printf("%s%-28s +%d ~%d -%d%n", indent, t,
                n.get("added"), n.get("changed"), n.get("deleted")));
        for (String e : (List<String>) r.get("rows")) out.println(indent + e.replace("\n", "\n" + indent));
        Map<String, String> unreadable = (Map<String, String>) r.get("unreadable");
        if (unreadable != null) unreadable.forEach((t, why) -> out.println(indent + "? " + t + ": " + why));
    }
}
