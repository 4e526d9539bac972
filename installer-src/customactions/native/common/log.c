/* Logging into the MSI log through MsiProcessMessage (INSTALLMESSAGE_INFO). */
#include "ca.h"
#include <stdio.h>

/* The entry point being run. Windows Installer runs one custom action at a time per install session, and each of our
 * entry points sets this first thing, so a plain static is enough. */
static WCHAR log_prefix[80] = L"ssprkit";

void ca_log_begin(MSIHANDLE h, const WCHAR *entry)
{
    size_t n = ca_wcslen_bounded(entry, 79);
    if (n > 79) n = 79;
    memcpy(log_prefix, entry, n * sizeof(WCHAR));
    log_prefix[n] = 0;
    ca_log(h, L"ssprkit custom action library, entry point %ls", entry);
}

/* One line, sent as field 1 of a record whose template is "[1]": the text itself is never formatted again, so
 * brackets in a logged command or file name stay as they are. */
static void log_line(MSIHANDLE h, const WCHAR *text)
{
    MSIHANDLE rec = MsiCreateRecord(1);
    if (!rec) return;
    MsiRecordSetStringW(rec, 0, L"[1]");
    MsiRecordSetStringW(rec, 1, text);
    MsiProcessMessage(h, INSTALLMESSAGE_INFO, rec);
    MsiCloseHandle(rec);
}

void ca_log(MSIHANDLE h, const WCHAR *fmt, ...)
{
    WCHAR body[CA_LOG_LINE];
    WCHAR line[CA_LOG_LINE + 96];
    va_list ap;
    va_start(ap, fmt);
    int n = _vsnwprintf(body, CA_LOG_LINE - 1, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= CA_LOG_LINE - 1) {
        /* Too long for one line: keep what fits and say so. */
        body[CA_LOG_LINE - 5] = 0;
        wcscat(body, L"...");
    } else {
        body[n] = 0;
    }
    _snwprintf(line, sizeof(line) / sizeof(line[0]) - 1, L"%ls: %ls", log_prefix, body);
    line[sizeof(line) / sizeof(line[0]) - 1] = 0;
    log_line(h, line);
}

void ca_log_text(MSIHANDLE h, const WCHAR *prefix, const WCHAR *text, size_t len)
{
    size_t start = 0;
    while (start < len) {
        size_t end = start;
        while (end < len && text[end] != L'\n' && end - start < CA_LOG_LINE - 200) end++;
        size_t stop = end;
        if (stop > start && text[stop - 1] == L'\r') stop--;
        WCHAR piece[CA_LOG_LINE];
        size_t n = stop - start;
        memcpy(piece, text + start, n * sizeof(WCHAR));
        piece[n] = 0;
        ca_log(h, L"%ls%ls", prefix, piece);
        start = end < len && text[end] == L'\n' ? end + 1 : end;
    }
}

static void win32_message(DWORD error, WCHAR *buf, DWORD cap)
{
    DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, error, 0, buf, cap, NULL);
    if (n == 0 || n >= cap) {
        _snwprintf(buf, cap - 1, L"system error");
        buf[cap - 1] = 0;
        return;
    }
    while (n > 0 && (buf[n - 1] == L'\r' || buf[n - 1] == L'\n' || buf[n - 1] == L' ' || buf[n - 1] == L'.')) buf[--n] = 0;
}

UINT ca_fail_win32(MSIHANDLE h, const WCHAR *what, DWORD error)
{
    WCHAR msg[256];
    win32_message(error, msg, 256);
    ca_log(h, L"%ls failed: %ls (error %lu)", what, msg, (unsigned long)error);
    return ERROR_INSTALL_FAILURE;
}

UINT ca_fail_hr(MSIHANDLE h, const WCHAR *what, HRESULT hr)
{
    WCHAR msg[256];
    win32_message((DWORD)hr, msg, 256);
    ca_log(h, L"%ls failed: %ls (HRESULT 0x%08lx)", what, msg, (unsigned long)hr);
    return ERROR_INSTALL_FAILURE;
}
