/*
 * WixRemoveFoldersEx (immediate, before CostInitialize): removes whole folder trees, including files the program
 * created after install, when a component is installed or removed (util:RemoveFolderEx).
 *
 * Design: this action deletes nothing itself. It walks each tree now and adds temporary rows to the package's
 * RemoveFile table (every file "*.*" and every folder, deepest first), each folder named by a temporary property.
 * The standard RemoveFiles action then removes them inside the install script, where Windows Installer keeps the
 * deleted files for rollback. Files are named one by one as well as by "*.*": Wine's RemoveFiles does not expand
 * wildcards. Row columns (both schema generations):
 *   v4 Wix4RemoveFolderEx: RemoveFolderEx, Component_, Property, InstallMode, Condition
 *   v3 WixRemoveFolderEx:  WixRemoveFolderEx, Component_, Property, InstallMode
 * InstallMode is RemoveFile's: 1 on install, 2 on uninstall, 3 both. Property names the folder (it must be set
 * before this action runs: a Property row, AppSearch, or a type-51 action). A missing or empty folder is logged and
 * skipped. Links and junctions inside the tree are never followed: what they point to is not part of the tree.
 */
#include "ca.h"

/* Most RemoveFile rows (files and folders) one RemoveFolderEx row may expand to. */
#define RFX_MAX_ROWS 200000u

typedef struct {
    MSIHANDLE h;
    MSIHANDLE insert_view;   /* SELECT ... FROM RemoveFile, for MSIMODIFY_INSERT_TEMPORARY */
    unsigned row_index;
    unsigned folders;
    unsigned rows;
    const WCHAR *component;
    int mode;
    BOOL failed;
} rfx_t;

static BOOL add_remove_row(rfx_t *r, WCHAR kind, unsigned depth, const WCHAR *file_name, const WCHAR *dir_property)
{
    if (++r->rows > RFX_MAX_ROWS) {
        ca_log(r->h, L"more than %u files and folders below one RemoveFolderEx root; the rest is left", RFX_MAX_ROWS);
        return FALSE;
    }
    /* Rows are added children first (post-order), and their keys sort the same way ("9999 - depth", files 'F'
     * before folders 'R'), so whichever order RemoveFiles takes them in, a folder is empty when its row comes. */
    WCHAR key[72];
    _snwprintf(key, 71, L"SsprkitRfx%c%04u_%05u_%06u", kind, 9999u - depth, r->row_index, r->rows);
    key[71] = 0;
    MSIHANDLE rec = MsiCreateRecord(5);
    if (!rec) return FALSE;
    MsiRecordSetStringW(rec, 1, key);
    MsiRecordSetStringW(rec, 2, r->component);
    if (file_name) MsiRecordSetStringW(rec, 3, file_name);
    MsiRecordSetStringW(rec, 4, dir_property);
    MsiRecordSetInteger(rec, 5, r->mode);
    UINT er = MsiViewModify(r->insert_view, MSIMODIFY_INSERT_TEMPORARY, rec);
    MsiCloseHandle(rec);
    if (er != ERROR_SUCCESS) {
        ca_fail_win32(r->h, L"adding a temporary RemoveFile row", er);
        return FALSE;
    }
    return TRUE;
}

/*
 * One folder: its subfolders first, then a row for each file it holds now (by name: Windows Installer and Wine both
 * delete named files), a "*.*" row (Windows Installer also deletes files that appear before RemoveFiles runs; Wine
 * ignores wildcards) and the row that removes the folder itself.
 */
