/*
 * util:PermissionEx. The immediate halves read v4 Wix4SecureObject or v3 SecureObjects rows with their component's
 * attributes:
 *   SecureObject  the object's key in Table: CreateFolder (a Directory), File, Registry, ServiceInstall
 *   Domain, User  the account (formatted here, resolved by the deferred half)
 *   Attributes    v4 only: 0x1 inheritable; v3 has no column and makes folder entries inheritable, others not
 *   Permission    the access mask, as EXPLICIT_ACCESS.grfAccessPermissions
 *   Component_    the row applies while this component is being installed
 * As in WiX, a DLL handles the rows of components of its own bitness only (the 64-bit DLL those marked 64-bit), so
 * that the two libraries of a mixed package never both change one object; the others are logged and skipped.
 *
 * SchedSecureObjectsRollback (after UnpublishFeatures, before anything changes): for every row's object that exists,
 *   records its DACL (SDDL) and whether it is protected, and schedules ExecSecureObjectsRollback with them.
 * SchedSecureObjects (after InstallServices, not on uninstall): for every row whose component is being installed,
 *   schedules ExecSecureObjects with object path, table, domain, user, attributes and mask of each.
 * ExecSecureObjects: for each entry resolves the account (acct_access: WiX's well-known names, then LookupAccountName)
 *   and sets its entry in the object's existing DACL (SetEntriesInAcl, SET_ACCESS), keeping the DACL's protection;
 *   services always get query config, query status, enumerate dependents and interrogate as well, as WiX adds them.
 *   The DACL read back afterwards is logged.
 * ExecSecureObjectsRollback: writes the recorded DACL back; an object that is gone by then (the rollback of the
 *   folder's creation ran first) is logged and skipped, where WiX's fails the rollback action.
 * Object names as SetNamedSecurityInfo takes them: folder and file paths, the service's name, registry keys as
 * MACHINE\..., CURRENT_USER\..., CLASSES_ROOT\..., USERS\... (root -1 by ALLUSERS).
 */
#include "accounts.h"
#include <sddl.h>

#define SO_INHERITABLE 0x1
#define SO_MAX_OBJECTS 100000
/* Component table Attributes: msidbComponentAttributes64bit (MSI SDK) */
#define SO_COMPONENT_64BIT 0x0100

static const WCHAR *exec_action(ca_gen_t g) { return g == CA_GEN_V4 ? L"Wix4ExecSecureObjects" CA_ARCH_V4 : L"ExecSecureObjects" CA_ARCH_V3; }
static const WCHAR *rollback_action(ca_gen_t g) { return g == CA_GEN_V4 ? L"Wix4ExecSecureObjectsRollback" CA_ARCH_V4 : L"ExecSecureObjectsRollback" CA_ARCH_V3; }

static SE_OBJECT_TYPE object_type(const WCHAR *table)
{
    if (!wcscmp(table, L"CreateFolder") || !wcscmp(table, L"File")) return SE_FILE_OBJECT;
    if (!wcscmp(table, L"Registry")) return SE_REGISTRY_KEY;
    if (!wcscmp(table, L"ServiceInstall")) return SE_SERVICE;
    return SE_UNKNOWN_OBJECT_TYPE;
}

