package dev.ssprkit.wix.link;

import dev.ssprkit.wix.compile.core.StandardDirectories;
import dev.ssprkit.wix.compile.core.Subdirectories;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.model.Definition;
import dev.ssprkit.wix.model.PackageSymbol;
import dev.ssprkit.wix.model.Reference;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.model.Scheduled;
import dev.ssprkit.wix.model.Section;
import dev.ssprkit.wix.model.Symbol;
import dev.ssprkit.wix.model.SymbolKey;
import dev.ssprkit.wix.model.WixVariableSymbol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The link phase, as light and {@code wix build} do it: starts from the one entry section (Product/Package/Module),
 * pulls in every section that defines a symbol a pulled-in section references (transitively; library sections such
 * as the built-in dialog sets take part only when referenced), checks that ids are unique and references resolve,
 * then resolves the complex references (features, groups) with {@link GroupResolver}. TARGETDIR and the standard
 * folders are defined implicitly when referenced.
 */
public final class Linker {
    private final Diagnostics diagnostics;

    public Linker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Links {@code sections} (the build's) with {@code library} sections (used only when referenced). */
    public Linked link(List<Section> sections, List<Section> library) {
        return link(sections, () -> library);
    }

    /**
     * Links {@code sections}; the library sections are only compiled (by {@code library}) when a reference is left
     * that the build's own sections do not define, so a package without UI never pays for compiling the dialog sets.
     */
    public Linked link(List<Section> sections, java.util.function.Supplier<List<Section>> library) {
        return linkTiered(sections, List.of(library));
    }

    /**
     * Links {@code sections} with libraries in tiers: each tier is only produced when references are still left that
     * nothing indexed so far defines (the custom-action library's fragments cost nothing to make; the dialog sets
     * are compiled from source), and earlier tiers win for ids defined twice.
     */
    public Linked linkTiered(List<Section> sections, List<java.util.function.Supplier<List<Section>>> libraries) {
        Section entry = null;
        for (Section s : sections) {
            if (!s.isEntry()) continue;
            if (entry == null) entry = s;
            else diagnostics.report(CompilerMessage.MULTIPLE_PRODUCTS, s.location(), entry.location());
        }
        if (entry == null) {
            diagnostics.report(CompilerMessage.NO_PRODUCT, sections.isEmpty() ? null : sections.get(0).location(), "Product, Package or Module");
            return null;
        }
        Map<SymbolKey, Section> definedIn = new HashMap<>();
        index(sections, definedIn);
        Set<Section> included = closure(entry, definedIn);
        for (var library : libraries) {
            if (!hasUnresolved(included, definedIn)) break;
            index(library.get(), definedIn);
            included = closure(entry, definedIn);
        }
        // each index of every symbol is let go as soon as it has served: at 100,000 files each held 300,000 entries,
        // and the link phase, holding them all at once beside the sections, set the build's highest heap
        definedIn = null;
        List<Symbol> symbols = new ArrayList<>();
        Map<SymbolKey, Symbol> seen = new HashMap<>();
        // where a symbol that a later definition may replace sits (only those: an overridable one is replaced, never
        // the one replacing it)
        Map<SymbolKey, Integer> position = new HashMap<>();
        for (Section s : included) {
            for (Symbol sym : s.symbols()) {
                SymbolKey k = sym.key();
                if (k != null) {
                    Symbol first = seen.get(k);
                    if (first != null) {
                        Symbol keep = resolveDuplicate(first, sym);
                        if (keep == first) continue;
                        if (keep == sym) {
                            symbols.set(position.get(k), sym);
                            seen.put(k, sym);
                            continue;
                        }
                        diagnostics.report(CompilerMessage.DUPLICATE_ID, sym.location(), label(k), k.id(), first.location());
                        continue;
                    }
                    seen.put(k, sym);
                    if (overridable(sym)) position.put(k, symbols.size());
                }
                symbols.add(sym);
            }
        }
        for (Section s : included) {
            for (Reference r : s.references()) {
                SymbolKey k = r.target();
                if (seen.containsKey(k) || r.optional()) continue;
                if (k.kind().equals("Directory") && StandardDirectories.isStandard(k.id())) {
                    Row implicit = implicitDirectory(k.id(), r);
                    seen.put(k, implicit);
                    symbols.add(0, implicit);
                    continue;
                }
                diagnostics.report(CompilerMessage.UNRESOLVED_REFERENCE, r.location(), label(k), k.id());
            }
        }
        seen = null;
        position = null;
        PackageSymbol identity = null;
        for (Symbol sym : symbols) if (sym instanceof PackageSymbol p) identity = p;
        if (identity == null) return null;
        GroupResolver groups = new GroupResolver(diagnostics, entry.type(), symbols);
        groups.resolve();
        if (groups.defaultFeature() != null) symbols.add(groups.defaultFeature());
        // group memberships are resolved into the features of each component now; the binder does not read them
        symbols.removeIf(s -> s instanceof dev.ssprkit.wix.model.Membership);
        return new Linked(entry.type(), identity, symbols, groups.featuresOfComponent(), groups.featureParents(), groups.featuresOfMerge());
    }

    private static void index(List<Section> sections, Map<SymbolKey, Section> definedIn) {
        for (Section s : sections) {
            for (Symbol sym : s.symbols()) {
                SymbolKey k = sym.key();
                if (k != null) definedIn.putIfAbsent(k, s);
            }
        }
    }

    /**
     * The entry and every section that defines something a kept section references, transitively. A reference to an
     * inline folder that its own section, or one already kept, defines pulls in nothing more: such a folder
     * ({@code Subdirectory="a\\b"}) is defined by every section that writes it, and WiX links only the sections that
     * are referenced (its DirectoryFixture.CanFindRedundantSubdirectoryInSecondSection: an unreferenced fragment
     * defining the same folder first is not linked).
     */
    private static Set<Section> closure(Section entry, Map<SymbolKey, Section> definedIn) {
        Set<Section> included = new LinkedHashSet<>();
        Set<SymbolKey> defined = new HashSet<>();
        Deque<Section> queue = new ArrayDeque<>();
        // sections reached only through optional references (a placement relative to another action) come after all
        // the others, so they never change the order, and with it the sequencing, of what the build had without them
        Deque<Section> optional = new ArrayDeque<>();
        queue.add(entry);
        while (!queue.isEmpty() || !optional.isEmpty()) {
            Section s = queue.isEmpty() ? optional.poll() : queue.poll();
            if (!included.add(s)) continue;
            for (Symbol sym : s.symbols()) {
                if (sym instanceof Row row && row.flag(Subdirectories.SHARED) && sym.key() != null) defined.add(sym.key());
            }
            for (Reference r : s.references()) {
                if (defined.contains(r.target())) continue;
                Section d = definedIn.get(r.target());
                if (d != null && !included.contains(d)) (r.optional() ? optional : queue).add(d);
            }
        }
        return included;
    }

    private static boolean hasUnresolved(Set<Section> included, Map<SymbolKey, Section> definedIn) {
        for (Section s : included) {
            for (Reference r : s.references()) {
                if (r.optional()) continue; // followed when the library is loaded for another reason, never a reason to load it
                if (!definedIn.containsKey(r.target()) && !(r.target().kind().equals("Directory") && StandardDirectories.isStandard(r.target().id()))) return true;
            }
        }
        return false;
    }

    /**
     * Which of two definitions with the same key stays: the first for identical shared rows (inline folders), the
     * non-overridable one of an overridable pair (WixVariable, scheduling); null when it is a real duplicate.
     */
    private static Symbol resolveDuplicate(Symbol first, Symbol second) {
        if (first instanceof Row a && second instanceof Row b && a.flag(Subdirectories.SHARED) && b.flag(Subdirectories.SHARED)
                && Arrays.equals(a.cells(), b.cells())) {
            return first;
        }
        if (first instanceof Row a && second instanceof Row b && a.flag(Subdirectories.SHARED) && b.flag(Subdirectories.SHARED)
                && java.util.Objects.equals(a.extra("Name"), b.extra("Name")) && java.util.Objects.equals(a.get(1), b.get(1))) {
            return first;
        }
        if (first instanceof WixVariableSymbol a && second instanceof WixVariableSymbol b) {
            if (a.overridable() && !b.overridable()) return second;
            if (b.overridable()) return first;
        }
        if (first instanceof Scheduled a && second instanceof Scheduled b) {
            if (a.overridable() && !b.overridable()) return second;
            if (b.overridable()) return first;
        }
        if (first instanceof Row a && second instanceof Row b && a.flag("Overridable") != b.flag("Overridable")) {
            return a.flag("Overridable") ? second : first;
        }
        return null;
    }

    /** Whether {@link #resolveDuplicate} may keep a later definition instead of {@code first}: it is overridable. */
    private static boolean overridable(Symbol first) {
        return first instanceof WixVariableSymbol v && v.overridable()
                || first instanceof Scheduled a && a.overridable()
                || first instanceof Row r && r.flag("Overridable");
    }

    private static Row implicitDirectory(String id, Reference r) {
        Row row = new Row(dev.ssprkit.msi.schema.StandardSchema.require("Directory"), r.location());
        row.set("Directory", id).set("Directory_Parent", id.equals("TARGETDIR") ? null : "TARGETDIR");
        row.extra("Name", StandardDirectories.defaultDir(id)).extra("Implicit", true);
        return row;
    }

    private static String label(SymbolKey k) {
        return k.kind().equals("WixAction") ? "scheduled action" : k.kind();
    }

    /** The key a Definition of the given kind has (used by tests and extensions). */
    public static SymbolKey definitionKey(Definition d) {
        return d.key();
    }
}
