/*
 * util:InternetShortcut: shortcuts to URLs, created by the install script and removed by Windows Installer.
 *
 * WixSchedInternetShortcuts (immediate, before RemoveFolders) reads the shortcut table
 *   v4 Wix4InternetShortcut / v3 WixInternetShortcut:
 *   key, Component_, Directory_, Name (file name with its .url/.lnk extension), Target (formatted), Attributes
 *   (0 = .lnk through the shell, 1 = .url), IconFile (formatted), IconIndex
 * and, for every shortcut whose component is being installed, adds a temporary CreateFolder row (so the folder is
 * created, and removed again on uninstall, by Windows Installer) and one record to the CustomActionData of the
 * deferred create action and of its rollback. Those two actions are scheduled in the sequence (WixCreateInternet-
 * Shortcuts after CreateShortcuts, WixRollbackInternetShortcuts just before it), so their data is set as properties
 * named after them. Uninstall needs no code: the compiler adds a RemoveFile row for each shortcut, as WiX does.
 */
#include "ca.h"
#include <shlobj.h>
#include <objidl.h>

static const WCHAR *create_action(ca_gen_t gen)
{
    return gen == CA_GEN_V4 ? L"Wix4CreateInternetShortcuts" CA_ARCH_V4 : L"WixCreateInternetShortcuts" CA_ARCH_V3;
}

static const WCHAR *rollback_action(ca_gen_t gen)
{
    return gen == CA_GEN_V4 ? L"Wix4RollbackInternetShortcuts" CA_ARCH_V4 : L"WixRollbackInternetShortcuts" CA_ARCH_V3;
}

static void add_create_folder(MSIHANDLE h, const WCHAR *directory, const WCHAR *component)
{
    if (!ca_table_exists(h, L"CreateFolder")) {
        ca_log(h, L"the package has no CreateFolder table; the create action makes the folder itself");
        return;
    }
    MSIHANDLE view = 0;
    if (ca_open_view(h, L"SELECT `Directory_`, `Component_` FROM `CreateFolder`", &view) != ERROR_SUCCESS) return;
    MSIHANDLE rec = MsiCreateRecord(2);
    if (rec) {
        MsiRecordSetStringW(rec, 1, directory);
        MsiRecordSetStringW(rec, 2, component);
        /* Fails harmlessly when the row exists already. */
        MsiViewModify(view, MSIMODIFY_INSERT_TEMPORARY, rec);
        MsiCloseHandle(rec);
    }
    MsiCloseHandle(view);
}

