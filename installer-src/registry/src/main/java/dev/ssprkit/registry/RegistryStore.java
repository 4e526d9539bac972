package dev.ssprkit.registry;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry access behind one interface: the machine's registry on Windows ({@link WindowsRegistry}), a .reg file
 * ({@link RegFile}) or memory ({@link InMemoryRegistry}). Value names compare case-insensitively; {@code null} or
 * {@code ""} is the key's default value. Failures of the backing store are {@link IOException}s.
 */
public interface RegistryStore {
    Optional<RegistryValue> get(RegistryKey key, String name) throws IOException;

    /** Sets a value, creating the key and its parents. */
    void set(RegistryKey key, String name, RegistryValue value) throws IOException;

    /** Deletes a value; false when it did not exist. */
    boolean delete(RegistryKey key, String name) throws IOException;

    boolean keyExists(RegistryKey key) throws IOException;

    /** Creates a key (and its parents) without values. */
    void createKey(RegistryKey key) throws IOException;

    /** Deletes a key with everything below it; false when it did not exist. */
    boolean deleteKey(RegistryKey key) throws IOException;

    /** The values of a key by name, in the store's order; empty when the key does not exist. */
    Map<String, RegistryValue> values(RegistryKey key) throws IOException;

    /** The names of the direct subkeys; empty when the key does not exist. */
    List<String> subKeys(RegistryKey key) throws IOException;

    /** This store seen through a view (see {@link RegistryView}); stores without views return themselves. */
    default RegistryStore view(RegistryView view) {
        return this;
    }

    /** A DWORD value, or empty when absent or of another type. */
    default Optional<Integer> dword(RegistryKey key, String name) throws IOException {
        return get(key, name).filter(v -> v.type() == ValueType.REG_DWORD).map(RegistryValue::asInt);
    }

    /** A string value (REG_SZ or REG_EXPAND_SZ), or empty. */
    default Optional<String> string(RegistryKey key, String name) throws IOException {
        return get(key, name).filter(v -> v.type() == ValueType.REG_SZ || v.type() == ValueType.REG_EXPAND_SZ).map(RegistryValue::asString);
    }
}
