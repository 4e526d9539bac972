package dev.ssprkit.endpoint;

import dev.ssprkit.registry.RegistryKey;

/** Registry locations from the domain notes (shared/docs/domain.md), written once. */
public final class SsprKeys {
    private SsprKeys() {}

    /** The SSPR logon add-in's credential provider CLSID. */
    public static final String CREDENTIAL_PROVIDER_CLSID = "{86D2F0AC-2171-46CF-9998-4E33B3D7FD4F}";

    /** Every credential provider LogonUI loads has a subkey here named by its CLSID. */
    public static final RegistryKey CREDENTIAL_PROVIDERS = RegistryKey.hklm(
            "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\Credential Providers");

    public static final RegistryKey CREDENTIAL_PROVIDER = CREDENTIAL_PROVIDERS.child(CREDENTIAL_PROVIDER_CLSID);

    /** COM registrations of the machine ({@code HKCR\CLSID} as stored): {@code {CLSID}\InprocServer32} names a provider's DLL. */
    public static final RegistryKey CLASSES_CLSID = RegistryKey.hklm("SOFTWARE\\Classes\\CLSID");

    /** The machine-level WinHTTP proxy: REG_BINARY {@code WinHttpSettings} here (what {@code netsh winhttp set proxy} writes). */
    public static final RegistryKey WINHTTP_CONNECTIONS = RegistryKey.hklm("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections");

    /** Below each user's hive: ProxyEnable / AutoConfigURL, the per-user (WinINet) proxy. */
    public static final String USER_INTERNET_SETTINGS = "Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";

    /** The computer's NetBIOS name, value {@code ComputerName}. */
    public static final RegistryKey COMPUTER_NAME = RegistryKey.hklm("SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName");

    public static final RegistryKey AZURE_AD_ACCOUNT_POLICY = RegistryKey.hklm("SOFTWARE\\Policies\\Microsoft\\AzureADAccount");

    public static final RegistryKey SYSTEM_POLICIES = RegistryKey.hklm("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System");
    public static final RegistryKey PERSONALIZATION_POLICY = RegistryKey.hklm("SOFTWARE\\Policies\\Microsoft\\Windows\\Personalization");
    public static final RegistryKey WINDOWS_SYSTEM_POLICY = RegistryKey.hklm("SOFTWARE\\Policies\\Microsoft\\Windows\\System");
    public static final RegistryKey APPX_POLICY = RegistryKey.hklm("SOFTWARE\\Policies\\Microsoft\\Windows\\Appx");
    public static final RegistryKey WINLOGON = RegistryKey.hklm("SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon");
    public static final RegistryKey CURRENT_VERSION = RegistryKey.hklm("SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
    public static final RegistryKey SESSION_ENVIRONMENT = RegistryKey.hklm("SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment");
    /**
     * Where IsContentDeliveryPolicyEnforced is looked for. <em>Unconfirmed</em>: the domain notes name the value but
     * not its key; this default can be overridden in {@link dev.ssprkit.endpoint.preflight.PreflightOptions}.
     */
    public static final RegistryKey CONTENT_DELIVERY_DEFAULT = RegistryKey.hklm("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\ContentDeliveryManager");
}
