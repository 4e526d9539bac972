/*
 * WixShellExec: opens the formatted value of WixShellExecTarget through the Windows shell with its default verb
 * (a document with its registered program, a URL in the browser, a program started), and does not wait for it.
 * As WiX documents it, this is an immediate action only.
 */
#include "ca.h"
#include <shellapi.h>

CA_EXPORT WixShellExec(MSIHANDLE h)
{
    ca_log_begin(h, L"WixShellExec");
    if (ca_is_deferred(h)) {
        ca_log(h, L"WixShellExec runs as an immediate action only (it reads WixShellExecTarget)");
        return ERROR_INSTALL_FAILURE;
    }
    WCHAR *target = NULL;
    UINT er = ca_get_formatted_property(h, L"WixShellExecTarget", &target);
    if (er != ERROR_SUCCESS) return er;
    if (!target[0]) {
        ca_free(target);
        ca_log(h, L"nothing to open: property WixShellExecTarget is empty");
        return ERROR_INSTALL_FAILURE;
    }
    if (ca_wcslen_bounded(target, CA_MAX_PATH) > CA_MAX_PATH) {
        ca_free(target);
        ca_log(h, L"WixShellExecTarget is longer than %lu characters", (unsigned long)CA_MAX_PATH);
        return ERROR_INSTALL_FAILURE;
    }
    ca_log(h, L"opening %ls", target);
    SHELLEXECUTEINFOW sei = {0};
    sei.cbSize = sizeof(sei);
    sei.fMask = SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI;
    sei.lpFile = target;
    sei.nShow = SW_SHOWDEFAULT;
    if (ShellExecuteExW(&sei)) {
        ca_log(h, L"opened");
        er = ERROR_SUCCESS;
    } else {
        er = ca_fail_win32(h, L"ShellExecuteEx", GetLastError());
    }
    ca_free(target);
    return er;
}
