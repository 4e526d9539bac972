package dev.ssprkit.endpoint;

import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;

import java.io.IOException;
import java.util.Optional;

/**
 * The add-in's verbose logging: REG_DWORD {@code EnableLogging} (1 on, 0 off) under the credential provider's key.
 * Events go to the Application log, source {@code AADPasswordResetCredentialProvider}. For troubleshooting only.
 */
public final class LoggingSwitch {
    public static final String VALUE = "EnableLogging";

    public enum State { ON, OFF, NOT_SET, UNEXPECTED }

    private final RegistryStore store;

    public LoggingSwitch(RegistryStore store) {
        this.store = store;
    }

    public void enable() throws IOException {
        store.set(SsprKeys.CREDENTIAL_PROVIDER, VALUE, RegistryValue.dword(1));
    }

    public void disable() throws IOException {
        store.set(SsprKeys.CREDENTIAL_PROVIDER, VALUE, RegistryValue.dword(0));
    }

    public State status() throws IOException {
        Optional<RegistryValue> v = store.get(SsprKeys.CREDENTIAL_PROVIDER, VALUE);
        if (v.isEmpty()) return State.NOT_SET;
        if (v.get().type() != dev.ssprkit.registry.ValueType.REG_DWORD) return State.UNEXPECTED;
        return switch (v.get().asInt()) {
            case 1 -> State.ON;
            case 0 -> State.OFF;
            default -> State.UNEXPECTED;
        };
    }
}
