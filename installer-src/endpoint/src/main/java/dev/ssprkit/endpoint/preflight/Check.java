package dev.ssprkit.endpoint.preflight;

/**
 * Every preflight check, with a stable id (reports and scripts key on it), its severity, title and fix. This is the
 * one table {@code sspr preflight}, the generated .cmd/.ps1 scripts ({@link PreflightScripts}) and the readiness
 * report all read; titles and fixes never contain {@code % ! ^} (the .cmd carries them verbatim).
 */
public enum Check {
    HIDE_FAST_USER_SWITCHING("PF001", Severity.BLOCKER, "Fast user switching is hidden (HideFastUserSwitching = 1)",
            "Set HideFastUserSwitching to 0 or remove it (Group Policy: \"Hide entry points for Fast User Switching\" = Disabled/Not configured)."),
    DONT_DISPLAY_LAST_USER_NAME("PF002", Severity.BLOCKER, "The last user name is not displayed (DontDisplayLastUserName = 1)",
            "Set DontDisplayLastUserName to 0 (\"Interactive logon: Don't display last signed-in\" = Disabled)."),
    CTRL_ALT_DEL_REQUIRED("PF003", Severity.BLOCKER, "Ctrl+Alt+Del is required at sign-in on Windows 10 before 1809 (DisableCAD = 0)",
            "Update Windows 10 to 1809 or later, or set DisableCAD to 1 (\"Interactive logon: Do not require CTRL+ALT+DEL\" = Enabled)."),
    UAC_DISABLED("PF004", Severity.BLOCKER, "User Account Control is off (EnableLUA = 0)",
            "Set EnableLUA to 1 and restart."),
    SMART_CARD_REQUIRED("PF005", Severity.BLOCKER, "Smart card sign-in is required (ScForceOption = 1)",
            "Set ScForceOption to 0 (\"Interactive logon: Require smart card\" = Disabled) for machines that use SSPR."),
    NO_LOCK_SCREEN("PF006", Severity.BLOCKER, "The lock screen is disabled (NoLockScreen = 1)",
            "Remove NoLockScreen or set it to 0 (\"Do not display the lock screen\" = Disabled/Not configured)."),
    LOCK_SCREEN_NOTIFICATIONS_OFF("PF007", Severity.BLOCKER, "Lock screen app notifications are turned off (DisableLockScreenAppNotifications = 1)",
            "Set DisableLockScreenAppNotifications to 0 (\"Turn off app notifications on the lock screen\" = Disabled/Not configured)."),
    BLOCK_NON_ADMIN_USER_INSTALL("PF008", Severity.BLOCKER, "Non-admin app installs are blocked (BlockNonAdminUserInstall = 1)",
            "Set BlockNonAdminUserInstall to 0 (\"Prevent non-admin users from installing packaged Windows apps\" = Disabled)."),
    CUSTOM_SHELL("PF009", Severity.BLOCKER, "A custom shell replaces explorer.exe",
            "Set Winlogon\\Shell back to explorer.exe on machines that use SSPR."),
    LOST_MODE("PF010", Severity.INFO, "Intune lost mode (EnableLostMode) cannot be checked locally",
            "Check in Intune that the device is not in lost mode; it has no known registry value."),
    COMBINATION("PF011", Severity.BLOCKER,
            "Ctrl+Alt+Del required + lock screen notifications off + content delivery policy enforced (or Home edition)",
            "Change any one of: DisableCAD = 1, DisableLockScreenAppNotifications = 0, IsContentDeliveryPolicyEnforced = 0."),
    DOT1X_BEFORE_LOGON("PF012", Severity.BLOCKER, "An 802.1X network profile authenticates immediately before user logon (singleSignOn type preLogon)",
            "Set the profile's single sign-on to \"Perform immediately after user logon\" (postLogon) or turn single sign-on off, then export it again."),
    USER_PROXY_ONLY("PF013", Severity.WARNING, "A proxy is set per user but not for the machine (WinHTTP); the sign-in screen uses only the machine-level proxy",
            "Set the machine-level proxy (netsh winhttp set proxy, or import it from the user's settings with netsh winhttp import proxy source=ie)."),
    EXTRA_CREDENTIAL_PROVIDERS("PF014", Severity.WARNING, "More than one third-party credential provider is registered: users see more than one user tile",
            "Disable the credential providers you do not need (DWORD Disabled = 1 under their Credential Providers key, or the ExcludedCredentialProviders policy)."),
    TLS12_NOT_ENABLED("PF020", Severity.BLOCKER, "TLS 1.2 is not enabled (auto-negotiation alone is not enough)",
            "Run 'sspr tls enable' (or import the TLS 1.2 .reg file) and restart."),
    WINDOWS10_TOO_OLD("PF021", Severity.BLOCKER, "Windows 10 before 1803 has no \"Reset password\" at the sign-in screen",
            "Update to Windows 10 1803 or later."),
    HOME_EDITION("PF022", Severity.WARNING, "Home edition: the Intune policy cannot be applied",
            "Use Pro, Enterprise or Education, or set AllowPasswordReset locally."),
    POLICY_NOT_SET("PF023", Severity.WARNING, "AllowPasswordReset is not 1 in the registry",
            "Deploy the Intune OMA-URI ./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset = 1, or set the policy value."),
    ADDIN_NOT_INSTALLED("PF024", Severity.WARNING, "The SSPR logon add-in (credential provider) is not registered",
            "Install SsprWindowsLogon.PROD.msi (msiexec /i ... /qn) and restart."),
    UNSUPPORTED_OS("PF025", Severity.BLOCKER, "This Windows version supports neither the logon add-in nor the Windows 10 feature",
            "Use Windows 7 SP1, 8.1, or Windows 10 1803 or later."),
    ENDPOINT_UNREACHABLE("PF030", Severity.BLOCKER, "A required endpoint is unreachable on port 443",
            "Allow outbound HTTPS to this host (a machine-level proxy only; per-user proxies are not used at the sign-in screen).");

    public final String id;
    public final Severity severity;
    public final String title;
    public final String remediation;

    Check(String id, Severity severity, String title, String remediation) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.remediation = remediation;
    }

    /** The check with this id, or null. */
    public static Check byId(String id) {
        for (Check c : values()) if (c.id.equals(id)) return c;
        return null;
    }

    Finding finding(String key, String valueName, String found) {
        return new Finding(id, severity, title, key, valueName, found, remediation);
    }
}