/* The first column of a one-parameter query's single row: formatted (fmt) or as stored; root as an integer. */
static UINT lookup(MSIHANDLE h, const WCHAR *sql, const WCHAR *key, WCHAR **text, UINT text_field, int *number, BOOL fmt)
{
    MSIHANDLE db = MsiGetActiveDatabase(h), view = 0, param = MsiCreateRecord(1), rec = 0;
    UINT er = db && param ? MsiDatabaseOpenViewW(db, sql, &view) : ERROR_INVALID_HANDLE;
    if (er == ERROR_SUCCESS) er = MsiRecordSetStringW(param, 1, key);
    if (er == ERROR_SUCCESS) er = MsiViewExecute(view, param);
    if (er == ERROR_SUCCESS) er = MsiViewFetch(view, &rec);
    UINT result = er == ERROR_SUCCESS ? ERROR_SUCCESS : ca_fail_win32(h, L"finding the secured object's row", er);
    if (result == ERROR_SUCCESS && number) *number = ca_record_int(rec, 1, -1);
    if (result == ERROR_SUCCESS) {
        WCHAR *raw = NULL;
        result = ca_record_string(h, rec, text_field, &raw);
        if (result == ERROR_SUCCESS) result = fmt ? ca_format(h, raw, text) : ((*text = ca_wcsdup(raw)) ? ERROR_SUCCESS : ERROR_OUTOFMEMORY);
        ca_free(raw);
    }
    if (rec) MsiCloseHandle(rec);
    if (view) MsiCloseHandle(view);
    if (param) MsiCloseHandle(param);
    if (db) MsiCloseHandle(db);
    return result;
}

/* The name SetNamedSecurityInfo takes for the object. */
static UINT object_name(MSIHANDLE h, const WCHAR *table, const WCHAR *object, WCHAR **out)
{
    *out = NULL;
    cs_t t;
    cs_init(&t, CA_MAX_PATH);
    UINT er = ERROR_SUCCESS;
    if (!wcscmp(table, L"CreateFolder") || !wcscmp(table, L"File")) {
        cs_printf(&t, !wcscmp(table, L"File") ? L"[#%ls]" : L"[%ls]", object);
        er = t.failed ? ca_fail_win32(h, L"building the object's name", ERROR_OUTOFMEMORY) : ca_format(h, t.p, out);
    } else if (!wcscmp(table, L"ServiceInstall")) {
        er = lookup(h, L"SELECT `Name` FROM `ServiceInstall` WHERE `ServiceInstall` = ?", object, out, 1, NULL, TRUE);
    } else {
        WCHAR *key = NULL;
        int root = -1;
        er = lookup(h, L"SELECT `Root`, `Key` FROM `Registry` WHERE `Registry` = ?", object, &key, 2, &root, TRUE);
        if (er == ERROR_SUCCESS && root == -1) {
            WCHAR *all = NULL;
            er = ca_get_property(h, L"ALLUSERS", &all);
            root = er == ERROR_SUCCESS && !wcscmp(all, L"1") ? 2 : 1;
            ca_free(all);
        }
        const WCHAR *prefix = root == 0 ? L"CLASSES_ROOT\\" : root == 1 ? L"CURRENT_USER\\" : root == 2 ? L"MACHINE\\" : root == 3 ? L"USERS\\" : NULL;
        if (er == ERROR_SUCCESS && !prefix) {
            ca_log(h, L"registry object %ls: unknown root %d", object, root);
            er = ERROR_INSTALL_FAILURE;
        }
        if (er == ERROR_SUCCESS) {
            cs_append(&t, prefix);
            cs_append(&t, key);
            *out = cs_take(&t);
            if (!*out) er = ca_fail_win32(h, L"building the key's name", ERROR_OUTOFMEMORY);
        }
        ca_free(key);
    }
    cs_free(&t);
    if (er == ERROR_SUCCESS && (!*out || !(*out)[0])) {
        ca_log(h, L"%ls object %ls: its name is empty", table, object);
        er = ERROR_INSTALL_FAILURE;
    }
    return er;
}

/* Calls each row of this DLL's bitness with its fields; stops at the first failure. */
typedef UINT (*row_fn)(MSIHANDLE h, ca_gen_t gen, MSIHANDLE rec, const WCHAR *object, const WCHAR *table, const WCHAR *name, void *ctx);

