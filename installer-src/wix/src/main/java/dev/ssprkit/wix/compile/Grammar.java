package dev.ssprkit.wix.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which element may appear under which parent, and who compiles it. Core elements are in the document's WiX
 * namespace (v3 or v4+, one handler for both); extension elements are registered under their extension's id and
 * found through any of its namespaces. Families register; {@link Children} looks up.
 */
public final class Grammar {
    /** The element names that start a section: the entry elements and Fragment. */
    public static final String[] SECTIONS = {"Product", "Package", "Module", "Fragment"};
    private static final String CORE = "";

    private final Map<String, ElementHandler> handlers = new HashMap<>();
    private final Map<String, Set<String>> parentsOf = new HashMap<>();
    private final Map<String, WixExtension> byNamespace = new HashMap<>();
    private final List<WixExtension> extensions = new ArrayList<>();
    private String registering = CORE;

    /** The grammar with the core families and every built-in extension. */
    public static Grammar standard() {
        Grammar g = new Grammar();
        for (ElementFamily f : CoreFamilies.all()) f.register(g);
        for (WixExtension x : Extensions.builtIn()) g.add(x);
        return g;
    }

    public void add(WixExtension extension) {
        extensions.add(extension);
        for (String ns : extension.namespaces()) byNamespace.put(ns, extension);
        String was = registering;
        registering = extension.id();
        try {
            for (ElementFamily f : extension.families()) f.register(this);
        } finally {
            registering = was;
        }
    }

    /**
     * Registers {@code handler} for {@code element} under each of {@code parents} (local names; {@link #SECTIONS}
     * for the section level). Inside an extension's families the element is in the extension's namespace.
     */
    public Grammar on(String element, ElementHandler handler, String... parents) {
        for (String parent : parents) {
            String key = key(registering, parent, element);
            if (handlers.putIfAbsent(key, handler) != null) {
                throw new IllegalStateException("two handlers for <" + element + "> under <" + parent + ">" + (registering.isEmpty() ? "" : " in extension " + registering));
            }
            parentsOf.computeIfAbsent(registering + "|" + element, k -> new TreeSet<>()).add(parent);
        }
        return this;
    }

    /**
     * Lets an element registered under {@code registeredUnder} also appear under {@code parents}, with the same
     * handler (UI may hold Property and Binary as a section may, "for document organization" as WiX says).
     */
    public Grammar also(String element, String registeredUnder, String... parents) {
        ElementHandler h = handlers.get(key(registering, registeredUnder, element));
        if (h == null) throw new IllegalStateException("<" + element + "> is not registered under <" + registeredUnder + ">");
        return on(element, h, parents);
    }

    /** Registers a core element (in the document's namespace) even while an extension's families register. */
    public Grammar core(String element, ElementHandler handler, String... parents) {
        String was = registering;
        registering = CORE;
        try {
            return on(element, handler, parents);
        } finally {
            registering = was;
        }
    }

    /** The handler for a core child, or null. */
    public ElementHandler core(String parent, String element) {
        return handlers.get(key(CORE, parent, element));
    }

    /** The handler for an extension's child, or null. */
    public ElementHandler extension(WixExtension x, String parent, String element) {
        return handlers.get(key(x.id(), parent, element));
    }

    /** The parents a core or extension element is registered under (empty when it is not registered anywhere). */
    public Set<String> parentsOf(WixExtension x, String element) {
        return parentsOf.getOrDefault((x == null ? CORE : x.id()) + "|" + element, Collections.emptySet());
    }

    /** Core children registered under {@code parent}, for messages. */
    public Set<String> childrenOf(String parent) {
        Set<String> out = new TreeSet<>();
        String prefix = CORE + "|" + parent + "|";
        for (String k : handlers.keySet()) if (k.startsWith(prefix)) out.add(k.substring(prefix.length()));
        return out;
    }

    public WixExtension extensionFor(String namespaceUri) {
        return byNamespace.get(namespaceUri);
    }

    public List<WixExtension> extensions() {
        return Collections.unmodifiableList(extensions);
    }

    /** The extension a command line names, or null. */
    public WixExtension extensionNamed(String name) {
        for (WixExtension x : extensions) if (x.answersTo(name)) return x;
        return null;
    }

    private static String key(String ext, String parent, String element) {
        return ext + "|" + parent + "|" + element;
    }

    static Set<String> set(String... names) {
        return new HashSet<>(List.of(names));
    }
}
