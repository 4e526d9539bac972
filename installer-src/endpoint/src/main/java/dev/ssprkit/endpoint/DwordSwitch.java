package dev.ssprkit.endpoint;

import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;

import java.io.IOException;

/**
 * A setting that is one REG_DWORD, 1 on and 0 off: the add-in's verbose logging and the Windows 10/11 policy are
 * both one, so they are set and read the same way ({@link DwordReading}: anything but DWORD 0 or 1 is
 * {@link State#UNEXPECTED}, whichever switch it is).
 */
public record DwordSwitch(RegistryKey key, String value) {
    /**
     * The add-in's verbose logging: {@code EnableLogging} under the credential provider's key. Events go to the
     * Application log, source {@code AADPasswordResetCredentialProvider}. For troubleshooting only.
     */
    public static final DwordSwitch LOGGING = new DwordSwitch(SsprKeys.CREDENTIAL_PROVIDER, "EnableLogging");

    /**
     * Windows 10/11 "Reset password" at the sign-in screen: {@code AllowPasswordReset} under
     * {@code HKLM\SOFTWARE\Policies\Microsoft\AzureADAccount}, what the Intune OMA-URI
     * {@code ./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset} sets.
     */
    public static final DwordSwitch WIN10_PASSWORD_RESET = new DwordSwitch(SsprKeys.AZURE_AD_ACCOUNT_POLICY, "AllowPasswordReset");

    public enum State { ON, OFF, NOT_SET, UNEXPECTED }

    /** The state and what it was read from. */
    public record Status(State state, DwordReading reading) {}

    /** Writes DWORD 1 ({@code on}) or 0. */
    public void set(RegistryStore store, boolean on) throws IOException {
        store.set(key, value, RegistryValue.dword(on ? 1 : 0));
    }

    public Status status(RegistryStore store) throws IOException {
        DwordReading r = DwordReading.read(store, key, value);
        State state = r.absent() ? State.NOT_SET : r.is(1) ? State.ON : r.is(0) ? State.OFF : State.UNEXPECTED;
        return new Status(state, r);
    }

    /** {@code KEY\VALUE}, for messages. */
    public String where() {
        return key + "\\" + value;
    }
}
