package dev.ssprkit.wix.compile.link;

import dev.ssprkit.wix.compile.Compiler;
import dev.ssprkit.wix.compile.files.StandardDirectories;
import dev.ssprkit.wix.compile.model.Kind;
import dev.ssprkit.wix.compile.model.Reference;
import dev.ssprkit.wix.compile.model.Section;
import dev.ssprkit.wix.compile.model.Symbol;
import dev.ssprkit.wix.compile.model.Symbols;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The link phase, as light does it: starts from the one product section, pulls in every fragment that defines a
 * symbol a pulled-in section references (transitively), then checks ids are unique and every reference resolves.
 * TARGETDIR and the standard folders are defined implicitly when referenced.
 */
public final class Linker {
    private final Diagnostics diagnostics;

    public Linker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public Linked link(List<Compiler.Compiled> compiled, boolean v4) {
        Compiler.Compiled product = null;
        for (Compiler.Compiled c : compiled) {
            if (c.product() == null) continue;
            if (product == null) product = c;
            else diagnostics.report(CompilerMessage.MULTIPLE_PRODUCTS, c.section().location(), product.section().location());
        }
        if (product == null) {
            diagnostics.report(CompilerMessage.NO_PRODUCT, compiled.isEmpty() ? null : compiled.get(0).section().location(), v4 ? "Package" : "Product");
            return null;
        }
        Map<String, Section> definedIn = new HashMap<>();
        for (Compiler.Compiled c : compiled) {
            for (Object o : c.section().items()) {
                if (o instanceof Symbol s) definedIn.putIfAbsent(key(s.kind(), s.id()), c.section());
            }
        }
        Set<Section> included = new LinkedHashSet<>();
        Deque<Section> queue = new ArrayDeque<>();
        queue.add(product.section());
        while (!queue.isEmpty()) {
            Section s = queue.poll();
            if (!included.add(s)) continue;
            for (Reference r : s.references()) {
                Section d = definedIn.get(key(r.kind(), r.id()));
                if (d != null && !included.contains(d)) queue.add(d);
            }
        }
        List<Object> items = new ArrayList<>();
        Map<String, Symbol> seen = new HashMap<>();
        for (Section s : included) {
            for (Object o : s.items()) {
                if (o instanceof Symbol sym) {
                    Symbol first = seen.putIfAbsent(key(sym.kind(), sym.id()), sym);
                    if (first != null) {
                        diagnostics.report(CompilerMessage.DUPLICATE_ID, sym.location(), sym.kind().label(), sym.id(), first.location());
                        continue;
                    }
                }
                items.add(o);
            }
        }
        for (Section s : included) {
            for (Reference r : s.references()) {
                String k = key(r.kind(), r.id());
                if (seen.containsKey(k)) continue;
                if (r.kind() == Kind.DIRECTORY && (r.id().equals("TARGETDIR") || StandardDirectories.NAMES.contains(r.id()))) {
                    Symbols.Directory implicit = new Symbols.Directory(r.id(), r.id().equals("TARGETDIR") ? null : "TARGETDIR",
                            r.id().equals("TARGETDIR") ? "SourceDir" : ".", r.location());
                    seen.put(k, implicit);
                    items.add(0, implicit);
                    continue;
                }
                diagnostics.report(CompilerMessage.UNRESOLVED_REFERENCE, r.location(), r.kind().label(), r.id());
                seen.put(k, null); // report each dangling id once per use site only
            }
        }
        return new Linked(product.product(), items);
    }

    private static String key(Kind kind, String id) {
        return kind + "/" + id;
    }
}
