/*
 * Two small actions about the install as a whole:
 *  - WixFailWhenDeferred (deferred): fails on purpose, so that a package can test its rollback (WiX schedules it before
 *    InstallFinalize under the condition WIXFAILWHENDEFERRED=1);
 *  - WixCheckRebootRequired (immediate, after InstallFinalize): turns a reboot that one of our deferred actions needed
 *    (noted with ca_note_reboot_required) into the session's reboot request.
 */
#include "ca.h"

CA_EXPORT WixFailWhenDeferred(MSIHANDLE h)
{
    ca_log_begin(h, L"WixFailWhenDeferred");
    if (!ca_is_deferred(h)) {
        ca_log(h, L"scheduled as an immediate action; it fails only inside the install script, so nothing happens");
        return ERROR_SUCCESS;
    }
    ca_log(h, L"failing on purpose (WIXFAILWHENDEFERRED) so that the install rolls back");
    return ERROR_INSTALL_FAILURE;
}

CA_EXPORT WixCheckRebootRequired(MSIHANDLE h)
{
    ca_log_begin(h, L"WixCheckRebootRequired");
    if (!ca_take_reboot_note()) {
        ca_log(h, L"no deferred action asked for a reboot");
        return ERROR_SUCCESS;
    }
    UINT er = MsiSetMode(h, MSIRUNMODE_REBOOTATEND, TRUE);
    if (er != ERROR_SUCCESS) return ca_fail_win32(h, L"requesting a reboot at the end (MsiSetMode)", er);
    ca_log(h, L"a deferred action needed a reboot: reboot requested at the end of the install");
    return ERROR_SUCCESS;
}

/*
 * util:ExitEarlyWithSuccess: ends the installation at once, as a success. The SDK's "Custom Action Return Values"
 * page: ERROR_NO_MORE_ITEMS from an immediate action skips the remaining actions and is not an error; WiX schedules
 * the action after FindRelatedProducts when NEWERVERSIONDETECTED, so an older package run over a newer one quietly
 * does nothing.
 */
CA_EXPORT WixExitEarlyWithSuccess(MSIHANDLE h)
{
    ca_log_begin(h, L"WixExitEarlyWithSuccess");
    ca_log(h, L"a newer version is installed: the remaining actions are skipped and the installation ends as a success");
    return ERROR_NO_MORE_ITEMS;
}
