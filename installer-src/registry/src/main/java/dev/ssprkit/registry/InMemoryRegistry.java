package dev.ssprkit.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A registry in memory, for tests and as the model behind {@link RegFile}. Keys and values keep their insertion
 * order and first spelling; lookups ignore case. The 32-bit view redirects {@code HKLM\SOFTWARE\...} to
 * {@code HKLM\SOFTWARE\Wow6432Node\...} as 64-bit Windows does (shared keys are not modelled).
 */
public class InMemoryRegistry implements RegistryStore {
    private record Named(String name, RegistryValue value) {}

    private final Map<RegistryKey, Map<String, Named>> keys = new LinkedHashMap<>();

    private static String norm(String name) {
        return name == null ? "" : name.toUpperCase(Locale.ROOT);
    }

    @Override
    public Optional<RegistryValue> get(RegistryKey key, String name) {
        Map<String, Named> values = keys.get(key);
        Named n = values == null ? null : values.get(norm(name));
        return n == null ? Optional.empty() : Optional.of(n.value());
    }

    @Override
    public void set(RegistryKey key, String name, RegistryValue value) {
        createKey(key);
        Map<String, Named> values = keys.get(key);
        Named old = values.get(norm(name));
        values.put(norm(name), new Named(old != null ? old.name() : (name == null ? "" : name), value));
    }

    @Override
    public boolean delete(RegistryKey key, String name) {
        Map<String, Named> values = keys.get(key);
        return values != null && values.remove(norm(name)) != null;
    }

    @Override
    public boolean keyExists(RegistryKey key) {
        return key.path().isEmpty() || keys.containsKey(key);
    }

    @Override
    public void createKey(RegistryKey key) {
        List<RegistryKey> chain = new ArrayList<>();
        for (RegistryKey k = key; k != null && !k.path().isEmpty(); k = k.parent()) chain.add(k);
        Collections.reverse(chain);
        for (RegistryKey k : chain) keys.computeIfAbsent(k, x -> new LinkedHashMap<>());
    }

    @Override
    public boolean deleteKey(RegistryKey key) {
        boolean existed = keys.containsKey(key);
        keys.keySet().removeIf(k -> k.isUnder(key));
        return existed;
    }

    @Override
    public Map<String, RegistryValue> values(RegistryKey key) {
        Map<String, RegistryValue> out = new LinkedHashMap<>();
        Map<String, Named> values = keys.get(key);
        if (values != null) for (Named n : values.values()) out.put(n.name(), n.value());
        return out;
    }

    @Override
    public List<String> subKeys(RegistryKey key) {
        List<String> out = new ArrayList<>();
        for (RegistryKey k : keys.keySet()) {
            RegistryKey parent = k.parent();
            if (parent != null && parent.equals(key) && !k.path().isEmpty()) out.add(k.path().substring(k.path().lastIndexOf('\\') + 1));
        }
        return out;
    }

    /** Every key, in insertion order (parents before children). */
    public List<RegistryKey> keys() {
        return new ArrayList<>(keys.keySet());
    }

    @Override
    public RegistryStore view(RegistryView view) {
        return view == RegistryView.BITS_32 ? new Redirected(this) : this;
    }

    /** {@code HKLM\SOFTWARE\X} of the 32-bit view, as stored: {@code HKLM\SOFTWARE\Wow6432Node\X}. */
    public static RegistryKey wow64(RegistryKey key) {
        RegistryKey software = RegistryKey.hklm("SOFTWARE");
        RegistryKey node = software.child("Wow6432Node");
        if (!key.isUnder(software) || key.isUnder(node)) return key;
        String rest = key.path().length() > "SOFTWARE".length() ? key.path().substring("SOFTWARE".length() + 1) : "";
        return rest.isEmpty() ? node : node.child(rest);
    }

    /** The 32-bit view of a store. */
    private record Redirected(RegistryStore store) implements RegistryStore {
        @Override public Optional<RegistryValue> get(RegistryKey key, String name) throws java.io.IOException { return store.get(wow64(key), name); }
        @Override public void set(RegistryKey key, String name, RegistryValue value) throws java.io.IOException { store.set(wow64(key), name, value); }
        @Override public boolean delete(RegistryKey key, String name) throws java.io.IOException { return store.delete(wow64(key), name); }
        @Override public boolean keyExists(RegistryKey key) throws java.io.IOException { return store.keyExists(wow64(key)); }
        @Override public void createKey(RegistryKey key) throws java.io.IOException { store.createKey(wow64(key)); }
        @Override public boolean deleteKey(RegistryKey key) throws java.io.IOException { return store.deleteKey(wow64(key)); }
        @Override public Map<String, RegistryValue> values(RegistryKey key) throws java.io.IOException { return store.values(wow64(key)); }
        @Override public List<String> subKeys(RegistryKey key) throws java.io.IOException { return store.subKeys(wow64(key)); }
    }
}
