package dev.ssprkit.endpoint;

import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;
import dev.ssprkit.registry.ValueType;

import java.io.IOException;
import java.util.Optional;

/**
 * How a DWORD setting reads, the one rule every status check uses: absent; a DWORD with its value; or present with
 * another type, which is unexpected (a REG_SZ "1" is not "on", and it is not "absent" either: something wrote it).
 */
public record DwordReading(RegistryKey key, String name, Optional<RegistryValue> found) {

    public static DwordReading read(RegistryStore store, RegistryKey key, String name) throws IOException {
        return new DwordReading(key, name, store.get(key, name));
    }

    public boolean absent() {
        return found.isEmpty();
    }

    /** The DWORD's value, or empty when the value is absent or not a DWORD. */
    public Optional<Integer> dword() {
        return found.filter(v -> v.type() == ValueType.REG_DWORD).map(RegistryValue::asInt);
    }

    /** True when the value is a DWORD equal to {@code expected}. */
    public boolean is(int expected) {
        return dword().map(v -> v == expected).orElse(false);
    }

    /** What was found, for people: absent, or the value as regedit shows it. */
    public String display() {
        return found.map(RegistryValue::display).orElse("absent");
    }
}
