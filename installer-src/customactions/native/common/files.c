/* Whole-file reads and writes, folder creation, the WOW64 file-system view and the reboot note. */
#include "ca.h"

BOOL ca_path_exists(const WCHAR *path)
{
    return GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES;
}

BOOL ca_path_is_directory(const WCHAR *path)
{
    DWORD a = GetFileAttributesW(path);
    return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY);
}

DWORD ca_read_file(const WCHAR *path, BYTE **bytes, size_t *n, size_t max)
{
    *bytes = NULL;
    *n = 0;
    HANDLE f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (f == INVALID_HANDLE_VALUE) return GetLastError();
    LARGE_INTEGER size;
    if (!GetFileSizeEx(f, &size)) {
        DWORD e = GetLastError();
        CloseHandle(f);
        return e;
    }
    if (size.QuadPart < 0 || (unsigned long long)size.QuadPart > max) {
        CloseHandle(f);
        return ERROR_FILE_TOO_LARGE;
    }
    size_t total = (size_t)size.QuadPart;
    BYTE *buf = ca_alloc(total ? total : 1);
    if (!buf) {
        CloseHandle(f);
        return ERROR_OUTOFMEMORY;
    }
    size_t done = 0;
    while (done < total) {
        DWORD chunk = total - done > 1u << 20 ? 1u << 20 : (DWORD)(total - done), got = 0;
        if (!ReadFile(f, buf + done, chunk, &got, NULL)) {
            DWORD e = GetLastError();
            ca_free(buf);
            CloseHandle(f);
            return e;
        }
        if (got == 0) break; /* the file shrank while we read it: keep what is there */
        done += got;
    }
    CloseHandle(f);
    *bytes = buf;
    *n = done;
    return ERROR_SUCCESS;
}

DWORD ca_write_file(const WCHAR *path, const BYTE *bytes, size_t n)
{
    cs_t tmp;
    cs_init(&tmp, CA_MAX_PATH);
    cs_append(&tmp, path);
    cs_append(&tmp, L".ssprkit-tmp");
    if (tmp.failed) {
        cs_free(&tmp);
        return ERROR_FILENAME_EXCED_RANGE;
    }
    HANDLE f = CreateFileW(tmp.p, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (f == INVALID_HANDLE_VALUE) {
        DWORD e = GetLastError();
        cs_free(&tmp);
        return e;
    }
    size_t done = 0;
    DWORD e = ERROR_SUCCESS;
    while (done < n) {
        DWORD chunk = n - done > 1u << 20 ? 1u << 20 : (DWORD)(n - done), put = 0;
        if (!WriteFile(f, bytes + done, chunk, &put, NULL) || put == 0) {
            e = GetLastError();
            if (e == ERROR_SUCCESS) e = ERROR_WRITE_FAULT;
            break;
        }
        done += put;
    }
    if (!CloseHandle(f) && e == ERROR_SUCCESS) e = GetLastError();
    if (e == ERROR_SUCCESS && !MoveFileExW(tmp.p, path, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) e = GetLastError();
    if (e != ERROR_SUCCESS) DeleteFileW(tmp.p);
    cs_free(&tmp);
    return e;
}

DWORD ca_create_folders(const WCHAR *path)
{
    size_t n = ca_wcslen_bounded(path, CA_MAX_PATH);
    if (n == 0 || n > CA_MAX_PATH) return ERROR_BAD_PATHNAME;
    WCHAR *copy = ca_wcsdup(path);
    if (!copy) return ERROR_OUTOFMEMORY;
    DWORD e = ERROR_SUCCESS;
    /* Skip the drive or server part ("C:\", "\\server\share\"): those are never created. */
    size_t i = 0;
    if (n >= 2 && copy[1] == L':') i = 3;
    else if (n >= 2 && copy[0] == L'\\' && copy[1] == L'\\') {
        int seps = 0;
        for (i = 2; i < n && seps < 2; i++) if (copy[i] == L'\\') seps++;
    }
    for (; i <= n && e == ERROR_SUCCESS; i++) {
        if (i == n || copy[i] == L'\\' || copy[i] == L'/') {
            WCHAR saved = copy[i];
            copy[i] = 0;
            if (copy[0] && !ca_path_is_directory(copy) && !CreateDirectoryW(copy, NULL)) {
                DWORD ce = GetLastError();
                if (ce != ERROR_ALREADY_EXISTS) e = ce;
            }
            copy[i] = saved;
        }
    }
    ca_free(copy);
    return e;
}

typedef BOOL (WINAPI *disable_fn)(PVOID *);
typedef BOOL (WINAPI *revert_fn)(PVOID);

void ca_wow64_disable_redirection(MSIHANDLE h, ca_wow64_t *w)
{
    w->old = NULL;
    w->active = FALSE;
#ifndef _WIN64
    BOOL wow = FALSE;
    if (!IsWow64Process(GetCurrentProcess(), &wow) || !wow) return; /* 32-bit Windows: there is only one view */
    HMODULE k = GetModuleHandleW(L"kernel32.dll");
    disable_fn disable = k ? (disable_fn)(void *)GetProcAddress(k, "Wow64DisableWow64FsRedirection") : NULL;
    if (disable && disable(&w->old)) {
        w->active = TRUE;
        ca_log(h, L"running with the 64-bit file system view");
    } else {
        ca_log(h, L"could not switch to the 64-bit file system view; paths resolve in the 32-bit view");
    }
#else
    (void)h;
#endif
}

void ca_wow64_restore(ca_wow64_t *w)
{
#ifndef _WIN64
    if (!w->active) return;
    HMODULE k = GetModuleHandleW(L"kernel32.dll");
    revert_fn revert = k ? (revert_fn)(void *)GetProcAddress(k, "Wow64RevertWow64FsRedirection") : NULL;
    if (revert) revert(w->old);
#endif
    w->active = FALSE;
}

/* A deferred action cannot call MsiSetMode(MSIRUNMODE_REBOOTATEND); it leaves this global atom instead, and
 * WixCheckRebootRequired (immediate, after InstallFinalize) turns it into the reboot request. */
#define REBOOT_ATOM L"ssprkit.DeferredActionRequiresReboot"

void ca_note_reboot_required(MSIHANDLE h)
{
    if (!GlobalFindAtomW(REBOOT_ATOM)) GlobalAddAtomW(REBOOT_ATOM);
    ca_log(h, L"a reboot is required to finish; noted for WixCheckRebootRequired");
}

BOOL ca_take_reboot_note(void)
{
    ATOM a = GlobalFindAtomW(REBOOT_ATOM);
    if (!a) return FALSE;
    while (GlobalDeleteAtom(a) == 0 && GlobalFindAtomW(REBOOT_ATOM)) {
        /* each GlobalAddAtom counted a reference: drop them all */
        a = GlobalFindAtomW(REBOOT_ATOM);
    }
    return TRUE;
}
