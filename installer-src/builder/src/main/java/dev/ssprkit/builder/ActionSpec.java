package dev.ssprkit.builder;

import java.util.Set;

/**
 * One entry of a sequence table beyond the standard actions: a custom action, or a standard action the author
 * schedules (RemoveExistingProducts, ScheduleReboot...). It is placed at an explicit sequence number, or just before
 * or after another action of the same table (resolved once the standard actions are in place).
 */
public final class ActionSpec {
    /** The five sequence tables an action may be scheduled in. */
    public static final Set<String> TABLES = Set.of("InstallExecuteSequence", "InstallUISequence",
            "AdminExecuteSequence", "AdminUISequence", "AdvtExecuteSequence");

    final String table;
    final String action;
    String condition;
    Integer sequence;
    String before;
    String after;
    String origin;

    ActionSpec(String table, String action) {
        if (!TABLES.contains(table)) throw new IllegalArgumentException("no sequence table " + table + "; use one of " + TABLES);
        this.table = table;
        this.action = Identifiers.check("Action", action, 72);
    }

    public String table() {
        return table;
    }

    public String action() {
        return action;
    }

    public ActionSpec condition(String condition) {
        this.condition = condition;
        return this;
    }

    public ActionSpec sequence(int sequence) {
        this.sequence = sequence;
        return this;
    }

    public ActionSpec before(String action) {
        this.before = action;
        return this;
    }

    public ActionSpec after(String action) {
        this.after = action;
        return this;
    }

    /** Where this entry came from ({@code file:line:col}), carried by its row. */
    public ActionSpec origin(String origin) {
        this.origin = origin;
        return this;
    }
}