static void walk(rfx_t *r, const WCHAR *folder, unsigned depth)
{
    if (r->failed) return;
    if (depth > CA_MAX_DEPTH) {
        ca_log(r->h, L"%ls is more than %u folders deep; not descending further", folder, CA_MAX_DEPTH);
        return;
    }
    unsigned index = ++r->folders;
    WCHAR property[72];
    _snwprintf(property, 71, L"SsprkitRfxDir%05u_%06u", r->row_index, index);
    property[71] = 0;
    cs_t with_slash;
    cs_init(&with_slash, CA_MAX_PATH);
    cs_append(&with_slash, folder);
    if (with_slash.len == 0 || with_slash.p[with_slash.len - 1] != L'\\') cs_append_char(&with_slash, L'\\');
    if (with_slash.failed || ca_set_property(r->h, property, with_slash.p) != ERROR_SUCCESS) {
        ca_log(r->h, L"folder path too long: %ls", folder);
        cs_free(&with_slash);
        r->failed = TRUE;
        return;
    }

    for (int pass = 0; pass < 2 && !r->failed; pass++) { /* pass 0: subfolders; pass 1: files */
        cs_t pattern;
        cs_init(&pattern, CA_MAX_PATH);
        cs_append(&pattern, with_slash.p);
        cs_append_char(&pattern, L'*');
        WIN32_FIND_DATAW fd;
        HANDLE find = pattern.failed ? INVALID_HANDLE_VALUE : FindFirstFileW(pattern.p, &fd);
        cs_free(&pattern);
        if (find == INVALID_HANDLE_VALUE) continue;
        do {
            BOOL is_dir = (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
            if (!wcscmp(fd.cFileName, L".") || !wcscmp(fd.cFileName, L"..")) continue;
            if (pass == 1) {
                if (!is_dir && !add_remove_row(r, L'F', depth, fd.cFileName, property)) r->failed = TRUE;
                continue;
            }
            if (!is_dir) continue;
            cs_t child;
            cs_init(&child, CA_MAX_PATH);
            cs_append(&child, with_slash.p);
            cs_append(&child, fd.cFileName);
            if (child.failed) {
                ca_log(r->h, L"a folder below %ls has a path longer than %u characters; left alone", folder, CA_MAX_PATH);
            } else if (fd.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) {
                ca_log(r->h, L"%ls is a link or junction: not followed, left alone (so its parent stays too)", child.p);
            } else {
                walk(r, child.p, depth + 1);
            }
            cs_free(&child);
        } while (!r->failed && FindNextFileW(find, &fd));
        FindClose(find);
    }
    if (!r->failed && (!add_remove_row(r, L'F', depth, L"*.*", property) || !add_remove_row(r, L'R', depth, NULL, property))) r->failed = TRUE;
    cs_free(&with_slash);
}

static BOOL open_remove_file_view(MSIHANDLE h, MSIHANDLE *view)
{
    if (!ca_table_exists(h, L"RemoveFile")) {
        /* A package without RemoveFile rows has no table: make a temporary one with the standard columns. */
        MSIHANDLE create = 0;
        if (ca_open_view(h, L"CREATE TABLE `RemoveFile` (`FileKey` CHAR(72) NOT NULL, `Component_` CHAR(72) NOT NULL, "
                            L"`FileName` CHAR(255) LOCALIZABLE, `DirProperty` CHAR(72) NOT NULL, `InstallMode` SHORT NOT NULL "
                            L"PRIMARY KEY `FileKey`) HOLD", &create) != ERROR_SUCCESS) return FALSE;
        MsiCloseHandle(create);
    }
    return ca_open_view(h, L"SELECT `FileKey`, `Component_`, `FileName`, `DirProperty`, `InstallMode` FROM `RemoveFile`", view) == ERROR_SUCCESS;
}

CA_EXPORT WixRemoveFoldersEx(MSIHANDLE h)
{
    ca_log_begin(h, L"WixRemoveFoldersEx");
    ca_gen_t gen = ca_generation(h, L"Wix4RemoveFolderEx", L"WixRemoveFolderEx");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4RemoveFolderEx or WixRemoveFolderEx table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `RemoveFolderEx`, `Component_`, `Property`, `InstallMode`, `Condition` FROM `Wix4RemoveFolderEx`"
        : L"SELECT `WixRemoveFolderEx`, `Component_`, `Property`, `InstallMode` FROM `WixRemoveFolderEx`";
    MSIHANDLE rows = 0, insert_view = 0, rec = 0;
    if (ca_open_view(h, sql, &rows) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    if (!open_remove_file_view(h, &insert_view)) {
        MsiCloseHandle(rows);
        return ERROR_INSTALL_FAILURE;
    }
    UINT result = ERROR_SUCCESS;
    unsigned index = 0;
    while (result == ERROR_SUCCESS && MsiViewFetch(rows, &rec) == ERROR_SUCCESS) {
        WCHAR *id = NULL, *component = NULL, *property = NULL, *condition = NULL, *folder = NULL;
        index++;
        if (ca_record_string(h, rec, 1, &id) != ERROR_SUCCESS || ca_record_string(h, rec, 2, &component) != ERROR_SUCCESS
            || ca_record_string(h, rec, 3, &property) != ERROR_SUCCESS
            || (gen == CA_GEN_V4 && ca_record_string(h, rec, 5, &condition) != ERROR_SUCCESS)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        int mode = ca_record_int(rec, 4, 0);
        if (mode < 1 || mode > 3) {
            ca_log(h, L"row %ls: InstallMode %d is not 1 (install), 2 (uninstall) or 3 (both); row skipped", id, mode);
            goto next;
        }
        if (condition && condition[0]) {
            MSICONDITION c = MsiEvaluateConditionW(h, condition);
            if (c == MSICONDITION_ERROR) {
                ca_log(h, L"row %ls: condition '%ls' is not a valid condition; row skipped", id, condition);
                goto next;
            }
            if (c == MSICONDITION_FALSE) {
                ca_log(h, L"row %ls: condition '%ls' is false; row skipped", id, condition);
                goto next;
            }
        }
        if (ca_get_property(h, property, &folder) != ERROR_SUCCESS) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (!folder[0]) {
            ca_log(h, L"row %ls: property %ls is empty; nothing to remove (set it before WixRemoveFoldersEx runs)", id, property);
            goto next;
        }
        if (!ca_path_is_directory(folder)) {
            ca_log(h, L"row %ls: folder %ls does not exist; nothing to remove", id, folder);
            goto next;
        }
        rfx_t r = {h, insert_view, index, 0, 0, component, mode, FALSE};
        walk(&r, folder, 0);
        if (r.failed) {
            ca_log(h, L"row %ls: the tree below %ls was not scheduled completely", id, folder);
            result = ERROR_INSTALL_FAILURE;
        } else {
            ca_log(h, L"row %ls: %u folder(s) below %ls scheduled for removal (RemoveFile mode %d, component %ls)", id, r.folders, folder, mode, component);
        }
    next:
        ca_free(id);
        ca_free(component);
        ca_free(property);
        ca_free(condition);
        ca_free(folder);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(insert_view);
    MsiCloseHandle(rows);
    return result;
}
