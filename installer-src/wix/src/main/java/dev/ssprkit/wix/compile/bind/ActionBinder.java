package dev.ssprkit.wix.compile.bind;

import dev.ssprkit.builder.ActionSpec;
import dev.ssprkit.builder.StandardSequences;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds upgrades, launch conditions, custom actions and their scheduling in the sequence tables. */
final class ActionBinder {
    private static final Map<String, List<StandardSequences.Action>> STANDARD = Map.of(
            "InstallExecuteSequence", StandardSequences.INSTALL_EXECUTE, "InstallUISequence", StandardSequences.INSTALL_UI,
            "AdminExecuteSequence", StandardSequences.ADMIN_EXECUTE, "AdminUISequence", StandardSequences.ADMIN_UI,
            "AdvtExecuteSequence", StandardSequences.ADVT_EXECUTE);

    private final BindContext ctx;

    ActionBinder(BindContext ctx) {
        this.ctx = ctx;
    }

    void bind() {
        ctx.linked.all(Symbols.MajorUpgrade.class).findFirst().ifPresent(m ->
                ctx.pkg.majorUpgrade(m.downgradeMessage(), m.allowSameVersion(), m.removeSequence()));
        for (Symbols.Upgrade u : ctx.linked.all(Symbols.Upgrade.class).toList()) {
            ctx.pkg.row("Upgrade", ctx.origin(u.location()), u.upgradeCode(), u.versionMin(), u.versionMax(), u.language(),
                    u.attributes(), u.remove(), u.property());
            ctx.pkg.secureProperty(u.property());
        }
        for (Symbols.RegistrySearch rs : ctx.linked.all(Symbols.RegistrySearch.class).toList()) {
            String origin = ctx.origin(rs.location());
            ctx.pkg.row("AppSearch", origin, rs.property(), rs.id());
            ctx.pkg.row("RegLocator", origin, rs.id(), rs.root(), rs.key(), rs.name(), rs.type());
        }
        for (Symbols.LaunchCondition lc : ctx.linked.all(Symbols.LaunchCondition.class).toList()) {
            ctx.pkg.row("LaunchCondition", ctx.origin(lc.location()), lc.condition(), lc.message());
        }
        for (Symbols.CustomAction ca : ctx.linked.all(Symbols.CustomAction.class).toList()) {
            ctx.pkg.row("CustomAction", ctx.origin(ca.location()), ca.id(), ca.type(), ca.source(), ca.target(), ca.extendedType());
        }
        schedule();
    }

    private void schedule() {
        List<Symbols.Action> actions = ctx.linked.all(Symbols.Action.class).toList();
        Set<String> scheduled = new HashSet<>();
        for (Symbols.Action a : actions) scheduled.add(a.table() + "/" + a.action());
        if (ctx.linked.all(Symbols.MajorUpgrade.class).findAny().isPresent()) scheduled.add("InstallExecuteSequence/RemoveExistingProducts");
        for (Symbols.Action a : actions) {
            if (a.suppress()) {
                ctx.pkg.suppressAction(a.table(), a.action());
                continue;
            }
            ActionSpec spec = ctx.pkg.action(a.table(), a.action()).condition(a.condition()).origin(ctx.origin(a.location()));
            if (a.sequence() != null) {
                spec.sequence(a.sequence());
            } else if (a.before() != null || a.after() != null) {
                String anchor = a.before() != null ? a.before() : a.after();
                if (!standard(a.table(), anchor) && !scheduled.contains(a.table() + "/" + anchor)) {
                    ctx.report(CompilerMessage.SCHEDULE_CONFLICT, a.location(), a.action(), a.table(), anchor);
                }
                if (a.before() != null) spec.before(a.before());
                else spec.after(a.after());
            } else {
                Integer seq = STANDARD.get(a.table()).stream().filter(s -> s.name().equals(a.action()))
                        .map(StandardSequences.Action::sequence).findFirst().orElse(null);
                if (seq == null) ctx.report(CompilerMessage.EMPTY_SEQUENCE_PLACEMENT, a.location(), a.action(), a.table());
                else spec.sequence(seq);
            }
        }
    }

    private static boolean standard(String table, String action) {
        return STANDARD.get(table).stream().anyMatch(s -> s.name().equals(action));
    }
}
