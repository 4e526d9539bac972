package dev.ssprkit.builder;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills the five sequence tables: the standard actions the package's tables call for, the major-upgrade entries, then
 * the author's scheduled actions. An action placed after X takes the first free number above X; before X, the first
 * free number below it. Actions that refer to other scheduled actions are resolved in dependency order.
 */
final class SequenceEmitter {
    private final PackageBuilder p;
    private final Database db;

    SequenceEmitter(PackageBuilder p, Database db) {
        this.p = p;
        this.db = db;
    }

    void emit() {
        Set<String> used = new HashSet<>();
        db.tables().forEach((name, t) -> {
            if (!t.rows().isEmpty()) used.add(name);
        });
        fill("InstallExecuteSequence", StandardSequences.INSTALL_EXECUTE, used);
        fill("InstallUISequence", StandardSequences.INSTALL_UI, used);
        fill("AdminExecuteSequence", StandardSequences.ADMIN_EXECUTE, used);
        fill("AdminUISequence", StandardSequences.ADMIN_UI, used);
        fill("AdvtExecuteSequence", StandardSequences.ADVT_EXECUTE, used);
        if (p.downgradeMessage != null) {
            for (String seq : List.of("InstallExecuteSequence", "InstallUISequence")) {
                db.table(seq).add("WIX_CA_DOWNGRADE", "WIX_DOWNGRADE_DETECTED", 26);
            }
            db.table("InstallExecuteSequence").add("RemoveExistingProducts", null, p.removeExistingProductsSequence);
        }
        for (String[] s : p.suppressed) {
            Row r = db.table(s[0]).find(s[1]);
            if (r != null) db.table(s[0]).remove(r);
        }
        scheduled();
    }

    private void fill(String table, List<StandardSequences.Action> actions, Set<String> used) {
        Table t = db.table(table);
        for (StandardSequences.Action a : StandardSequences.applicable(actions, used)) {
            if (t.find(a.name()) == null) t.add(a.name(), null, a.sequence());
        }
    }

    private void scheduled() {
        List<ActionSpec> pending = new ArrayList<>(p.actions);
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                ActionSpec a = it.next();
                Table t = db.table(a.table);
                Integer seq = resolve(t, a);
                if (seq == null) continue;
                Row existing = t.find(a.action);
                if (existing != null) t.remove(existing);
                t.addFrom(a.origin, a.action, a.condition, seq);
                it.remove();
                progress = true;
            }
            if (!progress) {
                ActionSpec a = pending.get(0);
                String anchor = a.before != null ? a.before : a.after;
                throw new IllegalArgumentException(a.table + ": action " + a.action + " is scheduled relative to " + anchor
                        + ", which is not in the table (or the placements form a cycle)" + (a.origin == null ? "" : " (" + a.origin + ")"));
            }
        }
    }

    /** The sequence number for {@code a}, or null while its anchor is not placed yet. */
    private static Integer resolve(Table t, ActionSpec a) {
        if (a.sequence != null) return a.sequence;
        String anchor = a.before != null ? a.before : a.after;
        if (anchor == null) return null;
        Row r = t.find(anchor);
        if (r == null || r.get(2) == null) return null;
        int base = (Integer) r.get(2);
        int step = a.before != null ? -1 : 1;
        Set<Integer> taken = new HashSet<>();
        for (Row x : t.rows()) if (x.get(2) != null && !a.action.equals(x.get(0))) taken.add((Integer) x.get(2));
        int n = base + step;
        while (taken.contains(n)) n += step;
        return n;
    }
}