CA_EXPORT WixSchedInternetShortcuts(MSIHANDLE h)
{
    ca_log_begin(h, L"WixSchedInternetShortcuts");
    ca_gen_t gen = ca_generation(h, L"Wix4InternetShortcut", L"WixInternetShortcut");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4InternetShortcut or WixInternetShortcut table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `InternetShortcut`, `Component_`, `Directory_`, `Name`, `Target`, `Attributes`, `IconFile`, `IconIndex` FROM `Wix4InternetShortcut`"
        : L"SELECT `WixInternetShortcut`, `Component_`, `Directory_`, `Name`, `Target`, `Attributes`, `IconFile`, `IconIndex` FROM `WixInternetShortcut`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cs_t create, rollback;
    cs_init(&create, CA_MAX_VALUE);
    cs_init(&rollback, CA_MAX_VALUE);
    UINT result = ERROR_SUCCESS;
    unsigned count = 0;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *id = NULL, *component = NULL, *directory = NULL, *name = NULL, *target_raw = NULL, *icon_raw = NULL;
        WCHAR *target = NULL, *icon = NULL, *folder = NULL;
        if (ca_record_string(h, rec, 1, &id) || ca_record_string(h, rec, 2, &component) || ca_record_string(h, rec, 3, &directory)
            || ca_record_string(h, rec, 4, &name) || ca_record_string(h, rec, 5, &target_raw) || ca_record_string(h, rec, 7, &icon_raw)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (!ca_component_installing(h, component)) goto next;
        int kind = ca_record_int(rec, 6, 0) & 1;
        int icon_index = ca_record_int(rec, 8, 0);
        if (!name[0] || wcspbrk(name, L"\\/:*?\"<>|")) {
            ca_log(h, L"shortcut %ls: '%ls' is not a file name", id, name);
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (ca_format(h, target_raw, &target) || ca_format(h, icon_raw, &icon)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        DWORD n = 0;
        WCHAR probe[1] = {0};
        UINT er = MsiGetTargetPathW(h, directory, probe, &n);
        if (er != ERROR_MORE_DATA && er != ERROR_SUCCESS) {
            ca_log(h, L"shortcut %ls: directory %ls has no target path", id, directory);
            result = ca_fail_win32(h, L"MsiGetTargetPath", er);
            goto next;
        }
        if (n > CA_MAX_PATH) {
            ca_log(h, L"shortcut %ls: the path of directory %ls is too long", id, directory);
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        DWORD cap = n + 1;
        folder = ca_alloc((size_t)cap * sizeof(WCHAR));
        if (!folder || MsiGetTargetPathW(h, directory, folder, &cap) != ERROR_SUCCESS) {
            result = ca_fail_win32(h, L"MsiGetTargetPath", ERROR_OUTOFMEMORY);
            goto next;
        }
        cs_t path;
        cs_init(&path, CA_MAX_PATH);
        cs_append(&path, folder);
        if (path.len && path.p[path.len - 1] != L'\\') cs_append_char(&path, L'\\');
        cs_append(&path, name);
        if (path.failed) {
            ca_log(h, L"shortcut %ls: path too long", id);
            result = ERROR_INSTALL_FAILURE;
        } else {
            add_create_folder(h, directory, component);
            cad_put_int(&create, kind);
            cad_put(&create, path.p);
            cad_put(&create, target);
            cad_put(&create, icon);
            cad_put_int(&create, icon_index);
            cad_put(&rollback, path.p);
            count++;
            ca_log(h, L"shortcut %ls: %ls -> %ls", id, path.p, target);
        }
        cs_free(&path);
    next:
        ca_free(id); ca_free(component); ca_free(directory); ca_free(name); ca_free(target_raw); ca_free(icon_raw);
        ca_free(target); ca_free(icon); ca_free(folder);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    if (result == ERROR_SUCCESS && (create.failed || rollback.failed)) {
        ca_log(h, L"too much shortcut data");
        result = ERROR_INSTALL_FAILURE;
    }
    if (result == ERROR_SUCCESS) {
        result = ca_set_property(h, create_action(gen), create.p ? create.p : L"");
        if (result == ERROR_SUCCESS) result = ca_set_property(h, rollback_action(gen), rollback.p ? rollback.p : L"");
        if (result == ERROR_SUCCESS) ca_log(h, L"%u shortcut(s) to create", count);
    }
    cs_free(&create);
    cs_free(&rollback);
    return result;
}

/* A .url file is an INI file: [InternetShortcut] URL=..., with optional IconFile/IconIndex. */
static DWORD write_url(const WCHAR *path, const WCHAR *target, const WCHAR *icon, int icon_index)
{
    DeleteFileW(path);
    if (!WritePrivateProfileStringW(L"InternetShortcut", L"URL", target, path)) return GetLastError();
    if (icon && icon[0]) {
        WCHAR index[16];
        _snwprintf(index, 15, L"%d", icon_index);
        index[15] = 0;
        if (!WritePrivateProfileStringW(L"InternetShortcut", L"IconFile", icon, path)) return GetLastError();
        if (!WritePrivateProfileStringW(L"InternetShortcut", L"IconIndex", index, path)) return GetLastError();
    }
    WritePrivateProfileStringW(NULL, NULL, NULL, path); /* flush the profile cache */
    return ERROR_SUCCESS;
}

static HRESULT write_lnk(const WCHAR *path, const WCHAR *target, const WCHAR *icon, int icon_index)
{
    IShellLinkW *link = NULL;
    IPersistFile *file = NULL;
    HRESULT hr = CoCreateInstance(&CLSID_ShellLink, NULL, CLSCTX_INPROC_SERVER, &IID_IShellLinkW, (void **)&link);
    if (FAILED(hr)) return hr;
    hr = IShellLinkW_SetPath(link, target);
    if (SUCCEEDED(hr) && icon && icon[0]) hr = IShellLinkW_SetIconLocation(link, icon, icon_index);
    if (SUCCEEDED(hr)) hr = IShellLinkW_QueryInterface(link, &IID_IPersistFile, (void **)&file);
    if (SUCCEEDED(hr)) hr = IPersistFile_Save(file, path, TRUE);
    if (file) IPersistFile_Release(file);
    IShellLinkW_Release(link);
    return hr;
}

static WCHAR *parent_of(const WCHAR *path)
{
    WCHAR *copy = ca_wcsdup(path);
    if (!copy) return NULL;
    WCHAR *slash = wcsrchr(copy, L'\\');
    if (slash) *slash = 0;
    return copy;
}

CA_EXPORT WixCreateInternetShortcuts(MSIHANDLE h)
{
    ca_log_begin(h, L"WixCreateInternetShortcuts");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    BOOL com = SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED));
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && cad_more(&r)) {
        int kind = (int)cad_get_int(&r, 0, 1);
        WCHAR *path = cad_get(&r), *target = cad_get(&r), *icon = cad_get(&r);
        int icon_index = (int)cad_get_int(&r, -2147483647LL, 2147483647LL);
        if (r.failed) {
            result = cad_fail(h, &r);
        } else {
            WCHAR *folder = parent_of(path);
            DWORD fe = folder ? ca_create_folders(folder) : ERROR_OUTOFMEMORY;
            ca_free(folder);
            if (fe != ERROR_SUCCESS) {
                result = ca_fail_win32(h, L"creating the shortcut's folder", fe);
            } else if (kind == 1) {
                DWORD e = write_url(path, target, icon, icon_index);
                result = e == ERROR_SUCCESS ? ERROR_SUCCESS : ca_fail_win32(h, L"writing the .url file", e);
            } else {
                HRESULT hr = write_lnk(path, target, icon, icon_index);
                result = SUCCEEDED(hr) ? ERROR_SUCCESS : ca_fail_hr(h, L"writing the .lnk file (IShellLink)", hr);
            }
            if (result == ERROR_SUCCESS) ca_log(h, L"created %ls -> %ls", path, target);
            else ca_log(h, L"could not create %ls", path);
        }
        ca_free(path); ca_free(target); ca_free(icon);
    }
    if (com) CoUninitialize();
    ca_free(data);
    return result;
}

CA_EXPORT WixRollbackInternetShortcuts(MSIHANDLE h)
{
    ca_log_begin(h, L"WixRollbackInternetShortcuts");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    UINT result = ERROR_SUCCESS;
    while (cad_more(&r)) {
        WCHAR *path = cad_get(&r);
        if (!path) {
            result = cad_fail(h, &r);
            break;
        }
        if (DeleteFileW(path)) ca_log(h, L"removed %ls", path);
        else if (GetLastError() != ERROR_FILE_NOT_FOUND) ca_log(h, L"could not remove %ls (error %lu)", path, (unsigned long)GetLastError());
        ca_free(path);
    }
    ca_free(data);
    return result;
}
