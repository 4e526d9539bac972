package dev.ssprkit.wix.compile.link;

import dev.ssprkit.wix.compile.model.Kind;
import dev.ssprkit.wix.compile.model.Symbol;
import dev.ssprkit.wix.compile.model.Symbols;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The linked product: its identity, and every item of the sections it pulls in, in source order. */
public final class Linked {
    private final Symbols.Product product;
    private final List<Object> items;
    private final Map<Kind, Map<String, Symbol>> symbols = new EnumMap<>(Kind.class);

    Linked(Symbols.Product product, List<Object> items) {
        this.product = product;
        this.items = List.copyOf(items);
        for (Object o : items) {
            if (o instanceof Symbol s) symbols.computeIfAbsent(s.kind(), k -> new LinkedHashMap<>()).putIfAbsent(s.id(), s);
        }
    }

    public Symbols.Product product() {
        return product;
    }

    public List<Object> items() {
        return items;
    }

    public <T> Stream<T> all(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast);
    }

    public Symbol get(Kind kind, String id) {
        return symbols.getOrDefault(kind, Map.of()).get(id);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Kind kind, String id, Class<T> type) {
        Symbol s = get(kind, id);
        return type.isInstance(s) ? (T) s : null;
    }
}
