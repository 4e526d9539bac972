/*
 * WixBroadcastSettingChange / WixBroadcastEnvironmentChange: tell every top-level window that settings (or the
 * environment) changed, with WM_SETTINGCHANGE, so running programs pick up what the package wrote. Immediate actions
 * scheduled after InstallFinalize with Return="ignore": a window that does not answer never fails the install.
 */
#include "ca.h"

static UINT broadcast(MSIHANDLE h, const WCHAR *entry, const WCHAR *area)
{
    ca_log_begin(h, entry);
    DWORD_PTR answer = 0;
    /* SMTO_ABORTIFHUNG: a hung window costs nothing; 5 s for the others, as a program's answer should be quick. */
    LRESULT sent = SendMessageTimeoutW(HWND_BROADCAST, WM_SETTINGCHANGE, 0, (LPARAM)area, SMTO_ABORTIFHUNG, 5000, &answer);
    if (!sent) {
        DWORD e = GetLastError();
        ca_log(h, L"WM_SETTINGCHANGE (%ls) broadcast did not complete (error %lu); programs see the change when restarted",
               area ? area : L"all settings", (unsigned long)e);
        return ERROR_SUCCESS;
    }
    ca_log(h, L"WM_SETTINGCHANGE (%ls) broadcast to all top-level windows", area ? area : L"all settings");
    return ERROR_SUCCESS;
}

CA_EXPORT WixBroadcastSettingChange(MSIHANDLE h) { return broadcast(h, L"WixBroadcastSettingChange", NULL); }
CA_EXPORT WixBroadcastEnvironmentChange(MSIHANDLE h) { return broadcast(h, L"WixBroadcastEnvironmentChange", L"Environment"); }
