/* Properties and formatting (MsiGetProperty, MsiFormatRecord), always sized first and bounded. */
#include "ca.h"

UINT ca_get_property(MSIHANDLE h, const WCHAR *name, WCHAR **out)
{
    *out = NULL;
    WCHAR probe[1] = {0};
    DWORD n = 0;
    UINT er = MsiGetPropertyW(h, name, probe, &n);
    if (er != ERROR_MORE_DATA && er != ERROR_SUCCESS) return ca_fail_win32(h, L"MsiGetProperty", er);
    if (n > CA_MAX_VALUE) {
        ca_log(h, L"property %ls is %lu characters long; at most %lu are accepted", name, (unsigned long)n, (unsigned long)CA_MAX_VALUE);
        return ERROR_INSTALL_FAILURE;
    }
    DWORD cap = n + 1;
    WCHAR *buf = ca_alloc((size_t)cap * sizeof(WCHAR));
    if (!buf) return ca_fail_win32(h, L"allocating a property buffer", ERROR_OUTOFMEMORY);
    er = MsiGetPropertyW(h, name, buf, &cap);
    if (er != ERROR_SUCCESS) {
        ca_free(buf);
        /* The value changed between the two calls (another thread set it): refuse rather than guess. */
        return ca_fail_win32(h, L"MsiGetProperty", er);
    }
    buf[n] = 0;
    *out = buf;
    return ERROR_SUCCESS;
}

UINT ca_format(MSIHANDLE h, const WCHAR *templ, WCHAR **out)
{
    *out = NULL;
    if (!templ || !templ[0]) {
        /* An empty template is a null field 0, which MsiFormatRecord would expand to "1: ..." (every field). */
        *out = ca_wcsdup(L"");
        return *out ? ERROR_SUCCESS : ca_fail_win32(h, L"allocating a format buffer", ERROR_OUTOFMEMORY);
    }
    MSIHANDLE rec = MsiCreateRecord(1);
    if (!rec) return ca_fail_win32(h, L"MsiCreateRecord", ERROR_OUTOFMEMORY);
    UINT er = MsiRecordSetStringW(rec, 0, templ);
    if (er != ERROR_SUCCESS) {
        MsiCloseHandle(rec);
        return ca_fail_win32(h, L"MsiRecordSetString", er);
    }
    WCHAR probe[1] = {0};
    DWORD n = 0;
    er = MsiFormatRecordW(h, rec, probe, &n);
    if (er != ERROR_MORE_DATA && er != ERROR_SUCCESS) {
        MsiCloseHandle(rec);
        return ca_fail_win32(h, L"MsiFormatRecord", er);
    }
    if (n > CA_MAX_VALUE) {
        MsiCloseHandle(rec);
        ca_log(h, L"a formatted value is %lu characters long; at most %lu are accepted", (unsigned long)n, (unsigned long)CA_MAX_VALUE);
        return ERROR_INSTALL_FAILURE;
    }
    DWORD cap = n + 1;
    WCHAR *buf = ca_alloc((size_t)cap * sizeof(WCHAR));
    if (!buf) {
        MsiCloseHandle(rec);
        return ca_fail_win32(h, L"allocating a format buffer", ERROR_OUTOFMEMORY);
    }
    er = MsiFormatRecordW(h, rec, buf, &cap);
    MsiCloseHandle(rec);
    if (er != ERROR_SUCCESS) {
        ca_free(buf);
        return ca_fail_win32(h, L"MsiFormatRecord", er);
    }
    buf[n] = 0;
    *out = buf;
    return ERROR_SUCCESS;
}

UINT ca_get_formatted_property(MSIHANDLE h, const WCHAR *name, WCHAR **out)
{
    WCHAR *raw = NULL;
    *out = NULL;
    UINT er = ca_get_property(h, name, &raw);
    if (er != ERROR_SUCCESS) return er;
    er = ca_format(h, raw, out);
    ca_free(raw);
    return er;
}

UINT ca_set_property(MSIHANDLE h, const WCHAR *name, const WCHAR *value)
{
    UINT er = MsiSetPropertyW(h, name, value);
    if (er != ERROR_SUCCESS) {
        ca_log(h, L"could not set property %ls", name);
        return ca_fail_win32(h, L"MsiSetProperty", er);
    }
    return ERROR_SUCCESS;
}

BOOL ca_is_deferred(MSIHANDLE h)
{
    return MsiGetMode(h, MSIRUNMODE_SCHEDULED) || MsiGetMode(h, MSIRUNMODE_ROLLBACK) || MsiGetMode(h, MSIRUNMODE_COMMIT);
}
