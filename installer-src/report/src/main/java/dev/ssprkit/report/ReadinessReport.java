package dev.ssprkit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fleet's readiness: every machine's latest result from the inputs (files, or folders searched for *.json and
 * *.csv), the inputs that could not be read, and the counts the page shows. When a machine appears in several
 * inputs, the one from the most recently modified file wins (a file share keeps one file per machine; a re-run
 * replaces it).
 */
public final class ReadinessReport {
    /** Folders are searched this deep (a share of per-machine files, perhaps in per-site folders). */
    static final int MAX_DEPTH = 8;

    private final Map<String, MachineResult> machines = new LinkedHashMap<>();
    private final List<Unreadable> unreadable = new ArrayList<>();
    private int inputs, duplicates;

    /** Reads every input; a path that does not exist is listed as unreadable. */
    public static ReadinessReport read(List<Path> paths) throws IOException {
        record Input(Path file, FileTime modified) {}
        List<Input> files = new ArrayList<>();
        ReadinessReport report = new ReadinessReport();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p, MAX_DEPTH)) {
                    for (Path f : s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && isResultFile(f)).toList()) {
                        files.add(new Input(f, Files.getLastModifiedTime(f)));
                    }
                }
            } else if (Files.isRegularFile(p)) {
                files.add(new Input(p, Files.getLastModifiedTime(p)));
            } else {
                report.unreadable.add(new Unreadable(p.toString(), "no such file or folder"));
            }
        }
        files.sort(Comparator.comparing(Input::modified).thenComparing(i -> i.file().toString()));
        ResultReader reader = new ResultReader();
        for (Input in : files) {
            report.inputs++;
            reader.read(in.file(), report::add, report.unreadable::add);
        }
        report.shortenSources(paths);
        return report;
    }

    /** Sources relative to the folder given on the command line (a share path repeated 50,000 times says nothing). */
    private void shortenSources(List<Path> roots) {
        for (Map.Entry<String, MachineResult> e : machines.entrySet()) {
            MachineResult m = e.getValue();
            for (Path root : roots) {
                String prefix = root.toString().endsWith(java.io.File.separator) ? root.toString() : root + java.io.File.separator;
                if (Files.isDirectory(root) && m.source().startsWith(prefix)) {
                    e.setValue(new MachineResult(m.machine(), m.os(), m.osOrder(), m.status(), m.findings(), m.detail(), m.source().substring(prefix.length())));
                    break;
                }
            }
        }
    }

    static boolean isResultFile(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".csv");
    }

    void add(MachineResult r) {
        String key = r.machine().toUpperCase(Locale.ROOT);
        if (machines.remove(key) != null) duplicates++;
        machines.put(key, r);
    }

    public List<MachineResult> machines() {
        List<MachineResult> out = new ArrayList<>(machines.values());
        out.sort(Comparator.comparing(MachineResult::machine, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    public List<Unreadable> unreadable() {
        return List.copyOf(unreadable);
    }

    public int inputs() {
        return inputs;
    }

    /** Results replaced by a newer one for the same machine. */
    public int duplicates() {
        return duplicates;
    }

    public long count(MachineResult.Status status) {
        return machines.values().stream().filter(m -> m.status() == status).count();
    }

    /** Check id → machines with that finding of that severity, most first. */
    public Map<String, Long> byCheck(String severity) {
        Map<String, Long> counts = new TreeMap<>();
        for (MachineResult m : machines.values()) {
            m.findings().stream().filter(f -> f.severity().equals(severity)).map(MachineResult.Item::id).distinct()
                    .forEach(id -> counts.merge(id, 1L, Long::sum));
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Windows version → counts by status (ready, blocked, unknown), oldest version first, "unknown" last. */
    public Map<String, long[]> byOs() {
        Map<String, long[]> counts = new java.util.HashMap<>();
        Map<String, Long> order = new java.util.HashMap<>();
        for (MachineResult m : machines.values()) {
            counts.computeIfAbsent(m.os(), k -> new long[3])[m.status().ordinal()]++;
            order.merge(m.os(), m.osOrder() == 0 ? Long.MAX_VALUE : m.osOrder(), Math::min);
        }
        Map<String, long[]> out = new LinkedHashMap<>();
        counts.keySet().stream().sorted(Comparator.comparing((String k) -> order.get(k)).thenComparing(k -> k)).forEach(k -> out.put(k, counts.get(k)));
        return out;
    }
}
