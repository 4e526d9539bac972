/* Reading the package's tables from immediate actions, and scheduling deferred work. */
#include "ca.h"

BOOL ca_table_exists(MSIHANDLE h, const WCHAR *table)
{
    MSIHANDLE db = MsiGetActiveDatabase(h);
    if (!db) return FALSE;
    MSICONDITION c = MsiDatabaseIsTablePersistentW(db, table);
    MsiCloseHandle(db);
    return c == MSICONDITION_TRUE || c == MSICONDITION_FALSE; /* FALSE = exists but temporary */
}

ca_gen_t ca_generation(MSIHANDLE h, const WCHAR *v4_table, const WCHAR *v3_table)
{
    if (v4_table && ca_table_exists(h, v4_table)) return CA_GEN_V4;
    if (v3_table && ca_table_exists(h, v3_table)) return CA_GEN_V3;
    return CA_GEN_NONE;
}

UINT ca_open_view(MSIHANDLE h, const WCHAR *sql, MSIHANDLE *view)
{
    *view = 0;
    MSIHANDLE db = MsiGetActiveDatabase(h);
    if (!db) {
        ca_log(h, L"no active database");
        return ERROR_INSTALL_FAILURE;
    }
    UINT er = MsiDatabaseOpenViewW(db, sql, view);
    MsiCloseHandle(db);
    if (er != ERROR_SUCCESS) {
        ca_log(h, L"query refused: %ls", sql);
        return ca_fail_win32(h, L"MsiDatabaseOpenView", er);
    }
    er = MsiViewExecute(*view, 0);
    if (er != ERROR_SUCCESS) {
        MsiCloseHandle(*view);
        *view = 0;
        return ca_fail_win32(h, L"MsiViewExecute", er);
    }
    return ERROR_SUCCESS;
}

UINT ca_record_string(MSIHANDLE h, MSIHANDLE rec, UINT field, WCHAR **out)
{
    *out = NULL;
    WCHAR probe[1] = {0};
    DWORD n = 0;
    UINT er = MsiRecordGetStringW(rec, field, probe, &n);
    if (er != ERROR_MORE_DATA && er != ERROR_SUCCESS) return ca_fail_win32(h, L"MsiRecordGetString", er);
    if (n > CA_MAX_VALUE) {
        ca_log(h, L"a table cell is %lu characters long; at most %lu are accepted", (unsigned long)n, (unsigned long)CA_MAX_VALUE);
        return ERROR_INSTALL_FAILURE;
    }
    DWORD cap = n + 1;
    WCHAR *buf = ca_alloc((size_t)cap * sizeof(WCHAR));
    if (!buf) return ca_fail_win32(h, L"allocating a record buffer", ERROR_OUTOFMEMORY);
    er = MsiRecordGetStringW(rec, field, buf, &cap);
    if (er != ERROR_SUCCESS) {
        ca_free(buf);
        return ca_fail_win32(h, L"MsiRecordGetString", er);
    }
    buf[n] = 0;
    *out = buf;
    return ERROR_SUCCESS;
}

int ca_record_int(MSIHANDLE rec, UINT field, int def)
{
    if (MsiRecordIsNull(rec, field)) return def;
    int v = MsiRecordGetInteger(rec, field);
    return (unsigned int)v == MSI_NULL_INTEGER ? def : v;
}

static BOOL component_states(MSIHANDLE h, const WCHAR *component, INSTALLSTATE *installed, INSTALLSTATE *action)
{
    *installed = INSTALLSTATE_UNKNOWN;
    *action = INSTALLSTATE_UNKNOWN;
    UINT er = MsiGetComponentStateW(h, component, installed, action);
    if (er != ERROR_SUCCESS) {
        ca_log(h, L"component %ls has no state (error %u); it is left alone", component, er);
        return FALSE;
    }
    return TRUE;
}

BOOL ca_component_installing(MSIHANDLE h, const WCHAR *component)
{
    INSTALLSTATE installed, action;
    if (!component_states(h, component, &installed, &action)) return FALSE;
    return action == INSTALLSTATE_LOCAL || action == INSTALLSTATE_SOURCE;
}

BOOL ca_component_removing(MSIHANDLE h, const WCHAR *component)
{
    INSTALLSTATE installed, action;
    if (!component_states(h, component, &installed, &action)) return FALSE;
    return action == INSTALLSTATE_ABSENT;
}

static BOOL present(INSTALLSTATE s)
{
    return s == INSTALLSTATE_LOCAL || s == INSTALLSTATE_SOURCE;
}

BOOL ca_component_change(MSIHANDLE h, const WCHAR *component, ca_change_t *c)
{
    INSTALLSTATE installed, action;
    c->installing = c->reinstalling = c->removing = FALSE;
    if (!component_states(h, component, &installed, &action)) return FALSE;
    c->installing = action == INSTALLSTATE_LOCAL || action == INSTALLSTATE_SOURCE || (action == INSTALLSTATE_DEFAULT && present(installed));
    c->reinstalling = (action == INSTALLSTATE_LOCAL || action == INSTALLSTATE_SOURCE || action == INSTALLSTATE_DEFAULT) && present(installed);
    c->removing = (action == INSTALLSTATE_ABSENT || action == INSTALLSTATE_REMOVED) && present(installed);
    return TRUE;
}

UINT ca_schedule(MSIHANDLE h, const WCHAR *action, const WCHAR *data)
{
    UINT er = MsiSetPropertyW(h, action, data);
    if (er != ERROR_SUCCESS) return ca_fail_win32(h, L"setting CustomActionData", er);
    er = MsiDoActionW(h, action);
    if (er != ERROR_SUCCESS) {
        ca_log(h, L"could not schedule %ls", action);
        return ca_fail_win32(h, L"MsiDoAction", er);
    }
    return ERROR_SUCCESS;
}

BOOL ca_action_exists(MSIHANDLE h, const WCHAR *action)
{
    MSIHANDLE db = MsiGetActiveDatabase(h);
    if (!db) return FALSE;
    MSIHANDLE view = 0, rec = 0, param = 0;
    BOOL found = FALSE;
    if (MsiDatabaseOpenViewW(db, L"SELECT `Action` FROM `CustomAction` WHERE `Action` = ?", &view) == ERROR_SUCCESS) {
        param = MsiCreateRecord(1);
        if (param && MsiRecordSetStringW(param, 1, action) == ERROR_SUCCESS && MsiViewExecute(view, param) == ERROR_SUCCESS) {
            found = MsiViewFetch(view, &rec) == ERROR_SUCCESS;
        }
    }
    if (rec) MsiCloseHandle(rec);
    if (param) MsiCloseHandle(param);
    if (view) MsiCloseHandle(view);
    MsiCloseHandle(db);
    return found;
}