static UINT for_each_row(MSIHANDLE h, row_fn fn, void *ctx, ca_gen_t *gen_out)
{
    ca_gen_t gen = ca_generation(h, L"Wix4SecureObject", L"SecureObjects");
    *gen_out = gen;
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4SecureObject or SecureObjects table: nothing to secure");
        return ERROR_SUCCESS;
    }
    /* fields: 1 object, 2 table, 3 domain, 4 user, 5 attributes, 6 permission, 7 component, 8 component attributes */
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `Wix4SecureObject`.`SecureObject`, `Wix4SecureObject`.`Table`, `Wix4SecureObject`.`Domain`, `Wix4SecureObject`.`User`, "
          L"`Wix4SecureObject`.`Attributes`, `Wix4SecureObject`.`Permission`, `Wix4SecureObject`.`Component_`, `Component`.`Attributes` "
          L"FROM `Wix4SecureObject`, `Component` WHERE `Wix4SecureObject`.`Component_` = `Component`.`Component`"
        : L"SELECT `SecureObjects`.`SecureObject`, `SecureObjects`.`Table`, `SecureObjects`.`Domain`, `SecureObjects`.`User`, "
          L"`SecureObjects`.`Permission`, `SecureObjects`.`Permission`, " /* v3 has no Attributes: field 5 is unused */
          L"`SecureObjects`.`Component_`, `Component`.`Attributes` "
          L"FROM `SecureObjects`, `Component` WHERE `SecureObjects`.`Component_` = `Component`.`Component`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    UINT result = ERROR_SUCCESS;
    unsigned rows = 0;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *object = NULL, *table = NULL, *name = NULL;
        BOOL is64 = (ca_record_int(rec, 8, 0) & SO_COMPONENT_64BIT) != 0;
#ifdef _WIN64
        BOOL mine = is64;
#else
        BOOL mine = !is64;
#endif
        if (++rows > SO_MAX_OBJECTS) {
            ca_log(h, L"more than %u secured objects", SO_MAX_OBJECTS);
            result = ERROR_INSTALL_FAILURE;
        } else if (ca_record_string(h, rec, 1, &object) || ca_record_string(h, rec, 2, &table)) {
            result = ERROR_INSTALL_FAILURE;
        } else if (object_type(table) == SE_UNKNOWN_OBJECT_TYPE) {
            ca_log(h, L"object %ls: unknown table %ls", object, table);
            result = ERROR_INSTALL_FAILURE;
        } else if (!mine) {
            ca_log(h, L"%ls object %ls: its component is %ls-bit, left to the %ls-bit library", table, object,
                   is64 ? L"64" : L"32", is64 ? L"64" : L"32");
        } else if ((result = object_name(h, table, object, &name)) == ERROR_SUCCESS) {
            result = fn(h, gen, rec, object, table, name, ctx);
        }
        ca_free(object); ca_free(table); ca_free(name);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    return result;
}

