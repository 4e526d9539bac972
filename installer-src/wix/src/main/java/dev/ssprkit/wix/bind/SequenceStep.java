package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.schema.StandardSchema;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.model.EnsureTableSymbol;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Scheduled;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the five sequence tables as WiX schedules them: the standard actions every package has and those its tables
 * call for, at their suggested numbers; the author's actions at their numbers; then actions placed Before/After
 * another, numbered next to it (before: counting down from it, nearest last-declared; after: counting up, in
 * declaration order; chains of relative placements follow their anchor). A placement relative to an action that is
 * not in the table, a cycle, or no free number between two anchors is reported at the placement.
 */
final class SequenceStep {
    private static final class Entry {
        final String table, action;
        String condition;
        Integer sequence;
        final String before, after;
        final SourceLocation location;
        final List<Entry> previous = new ArrayList<>(), next = new ArrayList<>();

        Entry(String table, String action, String condition, Integer sequence, String before, String after, SourceLocation location) {
            this.table = table;
            this.action = action;
            this.condition = condition;
            this.sequence = sequence;
            this.before = before;
            this.after = after;
            this.location = location;
        }

        String key() {
            return table + "/" + action;
        }
    }

    private final BindContext ctx;
    private final Map<String, Entry> required = new LinkedHashMap<>();

    SequenceStep(BindContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        List<Scheduled> authored = ctx.linked.all(Scheduled.class);
        Set<String> suppressed = new HashSet<>();
        for (Scheduled s : authored) {
            if (s.suppress()) {
                suppressed.add(s.table() + "/" + s.action());
                continue;
            }
            Integer seq = s.sequence();
            if (seq == null && s.before() == null && s.after() == null) {
                seq = StandardActionTable.sequence(s.table(), s.action());
                if (seq == null) {
                    ctx.report(CompilerMessage.EMPTY_SEQUENCE_PLACEMENT, s.location(), s.action(), s.table());
                    continue;
                }
            }
            required.put(s.table() + "/" + s.action(), new Entry(s.table(), s.action(), s.condition(), seq, s.before(), s.after(), s.location()));
        }
        for (String key : requiredStandardActions()) {
            if (required.containsKey(key)) continue;
            int slash = key.indexOf('/');
            addStandard(key.substring(0, slash), key.substring(slash + 1));
        }
        for (String key : suppressed) required.remove(key);
        for (Entry e : new ArrayList<>(required.values())) {
            if (e.sequence != null) continue;
            String anchor = e.after != null ? e.after : e.before;
            Entry parent = required.get(e.table + "/" + anchor);
            if (parent == null && StandardActionTable.sequence(e.table, anchor) != null) parent = addStandard(e.table, anchor);
            if (parent == null) {
                ctx.report(CompilerMessage.SCHEDULE_CONFLICT, e.location, e.action, e.table, anchor);
                continue;
            }
            (e.after != null ? parent.next : parent.previous).add(e);
        }
        if (required.containsKey("InstallExecuteSequence/DuplicateFiles") && !required.containsKey("InstallExecuteSequence/InstallFiles")) {
            addStandard("InstallExecuteSequence", "InstallFiles");
        }
        if (ctx.isModule()) {
            moduleRows();
            return;
        }
        for (String table : StandardActionTable.TABLES) schedule(table);
    }

    /**
     * A module's actions are not numbered: the merge tool places them in the package's sequences. Standard actions
     * keep their number, the others name the action they come before or after (ModuleXxxSequence.BaseAction/After),
     * as WiX writes them and the SDK's ModuleInstallExecuteSequence page asks.
     */
    private void moduleRows() {
        for (Entry e : required.values()) {
            boolean standard = StandardActionTable.sequence(e.table, e.action) != null;
            if (standard && e.sequence == null) {
                ctx.report(CompilerMessage.MODULE_SEQUENCE, e.location, e.action, e.table, "a standard action cannot be placed Before or After another");
                continue;
            }
            if (!standard && e.sequence != null && e.sequence > 0) {
                ctx.report(CompilerMessage.MODULE_SEQUENCE, e.location, e.action, e.table, "a custom action or dialog cannot have a Sequence number");
                continue;
            }
            Row row = new Row(dev.ssprkit.wix.model.ModuleTables.require(dev.ssprkit.wix.model.ModuleTables.SEQUENCES.get(e.table)), e.location)
                    .set("Action", e.action).set("Condition", e.condition);
            if (e.sequence != null) row.set("Sequence", e.sequence);
            else row.set("BaseAction", e.after != null ? e.after : e.before).set("After", e.after != null ? 1 : 0);
            ctx.linked.add(row);
        }
    }

    private Entry addStandard(String table, String action) {
        Integer seq = StandardActionTable.sequence(table, action);
        if (seq == null) return null;
        Entry e = new Entry(table, action, StandardActionTable.condition(table, action), seq, null, null, null);
        required.put(e.key(), e);
        return e;
    }

