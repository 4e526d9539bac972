package dev.ssprkit.ca;

/**
 * Where WiX schedules one of the family's actions: in {@code table}, just before or just after {@code anchor} (a
 * standard action, or another action of the family), under {@code condition} (null = always).
 */
public record SequenceEntry(String table, String action, String condition, boolean before, String anchor) {
    public static SequenceEntry before(String table, String action, String condition, String anchor) {
        return new SequenceEntry(table, action, condition, true, anchor);
    }

    public static SequenceEntry after(String table, String action, String condition, String anchor) {
        return new SequenceEntry(table, action, condition, false, anchor);
    }
}