static UINT schedule_rollback(MSIHANDLE h, ca_gen_t gen, MSIHANDLE rec, const WCHAR *object, const WCHAR *table, const WCHAR *name, void *ctx)
{
    (void)rec; (void)ctx;
    PSECURITY_DESCRIPTOR sd = NULL;
    DWORD er = GetNamedSecurityInfoW(name, object_type(table), DACL_SECURITY_INFORMATION, NULL, NULL, NULL, NULL, &sd);
    if (er == ERROR_FILE_NOT_FOUND || er == ERROR_PATH_NOT_FOUND || er == ERROR_SERVICE_DOES_NOT_EXIST) {
        ca_log(h, L"%ls object %ls (%ls) does not exist yet: nothing to restore on rollback", table, object, name);
        if (sd) LocalFree(sd);
        return ERROR_SUCCESS;
    }
    WCHAR *sddl = NULL;
    SECURITY_DESCRIPTOR_CONTROL control = 0;
    DWORD revision = 0;
    UINT result = ERROR_SUCCESS;
    if (er != ERROR_SUCCESS) {
        /* as in WiX, an object whose DACL cannot be read is logged and left without rollback */
        ca_log(h, L"%ls object %ls (%ls): its DACL cannot be read (error %lu); no rollback for it", table, object, name, (unsigned long)er);
    } else if (!GetSecurityDescriptorControl(sd, &control, &revision)
               || !ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, SDDL_REVISION_1, DACL_SECURITY_INFORMATION, &sddl, NULL)) {
        ca_log(h, L"%ls object %ls (%ls): its DACL cannot be recorded (error %lu); no rollback for it", table, object, name, (unsigned long)GetLastError());
    } else {
        cs_t data;
        cs_init(&data, CA_MAX_VALUE);
        cad_put(&data, name);
        cad_put(&data, table);
        cad_put(&data, sddl);
        cad_put_int(&data, (control & SE_DACL_PROTECTED) ? 1 : 0);
        result = data.failed ? ca_fail_win32(h, L"building the rollback data", ERROR_OUTOFMEMORY) : ca_schedule(h, rollback_action(gen), data.p);
        if (result == ERROR_SUCCESS) ca_log(h, L"%ls object %ls (%ls): DACL recorded for rollback: %ls%ls", table, object, name, sddl,
                                            (control & SE_DACL_PROTECTED) ? L" (protected)" : L"");
        cs_free(&data);
    }
    if (sddl) LocalFree(sddl);
    if (sd) LocalFree(sd);
    return result;
}

typedef struct { cs_t data; unsigned count; } sched_t;

static UINT collect(MSIHANDLE h, ca_gen_t gen, MSIHANDLE rec, const WCHAR *object, const WCHAR *table, const WCHAR *name, void *ctx)
{
    sched_t *s = ctx;
    WCHAR *component = NULL, *raw_domain = NULL, *raw_user = NULL, *domain = NULL, *user = NULL;
    UINT result = ERROR_SUCCESS;
    ca_change_t change;
    if (ca_record_string(h, rec, 7, &component)) {
        result = ERROR_INSTALL_FAILURE;
    } else if (!ca_component_change(h, component, &change) || !change.installing) {
        ca_log(h, L"%ls object %ls: component %ls is not being installed", table, object, component);
    } else if (ca_record_string(h, rec, 3, &raw_domain) || ca_record_string(h, rec, 4, &raw_user)
               || ca_format(h, raw_domain, &domain) || ca_format(h, raw_user, &user)) {
        result = ERROR_INSTALL_FAILURE;
    } else if (!user[0]) {
        ca_log(h, L"%ls object %ls: the user is empty once formatted", table, object);
        result = ERROR_INSTALL_FAILURE;
    } else {
        int attributes = gen == CA_GEN_V4 ? ca_record_int(rec, 5, 0) : (!wcscmp(table, L"CreateFolder") ? SO_INHERITABLE : 0);
        cad_put(&s->data, name);
        cad_put(&s->data, table);
        cad_put(&s->data, domain);
        cad_put(&s->data, user);
        cad_put_int(&s->data, attributes);
        cad_put_int(&s->data, (unsigned int)ca_record_int(rec, 6, 0));
        s->count++;
        ca_log(h, L"%ls object %ls (%ls): %ls%ls%ls to be allowed 0x%08lx%ls", table, object, name, domain, domain[0] ? L"\\" : L"", user,
               (unsigned long)(unsigned int)ca_record_int(rec, 6, 0), (attributes & SO_INHERITABLE) ? L", inheritable" : L"");
    }
    ca_free(component); ca_free(raw_domain); ca_free(raw_user); ca_free(domain); ca_free(user);
    return result;
}

CA_EXPORT SchedSecureObjectsRollback(MSIHANDLE h)
{
    ca_log_begin(h, L"SchedSecureObjectsRollback");
    ca_gen_t gen;
    return for_each_row(h, schedule_rollback, NULL, &gen);
}

