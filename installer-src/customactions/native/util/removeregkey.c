/*
 * WixRemoveRegistryKeysEx (immediate, before RemoveRegistryValues): util:RemoveRegistryKey removes a whole registry
 * key, whatever it holds by then, when its component is installed or removed.
 *
 * Design: like RemoveFolderEx, this action deletes nothing itself. For each Wix4RemoveRegistryKeyEx row (key,
 * Component_, Root, Key, InstallMode, Condition) whose condition holds, it adds one temporary row that the installer's
 * own actions carry out inside the script (with rollback): on install (1) a RemoveRegistry row named "-", which the
 * SDK's RemoveRegistry table page defines as removing the key and all its subkeys when the component is installed;
 * on uninstall (2) a Registry row named "-" with no value, which the SDK's Registry table page defines as removing
 * the key and its subkeys when the component is removed.
 */
#include "ca.h"

static UINT add_row(MSIHANDLE h, const WCHAR *table, const WCHAR *id, int root, const WCHAR *key, const WCHAR *component)
{
    BOOL registry = !wcscmp(table, L"Registry");
    const WCHAR *sql = registry
        ? L"SELECT `Registry`, `Root`, `Key`, `Name`, `Value`, `Component_` FROM `Registry`"
        : L"SELECT `RemoveRegistry`, `Root`, `Key`, `Name`, `Component_` FROM `RemoveRegistry`";
    MSIHANDLE view = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    MSIHANDLE rec = MsiCreateRecord(registry ? 6 : 5);
    UINT er = rec ? ERROR_SUCCESS : ERROR_OUTOFMEMORY;
    if (rec) {
        MsiRecordSetStringW(rec, 1, id);
        MsiRecordSetInteger(rec, 2, root);
        MsiRecordSetStringW(rec, 3, key);
        MsiRecordSetStringW(rec, 4, L"-");
        MsiRecordSetStringW(rec, registry ? 6 : 5, component);
        er = MsiViewModify(view, MSIMODIFY_INSERT_TEMPORARY, rec);
        MsiCloseHandle(rec);
    }
    MsiCloseHandle(view);
    if (er != ERROR_SUCCESS) return ca_fail_win32(h, registry ? L"adding a temporary Registry row" : L"adding a temporary RemoveRegistry row", er);
    ca_log(h, L"%ls row %ls: remove key %d\\%ls with its subkeys %ls", table, id, root, key,
           registry ? L"when the component is removed" : L"when the component is installed");
    return ERROR_SUCCESS;
}

CA_EXPORT WixRemoveRegistryKeysEx(MSIHANDLE h)
{
    ca_log_begin(h, L"WixRemoveRegistryKeysEx");
    ca_gen_t gen = ca_generation(h, L"Wix4RemoveRegistryKeyEx", L"WixRemoveRegistryKeyEx");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4RemoveRegistryKeyEx table: no registry keys to remove");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `RemoveRegistryKeyEx`, `Component_`, `Root`, `Key`, `InstallMode`, `Condition` FROM `Wix4RemoveRegistryKeyEx`"
        : L"SELECT `RemoveRegistryKeyEx`, `Component_`, `Root`, `Key`, `InstallMode`, `Condition` FROM `WixRemoveRegistryKeyEx`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *id = NULL, *component = NULL, *key = NULL, *condition = NULL;
        if (ca_record_string(h, rec, 1, &id) || ca_record_string(h, rec, 2, &component) || ca_record_string(h, rec, 4, &key)
            || ca_record_string(h, rec, 6, &condition)) {
            result = ERROR_INSTALL_FAILURE;
        } else if (condition[0] && MsiEvaluateConditionW(h, condition) != MSICONDITION_TRUE) {
            ca_log(h, L"row %ls: condition %ls is not true; skipped", id, condition);
        } else {
            int root = ca_record_int(rec, 3, 0), mode = ca_record_int(rec, 5, 0);
            if (mode == 1) result = add_row(h, L"RemoveRegistry", id, root, key, component);
            else if (mode == 2) result = add_row(h, L"Registry", id, root, key, component);
            else ca_log(h, L"row %ls: install mode %d is neither 1 (install) nor 2 (uninstall); skipped", id, mode);
        }
        ca_free(id); ca_free(component); ca_free(key); ca_free(condition);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    return result;
}
