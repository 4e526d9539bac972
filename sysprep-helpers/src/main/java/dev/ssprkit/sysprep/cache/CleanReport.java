package dev.ssprkit.sysprep.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cleaning run removed (or, with {@code dryRun}, would remove), left alone, and failed to remove. A dry run's
 * {@code removed} list is exactly the list a real run on the same tree produces.
 */
public record CleanReport(boolean dryRun, List<String> profiles, List<ReportEntry> removed, List<ReportEntry> skipped,
                          List<ReportEntry> failed, Totals totals) {

    /** Counts and bytes: {@code files}, {@code directories} and {@code links} count removed entries. */
    public record Totals(int removed, int files, int directories, int links, long bytes, int skipped, int failed) {}

    /** True when nothing failed: the exit status of the cleaner. */
    public boolean succeeded() {
        return failed.isEmpty();
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        String verb = dryRun ? "would remove" : "removed";
        for (String p : profiles) sb.append("profile: ").append(p).append('\n');
        for (ReportEntry e : removed) {
            sb.append(verb).append(' ').append(e.type()).append(' ').append(e.path());
            if (e.type().equals("file")) sb.append(" (").append(e.bytes()).append(" bytes)");
            sb.append('\n');
        }
        for (ReportEntry e : skipped) sb.append("skipped ").append(e.path()).append(": ").append(e.reason()).append('\n');
        for (ReportEntry e : failed) sb.append("FAILED ").append(e.path()).append(": ").append(e.reason()).append('\n');
        sb.append(String.format("%s: %d entries (%d files, %d folders, %d links), %d bytes; skipped %d; failed %d%n",
                dryRun ? "dry run, would remove" : "removed", totals.removed(), totals.files(), totals.directories(),
                totals.links(), totals.bytes(), totals.skipped(), totals.failed()));
        return sb.toString();
    }

    /** Collects entries while a run goes. */
    public static final class Builder {
        private final boolean dryRun;
        private final List<String> profiles = new ArrayList<>();
        private final List<ReportEntry> removed = new ArrayList<>();
        private final List<ReportEntry> skipped = new ArrayList<>();
        private final List<ReportEntry> failed = new ArrayList<>();

        public Builder(boolean dryRun) {
            this.dryRun = dryRun;
        }

        public void profile(String path) {
            profiles.add(path);
        }

        public void removed(String path, String type, long bytes) {
            removed.add(new ReportEntry(path, type, bytes, null));
        }

        public void skipped(String path, String type, String reason) {
            skipped.add(new ReportEntry(path, type, 0, reason));
        }

        public void failed(String path, String type, String reason) {
            failed.add(new ReportEntry(path, type, 0, reason));
        }

        public CleanReport build() {
            int files = 0, dirs = 0, links = 0;
            long bytes = 0;
            for (ReportEntry e : removed) {
                switch (e.type()) {
                    case "file" -> files++;
                    case "directory" -> dirs++;
                    default -> links++;
                }
                bytes += e.bytes();
            }
            return new CleanReport(dryRun, List.copyOf(profiles), List.copyOf(removed), List.copyOf(skipped),
                    List.copyOf(failed), new Totals(removed.size(), files, dirs, links, bytes, skipped.size(), failed.size()));
        }
    }
}
