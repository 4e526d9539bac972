package dev.ssprkit.endpoint;

import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;

import java.io.IOException;
import java.util.Optional;

/**
 * Windows 10/11 "Reset password" at the sign-in screen: DWORD {@code AllowPasswordReset} = 1 under
 * {@code HKLM\SOFTWARE\Policies\Microsoft\AzureADAccount} (what the Intune OMA-URI
 * {@code ./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset} sets).
 */
public final class Win10Policy {
    public static final String VALUE = "AllowPasswordReset";
    public static final String OMA_URI = "./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset";

    public enum State { ENABLED, DISABLED, NOT_SET }

    private final RegistryStore store;

    public Win10Policy(RegistryStore store) {
        this.store = store;
    }

    public void enable() throws IOException {
        store.set(SsprKeys.AZURE_AD_ACCOUNT_POLICY, VALUE, RegistryValue.dword(1));
    }

    public void disable() throws IOException {
        store.set(SsprKeys.AZURE_AD_ACCOUNT_POLICY, VALUE, RegistryValue.dword(0));
    }

    public State status() throws IOException {
        Optional<Integer> v = store.dword(SsprKeys.AZURE_AD_ACCOUNT_POLICY, VALUE);
        if (v.isEmpty()) return State.NOT_SET;
        return v.get() == 1 ? State.ENABLED : State.DISABLED;
    }
}