CA_EXPORT SchedSecureObjects(MSIHANDLE h)
{
    ca_log_begin(h, L"SchedSecureObjects");
    sched_t s;
    cs_init(&s.data, CA_MAX_VALUE);
    s.count = 0;
    ca_gen_t gen;
    UINT result = for_each_row(h, collect, &s, &gen);
    if (result == ERROR_SUCCESS && s.data.failed) result = ca_fail_win32(h, L"building the action data", ERROR_OUTOFMEMORY);
    if (result == ERROR_SUCCESS && s.count) result = ca_schedule(h, exec_action(gen), s.data.p);
    if (result == ERROR_SUCCESS) ca_log(h, L"%u object permission(s) scheduled", s.count);
    cs_free(&s.data);
    return result;
}

/* Logs the object's DACL as it reads now. */
static void log_dacl(MSIHANDLE h, const WCHAR *name, SE_OBJECT_TYPE type)
{
    PSECURITY_DESCRIPTOR sd = NULL;
    WCHAR *sddl = NULL;
    DWORD er = GetNamedSecurityInfoW(name, type, DACL_SECURITY_INFORMATION, NULL, NULL, NULL, NULL, &sd);
    if (er == ERROR_SUCCESS && ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, SDDL_REVISION_1, DACL_SECURITY_INFORMATION, &sddl, NULL)) {
        ca_log(h, L"%ls: DACL now %ls", name, sddl);
    } else {
        ca_log(h, L"%ls: the DACL cannot be read back (error %lu)", name, (unsigned long)(er ? er : GetLastError()));
    }
    if (sddl) LocalFree(sddl);
    if (sd) LocalFree(sd);
}

static UINT secure(MSIHANDLE h, const WCHAR *name, const WCHAR *table, const WCHAR *domain, const WCHAR *user, long long attributes, DWORD mask)
{
    SE_OBJECT_TYPE type = object_type(table);
    if (type == SE_UNKNOWN_OBJECT_TYPE) {
        ca_log(h, L"%ls: unknown table %ls", name, table);
        return ERROR_INSTALL_FAILURE;
    }
    if (type == SE_SERVICE) mask |= SERVICE_QUERY_CONFIG | SERVICE_QUERY_STATUS | SERVICE_ENUMERATE_DEPENDENTS | SERVICE_INTERROGATE;
    EXPLICIT_ACCESS_W ea;
    DWORD er = acct_access(domain, user, mask, (attributes & SO_INHERITABLE) ? SUB_CONTAINERS_AND_OBJECTS_INHERIT : NO_INHERITANCE, &ea);
    if (er != ERROR_SUCCESS) {
        ca_log(h, L"%ls: the account %ls%ls%ls cannot be resolved", name, domain, domain[0] ? L"\\" : L"", user);
        return ca_fail_win32(h, L"LookupAccountName", er);
    }
    PSECURITY_DESCRIPTOR sd = NULL;
    PACL existing = NULL, acl = NULL;
    SECURITY_DESCRIPTOR_CONTROL control = 0;
    DWORD revision = 0;
    UINT result = ERROR_SUCCESS;
    er = GetNamedSecurityInfoW(name, type, DACL_SECURITY_INFORMATION, NULL, NULL, &existing, NULL, &sd);
    if (er != ERROR_SUCCESS) result = ca_fail_win32(h, L"GetNamedSecurityInfo", er);
    else if (!GetSecurityDescriptorControl(sd, &control, &revision)) result = ca_fail_win32(h, L"GetSecurityDescriptorControl", GetLastError());
    else if ((er = SetEntriesInAclW(1, &ea, existing, &acl)) != ERROR_SUCCESS) result = ca_fail_win32(h, L"SetEntriesInAcl", er);
    else {
        SECURITY_INFORMATION si = DACL_SECURITY_INFORMATION | ((control & SE_DACL_PROTECTED) ? PROTECTED_DACL_SECURITY_INFORMATION : 0);
        er = SetNamedSecurityInfoW((WCHAR *)name, type, si, NULL, NULL, acl, NULL);
        ca_log(h, L"%ls: %ls%ls%ls allowed 0x%08lx%ls: SetNamedSecurityInfo %lu", name, domain, domain[0] ? L"\\" : L"", user,
               (unsigned long)mask, (attributes & SO_INHERITABLE) ? L" (inheritable)" : L"", (unsigned long)er);
        if (er != ERROR_SUCCESS) result = ca_fail_win32(h, L"SetNamedSecurityInfo", er);
        else log_dacl(h, name, type);
    }
    if (acl) LocalFree(acl);
    if (sd) LocalFree(sd);
    acct_access_free(&ea);
    return result;
}

