package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.endpoint.Tls12Settings;
import dev.ssprkit.endpoint.DwordSwitch;
import dev.ssprkit.registry.Hive;
import dev.ssprkit.registry.RegistryKey;
import dev.ssprkit.registry.RegistryStore;
import dev.ssprkit.registry.RegistryValue;
import dev.ssprkit.registry.ValueType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a machine's registry and OS facts for every setting in the domain notes' table that breaks "Reset password"
 * at the sign-in screen ({@link PreflightTable}), the combinations and neighbours the notes imply (802.1X before
 * logon, a per-user-only proxy, extra credential providers), the platform prerequisites (TLS 1.2 on Windows 7/8.1,
 * Windows 10 1803+, the policy) and whether the service endpoints answer on port 443 (through a {@link Probe}).
 *
 * <p>The order of the findings is part of the contract: the generated .cmd emits them in the same order.
 */
public final class Preflight {
    /** The name every report from this class carries in {@code source}. */
    public static final String SOURCE = "sspr preflight";

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
        for (ValueRule rule : PreflightTable.VALUE_RULES) valueRule(out, rule);
        out.add(Check.LOST_MODE.finding(null, null, null));
        combination(out);
        dot1x(out);
        userProxyOnly(out);
        credentialProviders(out);
        platform(out);
        reachability(out);
        String machine = store.string(SsprKeys.COMPUTER_NAME, "ComputerName").orElse(null);
        return new PreflightReport(machine, SOURCE, os.describe(), os, List.copyOf(out));
    }

    private void valueRule(List<Finding> out, ValueRule rule) throws IOException {
        switch (rule.kind()) {
            case DWORD_EQUALS -> {
                Optional<Integer> v = store.dword(rule.key(), rule.value());
                if (v.isEmpty() || v.get() != rule.badDword()) return;
                String found = "0x" + Integer.toHexString(v.get());
                if (rule.scope() == ValueRule.Scope.WINDOWS10_BEFORE_1809) {
                    if (!(os.isWindows10() && os.build() < OsFacts.BUILD_1809)) return;
                    found += " on build " + os.build();
                }
                out.add(rule.check().finding(rule.key().toString(), rule.value(), found));
            }
            case STRING_OTHER_THAN -> {
                Optional<String> v = store.string(rule.key(), rule.value());
                if (v.isPresent() && !v.get().strip().equalsIgnoreCase(rule.bad())) {
                    out.add(rule.check().finding(rule.key().toString(), rule.value(), '"' + v.get() + '"'));
                }
            }
        }
    }

    private boolean dwordIs(RegistryKey key, String name, int value) throws IOException {
        Optional<Integer> v = store.dword(key, name);
        return v.isPresent() && v.get() == value;
    }

    private void combination(List<Finding> out) throws IOException {
        boolean cadRequired = dwordIs(SsprKeys.SYSTEM_POLICIES, "DisableCAD", 0);
        boolean notificationsOff = dwordIs(SsprKeys.WINDOWS_SYSTEM_POLICY, "DisableLockScreenAppNotifications", 1);
        boolean enforced = dwordIs(options.contentDeliveryKey(), PreflightTable.CONTENT_DELIVERY_VALUE, 1);
        if (cadRequired && notificationsOff && (enforced || os.isHomeEdition())) {
            out.add(Check.COMBINATION.finding(SsprKeys.SYSTEM_POLICIES + " + " + SsprKeys.WINDOWS_SYSTEM_POLICY + (enforced ? " + " + options.contentDeliveryKey() : ""),
                    "DisableCAD + DisableLockScreenAppNotifications + " + (enforced ? PreflightTable.CONTENT_DELIVERY_VALUE : "EditionID"),
                    "0x0, 0x1, " + (enforced ? "0x1" : os.edition())));
        }
    }

    private void dot1x(List<Finding> out) throws IOException {
        if (options.networkProfiles() == null) return;
        for (String file : NetworkProfiles.preLogon(options.networkProfiles())) {
            out.add(Check.DOT1X_BEFORE_LOGON.finding(null, null, file + " (singleSignOn type preLogon)"));
        }
    }

    /** Windows 10+ honours only the machine-level proxy at the sign-in screen: flag users whose proxy the machine lacks. */
    private void userProxyOnly(List<Finding> out) throws IOException {
        if (!os.isWindows10OrLater() || machineProxy()) return;
        List<String> users = new ArrayList<>(store.subKeys(new RegistryKey(Hive.HKU, "")));
        users.sort(String.CASE_INSENSITIVE_ORDER);
        for (String sid : users) {
            if (!isUserSid(sid)) continue;
            RegistryKey k = new RegistryKey(Hive.HKU, sid + "\\" + SsprKeys.USER_INTERNET_SETTINGS);
            if (dwordIs(k, "ProxyEnable", 1)) {
                out.add(Check.USER_PROXY_ONLY.finding(k.toString(), "ProxyEnable", "0x1; machine-level WinHTTP proxy: none"));
                return;
            }
            if (store.string(k, "AutoConfigURL").filter(u -> !u.isBlank()).isPresent()) {
                out.add(Check.USER_PROXY_ONLY.finding(k.toString(), "AutoConfigURL", "set; machine-level WinHTTP proxy: none"));
                return;
            }
        }
    }

    /** A loaded user hive, not .DEFAULT, the service accounts (S-1-5-18/19/20) or a *_Classes hive. */
    static boolean isUserSid(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.startsWith("S-1-5-") && !n.endsWith("_CLASSES") && !n.equals("S-1-5-18") && !n.equals("S-1-5-19") && !n.equals("S-1-5-20");
    }

    /** WinHttpSettings' flags (bytes 8-11, little-endian; same layout as WinINet's DefaultConnectionSettings) name a proxy. */
    private boolean machineProxy() throws IOException {
        Optional<RegistryValue> v = store.get(SsprKeys.WINHTTP_CONNECTIONS, "WinHttpSettings");
        if (v.isEmpty() || v.get().type() != ValueType.REG_BINARY) return false;
        byte[] b = v.get().asBytes();
        return b.length > PreflightTable.WINHTTP_FLAGS_OFFSET && (b[PreflightTable.WINHTTP_FLAGS_OFFSET] & PreflightTable.WINHTTP_PROXY_FLAGS) != 0;
    }

    private void credentialProviders(List<Finding> out) throws IOException {
        List<String> clsids = new ArrayList<>(store.subKeys(SsprKeys.CREDENTIAL_PROVIDERS));
        clsids.sort(String.CASE_INSENSITIVE_ORDER);
        List<String> thirdParty = new ArrayList<>();
        for (String clsid : clsids) {
            if (dwordIs(SsprKeys.CREDENTIAL_PROVIDERS.child(clsid), "Disabled", 1)) continue;
            boolean sspr = clsid.equalsIgnoreCase(SsprKeys.CREDENTIAL_PROVIDER_CLSID);
            Optional<String> dll = store.string(SsprKeys.CLASSES_CLSID.child(clsid).child("InprocServer32"), null);
            if (sspr || dll.filter(Preflight::isThirdPartyDll).isPresent()) thirdParty.add(clsid);
        }
        if (thirdParty.size() > 1) {
            out.add(Check.EXTRA_CREDENTIAL_PROVIDERS.finding(SsprKeys.CREDENTIAL_PROVIDERS.toString(), null,
                    thirdParty.size() + " third-party credential providers: " + String.join(", ", thirdParty)));
        }
    }

    /** In a folder, and not in System32 (Windows' own providers all live there: %SystemRoot%\system32\...). */
    static boolean isThirdPartyDll(String path) {
        return path.indexOf('\\') >= 0 && !path.toLowerCase(Locale.ROOT).contains("\\" + PreflightTable.SYSTEM_FOLDER);
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
}
