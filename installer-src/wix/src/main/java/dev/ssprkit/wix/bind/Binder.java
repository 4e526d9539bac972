package dev.ssprkit.wix.bind;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.link.Linked;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Table;

import java.util.HashMap;
import java.util.Map;

/**
 * The bind phase: turns the linked symbols into a database, one named step at a time (as WiX's binder does), with an
 * error checkpoint after the steps whose results the next ones rely on. Returns null when anything was reported.
 */
public final class Binder {
    private final Diagnostics diagnostics;
    /** The bound database, whose rows carry their source locations, for {@link #locate}; null until bound. */
    private Database db;
    /** Row locations by table, then key: built for a table only when a finding about it is located. */
    private final Map<String, Map<String, SourceLocation>> located = new HashMap<>();

    public Binder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public BindResult bind(Linked linked, BindOptions options) {
        BindContext ctx = new BindContext(linked, diagnostics, options);
        new DefaultUpgradeStep(ctx).run(); // before the variables: its message may be a !(loc.X)
        VariableResolver variables = new VariableResolver(ctx);
        variables.resolveEarly();
        IdentityStep identity = new IdentityStep(ctx, variables);
        identity.run();
        new StreamStep(ctx, variables).run();
        new UiStep(ctx).run();
        if (ctx.failed()) return null;
        new DirectoryStep(ctx).run();
        new SoftwareTagStep(ctx).run();
        new FileStep(ctx).run();
        if (ctx.failed()) return null;
        new ComponentStep(ctx).run();
        new FeatureStep(ctx).run();
        new AssemblyStep(ctx).run();
        new NamesStep(ctx).run();
        linked.releaseFeaturesOfComponent(); // read by the feature, assembly and names steps only
        variables.resolveLate();
        identity.finishLateVersion();
        new PropertyStep(ctx).run();
        if (ctx.failed()) return null;
        if (ctx.isModule()) {
            new SequenceStep(ctx).run();
            new ModuleStep(ctx).run(); // reports its own problems too, then stops if anything failed
        } else {
            new MergeStep(ctx).run();
            if (ctx.failed()) return null;
            new MediaStep(ctx).run(new SourceDirectories(ctx));
            if (ctx.failed()) return null;
            new SequenceStep(ctx).run();
        }
        if (ctx.failed()) return null;
        InstanceTransformStep instances = ctx.isModule() ? null : new InstanceTransformStep(ctx);
        new TableStep(ctx).run();
        new SummaryStep(ctx).run();
        if (instances != null) instances.run();
        if (ctx.failed()) return null;
        db = ctx.db;
        return new BindResult(ctx.db, ctx.sideFiles);
    }

    /**
     * Where the row with this table and key (primary key cells joined by '/') was written, or null. The database's
     * rows hold their locations, so no second index of every row is kept through validation and writing (for
     * 100,000 files it held 400,000 entries); the first finding about a table indexes that table's rows.
     */
    public SourceLocation locate(String table, String rowKey) {
        if (table == null || rowKey == null || db == null) return null;
        return located.computeIfAbsent(table, this::index).get(rowKey);
    }

    private Map<String, SourceLocation> index(String table) {
        Table t = db.tableOrNull(table);
        if (t == null) return Map.of();
        Map<String, SourceLocation> byKey = new HashMap<>();
        for (var row : t.rows()) {
            if (row.originValue() instanceof SourceLocation at) byKey.putIfAbsent(TableStep.key(t.schema(), row.cells()), at);
        }
        return byKey;
    }
}
