package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.endpoint.Tls12Settings;
import dev.ssprkit.endpoint.DwordSwitch;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a machine's registry and OS facts for every setting in the domain notes' table that breaks "Reset password"
 * at the sign-in screen, the platform prerequisites (TLS 1.2 on Windows 7/8.1, Windows 10 1803+, the policy) and
 * whether the service endpoints answer on port 443 (through a {@link Probe}).
 */
public final class Preflight {
    private final RegistryStore store;
    private final OsFacts os;
    private final Probe probe;
    private final PreflightOptions options;

    public Preflight(RegistryStore store, OsFacts os, Probe probe, PreflightOptions options) {
        this.store = store;
        this.os = os;
        this.probe = probe;
        this.options = options;
    }

    public PreflightReport run() throws IOException {
        List<Finding> out = new ArrayList<>();
        RegistryKey sys = SsprKeys.SYSTEM_POLICIES;
        equalsOne(out, Check.HIDE_FAST_USER_SWITCHING, sys, "HideFastUserSwitching", 1);
        equalsOne(out, Check.DONT_DISPLAY_LAST_USER_NAME, sys, "DontDisplayLastUserName", 1);
        Optional<Integer> disableCad = store.dword(sys, "DisableCAD");
        boolean cadRequired = disableCad.isPresent() && disableCad.get() == 0;
        if (cadRequired && os.isWindows10() && os.build() < OsFacts.BUILD_1809) {
            out.add(Check.CTRL_ALT_DEL_REQUIRED.finding(sys.toString(), "DisableCAD", "0x0 on build " + os.build()));
        }
        equalsOne(out, Check.UAC_DISABLED, sys, "EnableLUA", 0);
        equalsOne(out, Check.SMART_CARD_REQUIRED, sys, "ScForceOption", 1);
        equalsOne(out, Check.NO_LOCK_SCREEN, SsprKeys.PERSONALIZATION_POLICY, "NoLockScreen", 1);
        boolean notificationsOff = equalsOne(out, Check.LOCK_SCREEN_NOTIFICATIONS_OFF, SsprKeys.WINDOWS_SYSTEM_POLICY, "DisableLockScreenAppNotifications", 1);
        equalsOne(out, Check.BLOCK_NON_ADMIN_USER_INSTALL, SsprKeys.APPX_POLICY, "BlockNonAdminUserInstall", 1);
        Optional<String> shell = store.string(SsprKeys.WINLOGON, "Shell");
        if (shell.isPresent() && !shell.get().strip().equalsIgnoreCase("explorer.exe")) {
            out.add(Check.CUSTOM_SHELL.finding(SsprKeys.WINLOGON.toString(), "Shell", '"' + shell.get() + '"'));
        }
        out.add(Check.LOST_MODE.finding(null, null, null));

        Optional<Integer> contentDelivery = store.dword(options.contentDeliveryKey(), "IsContentDeliveryPolicyEnforced");
        boolean enforced = contentDelivery.isPresent() && contentDelivery.get() == 1;
        if (cadRequired && notificationsOff && (enforced || os.isHomeEdition())) {
            out.add(Check.COMBINATION.finding(sys + " + " + SsprKeys.WINDOWS_SYSTEM_POLICY + (enforced ? " + " + options.contentDeliveryKey() : ""),
                    "DisableCAD + DisableLockScreenAppNotifications + " + (enforced ? "IsContentDeliveryPolicyEnforced" : "EditionID"),
                    "0x0, 0x1, " + (enforced ? "0x1" : os.edition())));
        }

        platform(out);
        reachability(out);
        return new PreflightReport(os.describe(), os, List.copyOf(out));
    }

    private void platform(List<Finding> out) throws IOException {
        if (os.isAddInPlatform()) {
            Tls12Settings.Status tls = new Tls12Settings(store, os.is64Bit()).status();
            if (!tls.enabled()) {
                List<String> found = new ArrayList<>();
                for (Tls12Settings.ValueStatus v : tls.problems()) {
                    found.add(v.key() + "\\" + v.name() + " = " + (v.found() == null ? "absent" : "0x" + Long.toHexString(v.found())) + " (" + v.verdict() + ")");
                }
                out.add(Check.TLS12_NOT_ENABLED.finding(null, null, String.join("; ", found)));
            }
            if (!store.keyExists(SsprKeys.CREDENTIAL_PROVIDER)) {
                out.add(Check.ADDIN_NOT_INSTALLED.finding(SsprKeys.CREDENTIAL_PROVIDER.toString(), null, "key absent"));
            }
        } else if (os.isWindows10OrLater()) {
            if (os.isWindows10() && os.build() < OsFacts.BUILD_1803) {
                out.add(Check.WINDOWS10_TOO_OLD.finding(SsprKeys.CURRENT_VERSION.toString(), "CurrentBuildNumber", Integer.toString(os.build())));
            }
            if (os.isHomeEdition()) out.add(Check.HOME_EDITION.finding(SsprKeys.CURRENT_VERSION.toString(), "EditionID", os.edition()));
            DwordSwitch.Status policy = DwordSwitch.WIN10_PASSWORD_RESET.status(store);
            if (policy.state() != DwordSwitch.State.ON) {
                out.add(Check.POLICY_NOT_SET.finding(SsprKeys.AZURE_AD_ACCOUNT_POLICY.toString(), DwordSwitch.WIN10_PASSWORD_RESET.value(),
                        policy.reading().display()));
            }
        } else {
            out.add(Check.UNSUPPORTED_OS.finding(null, null, os.describe()));
        }
    }

    private void reachability(List<Finding> out) {
        List<String> hosts = new ArrayList<>(options.endpoints());
        if (os.isWindows10OrLater()) hosts.addAll(options.windows10Endpoints());
        for (String host : hosts) {
            String why = probe.unreachableReason(host, 443, options.probeTimeout());
            if (why != null) {
                out.add(new Finding(Check.ENDPOINT_UNREACHABLE.id, Check.ENDPOINT_UNREACHABLE.severity,
                        Check.ENDPOINT_UNREACHABLE.title + ": " + host, null, null, host + ":443 " + why, Check.ENDPOINT_UNREACHABLE.remediation));
            }
        }
    }

    /** Adds the finding when the DWORD equals {@code bad}; returns whether it did. */
    private boolean equalsOne(List<Finding> out, Check check, RegistryKey key, String name, int bad) throws IOException {
        Optional<Integer> v = store.dword(key, name);
        if (v.isPresent() && v.get() == bad) {
            out.add(check.finding(key.toString(), name, "0x" + Integer.toHexString(v.get())));
            return true;
        }
        return false;
    }
}
