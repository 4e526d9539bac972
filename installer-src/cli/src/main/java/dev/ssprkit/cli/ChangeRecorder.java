package dev.ssprkit.cli;

import dev.ssprkit.registry.RegFile;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For {@code --emit-reg}: reads see a base store (live, a .reg export, or empty) with the changes on top; writes go
 * only to a {@link RegFile}, which becomes the emitted .reg file. The base is never modified.
 */
final class ChangeRecorder implements RegistryStore {
    private final RegistryStore base;
    private final RegFile changes = new RegFile();

    ChangeRecorder(RegistryStore base) {
        this.base = base;
    }

    RegFile changes() {
        return changes;
    }

    private boolean deleted(RegistryKey key, String name) {
        for (RegistryKey k : changes.deletedKeys()) if (key.isUnder(k) && !changes.keyExists(key)) return true;
        var names = changes.deletedValues().get(key);
        return names != null && names.stream().anyMatch(n -> n.equalsIgnoreCase(name == null ? "" : name));
    }

    @Override
    public Optional<RegistryValue> get(RegistryKey key, String name) throws IOException {
        Optional<RegistryValue> v = changes.get(key, name);
        if (v.isPresent()) return v;
        return deleted(key, name) ? Optional.empty() : base.get(key, name);
    }

    @Override
    public void set(RegistryKey key, String name, RegistryValue value) {
        changes.set(key, name, value);
    }

    @Override
    public boolean delete(RegistryKey key, String name) throws IOException {
        boolean had = get(key, name).isPresent();
        changes.delete(key, name);
        return had;
    }

    @Override
    public boolean keyExists(RegistryKey key) throws IOException {
        if (changes.keyExists(key)) return true;
        for (RegistryKey k : changes.deletedKeys()) if (key.isUnder(k)) return false;
        return base.keyExists(key);
    }

    @Override
    public void createKey(RegistryKey key) {
        changes.createKey(key);
    }

    @Override
    public boolean deleteKey(RegistryKey key) throws IOException {
        boolean had = keyExists(key);
        changes.deleteKey(key);
        return had;
    }

    @Override
    public Map<String, RegistryValue> values(RegistryKey key) throws IOException {
        Map<String, RegistryValue> out = new LinkedHashMap<>();
        for (var e : base.values(key).entrySet()) if (!deleted(key, e.getKey())) out.put(e.getKey(), e.getValue());
        out.putAll(changes.values(key));
        return out;
    }

    @Override
    public List<String> subKeys(RegistryKey key) throws IOException {
        List<String> out = new ArrayList<>();
        for (String s : base.subKeys(key)) if (keyExists(key.child(s))) out.add(s);
        for (String s : changes.subKeys(key)) if (out.stream().noneMatch(s::equalsIgnoreCase)) out.add(s);
        return out;
    }
}
