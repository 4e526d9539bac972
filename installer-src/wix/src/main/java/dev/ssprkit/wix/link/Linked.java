package dev.ssprkit.wix.link;

import dev.ssprkit.wix.model.PackageSymbol;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Section;
import dev.ssprkit.wix.model.Symbol;
import dev.ssprkit.wix.model.SymbolKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The linked output: the entry's identity and every symbol of the sections it pulls in, in source order, with the
 * indexes the binder looks things up by (rows by table, symbols by key, rows by owning component), built once so
 * that no binder step scans everything per item.
 */
public final class Linked {
    private final Section.Type type;
    private final PackageSymbol identity;
    private final List<Symbol> symbols;
    private Map<String, List<Row>> rowsByTable = new LinkedHashMap<>();
    /**
     * Symbols by kind (a row's table), then id (a row's primary key): no key object per symbol, and a row's key is
     * the string its first cell already holds (a 100,000-file build indexes 300,000 rows).
     */
    private Map<String, Map<String, Symbol>> byKind = new HashMap<>();
    /** Set once {@link #drain} has handed the symbols out: the model is empty from then on. */
    private boolean drained;
    /** Each component's features, primary first (FeatureComponents rows come from this). */
    private Map<String, List<String>> featuresOfComponent;
    /** Each feature's parent, from nesting and feature groups. */
    private final Map<String, String> featureParents;
    /** Each merge module's features (MergeRef), primary first. */
    private final Map<String, List<String>> featuresOfMerge;

    Linked(Section.Type type, PackageSymbol identity, List<Symbol> symbols, Map<String, List<String>> featuresOfComponent,
           Map<String, String> featureParents, Map<String, List<String>> featuresOfMerge) {
        this.type = type;
        this.identity = identity;
        this.symbols = symbols;
        this.featuresOfComponent = featuresOfComponent;
        this.featureParents = featureParents;
        this.featuresOfMerge = featuresOfMerge;
        for (Symbol s : symbols) index(s);
    }

    private void index(Symbol s) {
        if (s instanceof Row r) {
            String id = r.primaryKey();
            if (id != null) byKind.computeIfAbsent(r.table(), t -> new HashMap<>()).putIfAbsent(id, r);
            rowsByTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r);
        } else {
            SymbolKey k = s.key();
            if (k != null) byKind.computeIfAbsent(k.kind(), t -> new HashMap<>()).putIfAbsent(k.id(), s);
        }
    }

    /** Adds a symbol the binder creates (implicit rows, generated actions). */
    public void add(Symbol s) {
        if (drained) throw new IllegalStateException("the linked symbols were handed out already");
        symbols.add(s);
        index(s);
    }

    /** Drops a symbol the binder replaces (authored Media under a MediaTemplate). */
    public void remove(Symbol s) {
        symbols.remove(s);
        if (s instanceof Row r) {
            List<Row> rows = rowsByTable.get(r.table());
            if (rows != null) rows.remove(r);
        }
        SymbolKey k = s.key();
        Map<String, Symbol> ofKind = k == null ? null : byKind.get(k.kind());
        if (ofKind != null && ofKind.get(k.id()) == s) ofKind.remove(k.id());
    }

    /**
     * Hands each symbol to {@code each} once, in source order, and lets go of it: the binder's last step turns rows
     * into database rows, and a row already written need not stay reachable (a 100,000-file build has 400,000, with a
     * location and a key each). The indexes go first. Afterwards the model is empty; only {@link #type()} and
     * {@link #identity()} still answer.
     */
    public void drain(Consumer<Symbol> each) {
        if (drained) throw new IllegalStateException("the linked symbols were handed out already");
        drained = true;
        byKind = new HashMap<>();
        rowsByTable = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) each.accept(symbols.set(i, null));
        symbols.clear();
    }

    public Section.Type type() {
        return type;
    }

    public PackageSymbol identity() {
        return identity;
    }

    public List<Symbol> symbols() {
        return Collections.unmodifiableList(symbols);
    }

    public <T> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Symbol s : symbols) if (type.isInstance(s)) out.add(type.cast(s));
        return out;
    }

    /** The rows of one table, in source order (never null). */
    public List<Row> rows(String table) {
        return rowsByTable.getOrDefault(table, List.of());
    }

    public Map<String, List<Row>> rowsByTable() {
        return Collections.unmodifiableMap(rowsByTable);
    }

    public Symbol get(String kind, String id) {
        return byKind.getOrDefault(kind, Map.of()).get(id);
    }

    public Row row(String table, String key) {
        return get(table, key) instanceof Row r ? r : null;
    }

    /**
     * The rows of every table that names a component in a Component_ column, by component, each list in source order.
     * Made when asked, for the step that needs it: kept in the model, the index (100,000 entries for 100,000 files)
     * stayed reachable through the cabinets' writing, the highest point of the binder's memory.
     */
    public Map<String, List<Row>> rowsByComponent() {
        Map<String, List<Row>> out = new HashMap<>();
        for (Symbol s : symbols) {
            if (!(s instanceof Row r)) continue;
            int c = r.schema().indexOf("Component_");
            if (c >= 0 && r.get(c) instanceof String component) {
                // a component has a few rows (its own, a file, a registry value): room for two, not ten
                out.computeIfAbsent(component, x -> new ArrayList<>(2)).add(r);
            }
        }
        return out;
    }

    public Map<String, List<String>> featuresOfComponent() {
        if (featuresOfComponent == null) throw new IllegalStateException("the components' features were let go already");
        return featuresOfComponent;
    }

    /**
     * Lets go of {@link #featuresOfComponent()} once the binder's steps that read it have run (its FeatureComponents
     * rows are made by then), so the map of every component does not stay through the cabinets' writing.
     */
    public void releaseFeaturesOfComponent() {
        featuresOfComponent = null;
    }

    public Map<String, String> featureParents() {
        return featureParents;
    }

    /** The features each {@code <Merge>} is connected to by MergeRef, the primary one first. */
    public Map<String, List<String>> featuresOfMerge() {
        return featuresOfMerge;
    }
}