    private Set<String> requiredStandardActions() {
        Set<String> set = new java.util.LinkedHashSet<>();
        // a module gets only the actions its tables call for, as WiX schedules them (the rest is the package's)
        if (!ctx.isModule()) StandardActionTable.ALWAYS.forEach((table, actions) -> actions.forEach(a -> set.add(table + "/" + a)));
        Set<String> tables = new HashSet<>(ctx.linked.rowsByTable().keySet());
        for (EnsureTableSymbol t : ctx.linked.all(EnsureTableSymbol.class)) tables.add(t.table());
        for (String t : tables) {
            if (ctx.linked.rows(t).isEmpty() && ctx.linked.all(EnsureTableSymbol.class).stream().noneMatch(x -> x.table().equals(t))) continue;
            set.addAll(StandardActionTable.BY_TABLE.getOrDefault(t, List.of()));
        }
        if (ctx.rows("Upgrade").stream().anyMatch(u -> u.get("Attributes") instanceof Integer a && (a & 0x1) != 0)) {
            set.add("InstallExecuteSequence/MigrateFeatureStates");
            set.add("InstallUISequence/MigrateFeatureStates");
        }
        return set;
    }

    private void schedule(String table) {
        List<Entry> absolute = new ArrayList<>();
        for (Entry e : required.values()) if (e.table.equals(table) && e.sequence != null) absolute.add(e);
        absolute.sort(Comparator.comparingInt(e -> e.sequence));
        Map<Integer, Entry> used = new HashMap<>();
        for (Entry e : absolute) {
            Entry other = used.putIfAbsent(e.sequence, e);
            if (other != null) {
                ctx.report(CompilerMessage.DEPRECATED, e.location, "actions " + other.action + " and " + e.action + " both have sequence " + e.sequence + " in " + table,
                        "Windows Installer runs them in an undefined order; give one of them another number");
            }
        }
        List<Entry> placed = new ArrayList<>(absolute);
        int previousUsed = 0;
        for (int j = 0; j < absolute.size(); j++) {
            Entry anchor = absolute.get(j);
            List<Entry> before = new ArrayList<>(), after = new ArrayList<>();
            flattenBefore(anchor, before, new HashSet<>());
            flattenAfter(anchor, after, new HashSet<>());
            if (anchor.sequence < 0 && (!before.isEmpty() || !after.isEmpty())) {
                for (Entry r : before) ctx.report(CompilerMessage.TERMINATION_ANCHOR, r.location, r.action, table, anchor.action);
                for (Entry r : after) ctx.report(CompilerMessage.TERMINATION_ANCHOR, r.location, r.action, table, anchor.action);
                continue;
            }
            int n = anchor.sequence - 1;
            for (int i = before.size() - 1; i >= 0; i--) {
                Entry r = before.get(i);
                if (n <= previousUsed) {
                    ctx.report(CompilerMessage.NO_FREE_SEQUENCE, r.location, r.action, table, "before", anchor.action, anchor.sequence);
                    break;
                }
                r.sequence = n--;
                placed.add(r);
            }
            int nextUsed = j + 1 < absolute.size() ? absolute.get(j + 1).sequence : 32768;
            n = anchor.sequence + 1;
            for (Entry r : after) {
                if (n >= nextUsed) {
                    ctx.report(CompilerMessage.NO_FREE_SEQUENCE, r.location, r.action, table, "after", anchor.action, anchor.sequence);
                    break;
                }
                r.sequence = n++;
                placed.add(r);
            }
            previousUsed = Math.max(anchor.sequence, n - 1);
        }
        for (Entry e : required.values()) {
            if (e.table.equals(table) && e.sequence == null && !ctx.failed()) {
                ctx.report(CompilerMessage.SEQUENCE_CYCLE, e.location, e.action, table, e.after != null ? e.after : e.before);
            }
        }
        for (Entry e : placed) {
            ctx.linked.add(new Row(StandardSchema.require(table), e.location).set("Action", e.action).set("Condition", e.condition)
                    .set("Sequence", e.sequence));
        }
    }

    /** Everything placed (transitively) before {@code e}, nearest last; an action's own relatives surround it. */
    private void flattenBefore(Entry e, List<Entry> out, Set<Entry> seen) {
        for (Entry p : e.previous) {
            if (!seen.add(p)) continue;
            flattenBefore(p, out, seen);
            out.add(p);
            flattenAfter(p, out, seen);
        }
    }

    private void flattenAfter(Entry e, List<Entry> out, Set<Entry> seen) {
        for (Entry n : e.next) {
            if (!seen.add(n)) continue;
            flattenBefore(n, out, seen);
            out.add(n);
            flattenAfter(n, out, seen);
        }
    }
}