CA_EXPORT ExecSecureObjects(MSIHANDLE h)
{
    ca_log_begin(h, L"ExecSecureObjects");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && cad_more(&r)) {
        WCHAR *name = cad_get(&r), *table = cad_get(&r), *domain = cad_get(&r), *user = cad_get(&r);
        long long attributes = cad_get_int(&r, 0, 0x7fffffffLL);
        long long mask = cad_get_int(&r, 0, 0xffffffffLL);
        result = r.failed ? cad_fail(h, &r) : secure(h, name, table, domain, user, attributes, (DWORD)mask);
        ca_free(name); ca_free(table); ca_free(domain); ca_free(user);
    }
    ca_free(data);
    return result;
}

CA_EXPORT ExecSecureObjectsRollback(MSIHANDLE h)
{
    ca_log_begin(h, L"ExecSecureObjectsRollback");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    WCHAR *name = cad_get(&r), *table = cad_get(&r), *sddl = cad_get(&r);
    long long protect = cad_get_int(&r, 0, 1);
    UINT result = r.failed ? cad_fail(h, &r) : ERROR_SUCCESS;
    SE_OBJECT_TYPE type = result == ERROR_SUCCESS ? object_type(table) : SE_UNKNOWN_OBJECT_TYPE;
    PSECURITY_DESCRIPTOR sd = NULL;
    PACL dacl = NULL;
    BOOL present = FALSE, defaulted = FALSE;
    if (result == ERROR_SUCCESS && type == SE_UNKNOWN_OBJECT_TYPE) {
        ca_log(h, L"%ls: unknown table %ls", name, table);
        result = ERROR_INSTALL_FAILURE;
    } else if (result == ERROR_SUCCESS && (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, &sd, NULL)
                                           || !GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted))) {
        result = ca_fail_win32(h, L"reading the recorded DACL", GetLastError());
    } else if (result == ERROR_SUCCESS && !present) {
        ca_log(h, L"%ls: the recorded security descriptor has no DACL", name);
        result = ERROR_INSTALL_FAILURE;
    } else if (result == ERROR_SUCCESS) {
        SECURITY_INFORMATION si = DACL_SECURITY_INFORMATION | (protect ? PROTECTED_DACL_SECURITY_INFORMATION : 0);
        DWORD er = SetNamedSecurityInfoW(name, type, si, NULL, NULL, dacl, NULL);
        ca_log(h, L"%ls: DACL restored to %ls: SetNamedSecurityInfo %lu", name, sddl, (unsigned long)er);
        if (er == ERROR_FILE_NOT_FOUND || er == ERROR_PATH_NOT_FOUND || er == ERROR_SERVICE_DOES_NOT_EXIST) {
            /* the rollback removed the object already (an earlier undo ran first): nothing left to restore */
            ca_log(h, L"%ls no longer exists: nothing to restore", name);
        } else if (er != ERROR_SUCCESS) {
            result = ca_fail_win32(h, L"SetNamedSecurityInfo", er);
        }
    }
    if (sd) LocalFree(sd);
    ca_free(name); ca_free(table); ca_free(sddl); ca_free(data);
    return result;
}
