package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.endpoint.SsprKeys;

import java.util.List;

import static dev.ssprkit.endpoint.preflight.ValueRule.Kind.DWORD_EQUALS;
import static dev.ssprkit.endpoint.preflight.ValueRule.Kind.STRING_OTHER_THAN;
import static dev.ssprkit.endpoint.preflight.ValueRule.Scope.ANY;
import static dev.ssprkit.endpoint.preflight.ValueRule.Scope.WINDOWS10_BEFORE_1809;

/**
 * The registry rows of the domain notes' table (shared/docs/domain.md, "Settings that break Reset password at the
 * sign-in screen"), declared once. {@link Preflight} evaluates them; {@link PreflightScripts} turns the same list into
 * the .cmd's and the .ps1's code, so a row added here appears everywhere.
 */
public final class PreflightTable {
    private PreflightTable() {}

    public static final List<ValueRule> VALUE_RULES = List.of(
            new ValueRule(Check.HIDE_FAST_USER_SWITCHING, SsprKeys.SYSTEM_POLICIES, "HideFastUserSwitching", DWORD_EQUALS, "1", "0", ANY),
            new ValueRule(Check.DONT_DISPLAY_LAST_USER_NAME, SsprKeys.SYSTEM_POLICIES, "DontDisplayLastUserName", DWORD_EQUALS, "1", "0", ANY),
            new ValueRule(Check.CTRL_ALT_DEL_REQUIRED, SsprKeys.SYSTEM_POLICIES, "DisableCAD", DWORD_EQUALS, "0", "1", WINDOWS10_BEFORE_1809),
            new ValueRule(Check.UAC_DISABLED, SsprKeys.SYSTEM_POLICIES, "EnableLUA", DWORD_EQUALS, "0", "1", ANY),
            new ValueRule(Check.SMART_CARD_REQUIRED, SsprKeys.SYSTEM_POLICIES, "ScForceOption", DWORD_EQUALS, "1", "0", ANY),
            new ValueRule(Check.NO_LOCK_SCREEN, SsprKeys.PERSONALIZATION_POLICY, "NoLockScreen", DWORD_EQUALS, "1", "0", ANY),
            new ValueRule(Check.LOCK_SCREEN_NOTIFICATIONS_OFF, SsprKeys.WINDOWS_SYSTEM_POLICY, "DisableLockScreenAppNotifications", DWORD_EQUALS, "1", "0", ANY),
            new ValueRule(Check.BLOCK_NON_ADMIN_USER_INSTALL, SsprKeys.APPX_POLICY, "BlockNonAdminUserInstall", DWORD_EQUALS, "1", "0", ANY),
            new ValueRule(Check.CUSTOM_SHELL, SsprKeys.WINLOGON, "Shell", STRING_OTHER_THAN, "explorer.exe", "explorer.exe", ANY));

    /** The combination (PF011): DisableCAD = 0 + DisableLockScreenAppNotifications = 1 + IsContentDeliveryPolicyEnforced = 1 (or Home). */
    public static final String CONTENT_DELIVERY_VALUE = "IsContentDeliveryPolicyEnforced";

    /** PF013: bits of WinHttpSettings' flags DWORD (byte 8) that mean a proxy is used: 0x2 fixed proxy, 0x4 auto-config URL. */
    public static final int WINHTTP_PROXY_FLAGS = 0x6;
    public static final int WINHTTP_FLAGS_OFFSET = 8;

    /** PF014: a provider whose DLL path has a folder that is not System32 is a third party's. */
    public static final String SYSTEM_FOLDER = "system32";
}
