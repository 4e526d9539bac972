/*
 * util:FileShare / util:FileSharePermission. The immediate halves read v4 Wix4FileShare / Wix4FileSharePermissions or
 * v3 FileShare / FileSharePermissions, with the User / Wix4User rows the permissions name:
 *   FileShare: key, ShareName (formatted), Component_, Description, Directory_ (the folder shared)
 *   FileSharePermissions: share, user, Permissions (an access mask, as EXPLICIT_ACCESS.grfAccessPermissions)
 *   User: Name and Domain (formatted) of the account a permission is for
 * ConfigureSmbInstall  (after InstallFiles) for each share whose component is being installed schedules
 *                      CreateSmbRollback (drops it again) and CreateSmb.
 * ConfigureSmbUninstall (after RemoveFiles) for each share whose component is being removed schedules
 *                      DropSmbRollback (creates it again) and DropSmb.
 * All four carry the same data: share name, description, folder, permission count, then account and mask of each.
 *   CreateSmb  NetShareAdd (level 502) with a security descriptor whose DACL allows each account its mask (accounts
 *              resolved by acct_access, as util:PermissionEx's are); a share of
 *              that name that exists already is dropped first (NetShareGetInfo / NetShareDel)
 *   DropSmb    NetShareDel; a share that is not there is success
 */
#include "accounts.h"
#include <lm.h>
#include <aclapi.h>

#define SMB_MAX_PERMISSIONS 1000

static const WCHAR *create_action(ca_gen_t g) { return g == CA_GEN_V4 ? L"Wix4CreateSmb" CA_ARCH_V4 : L"CreateSmb" CA_ARCH_V3; }
static const WCHAR *create_rollback(ca_gen_t g) { return g == CA_GEN_V4 ? L"Wix4CreateSmbRollback" CA_ARCH_V4 : L"CreateSmbRollback" CA_ARCH_V3; }
static const WCHAR *drop_action(ca_gen_t g) { return g == CA_GEN_V4 ? L"Wix4DropSmb" CA_ARCH_V4 : L"DropSmb" CA_ARCH_V3; }
static const WCHAR *drop_rollback(ca_gen_t g) { return g == CA_GEN_V4 ? L"Wix4DropSmbRollback" CA_ARCH_V4 : L"DropSmbRollback" CA_ARCH_V3; }

/* Appends count, then "domain\name" and mask of each permission of the share. */
static UINT put_permissions(MSIHANDLE h, ca_gen_t gen, const WCHAR *share, cs_t *data, unsigned *count)
{
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `Wix4User`.`Name`, `Wix4User`.`Domain`, `Wix4FileSharePermissions`.`Permissions` FROM `Wix4FileSharePermissions`, `Wix4User` WHERE `Wix4FileSharePermissions`.`Wix4User_` = `Wix4User`.`User` AND `Wix4FileSharePermissions`.`Wix4FileShare_` = ?"
        : L"SELECT `User`.`Name`, `User`.`Domain`, `FileSharePermissions`.`Permissions` FROM `FileSharePermissions`, `User` WHERE `FileSharePermissions`.`User_` = `User`.`User` AND `FileSharePermissions`.`FileShare_` = ?";
    *count = 0;
    if (!ca_table_exists(h, gen == CA_GEN_V4 ? L"Wix4FileSharePermissions" : L"FileSharePermissions")) return ERROR_SUCCESS;
    MSIHANDLE db = MsiGetActiveDatabase(h), view = 0, param = MsiCreateRecord(1), rec = 0;
    UINT er = db && param ? MsiDatabaseOpenViewW(db, sql, &view) : ERROR_INVALID_HANDLE;
    if (er == ERROR_SUCCESS) er = MsiRecordSetStringW(param, 1, share);
    if (er == ERROR_SUCCESS) er = MsiViewExecute(view, param);
    UINT result = er == ERROR_SUCCESS ? ERROR_SUCCESS : ca_fail_win32(h, L"querying the share's permissions", er);
    cs_t entries;
    cs_init(&entries, CA_MAX_VALUE);
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *raw_name = NULL, *raw_domain = NULL, *name = NULL, *domain = NULL, *account = NULL;
        if (ca_record_string(h, rec, 1, &raw_name) || ca_record_string(h, rec, 2, &raw_domain)
            || ca_format(h, raw_name, &name) || ca_format(h, raw_domain, &domain)) {
            result = ERROR_INSTALL_FAILURE;
        } else if (!(account = acct_qualified(domain, name))) {
            result = ca_fail_win32(h, L"allocating", ERROR_OUTOFMEMORY);
        } else if (*count >= SMB_MAX_PERMISSIONS) {
            ca_log(h, L"share %ls: more than %u permissions", share, SMB_MAX_PERMISSIONS);
            result = ERROR_INSTALL_FAILURE;
        } else {
            cad_put(&entries, account);
            cad_put_int(&entries, (unsigned int)ca_record_int(rec, 3, 0));
            (*count)++;
        }
        ca_free(raw_name); ca_free(raw_domain); ca_free(name); ca_free(domain); ca_free(account);
        MsiCloseHandle(rec);
    }
    if (result == ERROR_SUCCESS) {
        cad_put_int(data, *count);
        if (entries.p) cs_append(data, entries.p);
        if (entries.failed) data->failed = TRUE;
    }
    cs_free(&entries);
    if (view) MsiCloseHandle(view);
    if (param) MsiCloseHandle(param);
    if (db) MsiCloseHandle(db);
    return result;
}

/* The folder a Directory_ names, without a trailing backslash unless it is a drive's root. */
static UINT share_folder(MSIHANDLE h, const WCHAR *directory, WCHAR **out)
{
    cs_t t;
    cs_init(&t, CA_MAX_VALUE);
    cs_printf(&t, L"[%ls]", directory);
    UINT er = t.failed ? ERROR_INSTALL_FAILURE : ca_format(h, t.p, out);
    cs_free(&t);
    if (er != ERROR_SUCCESS) return er;
    size_t n = wcslen(*out);
    if (n > 3 && (*out)[n - 1] == L'\\') (*out)[n - 1] = 0;
    return ERROR_SUCCESS;
}

static UINT configure(MSIHANDLE h, BOOL install)
{
    ca_gen_t gen = ca_generation(h, L"Wix4FileShare", L"FileShare");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4FileShare or FileShare table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `Wix4FileShare`, `ShareName`, `Component_`, `Description`, `Directory_` FROM `Wix4FileShare`"
        : L"SELECT `FileShare`, `ShareName`, `Component_`, `Description`, `Directory_` FROM `FileShare`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *key = NULL, *raw_name = NULL, *component = NULL, *description = NULL, *directory = NULL, *name = NULL, *folder = NULL;
        if (ca_record_string(h, rec, 1, &key) || ca_record_string(h, rec, 2, &raw_name) || ca_record_string(h, rec, 3, &component)
            || ca_record_string(h, rec, 4, &description) || ca_record_string(h, rec, 5, &directory)) {
            result = ERROR_INSTALL_FAILURE;
        } else if (install ? ca_component_installing(h, component) : ca_component_removing(h, component)) {
            if (ca_format(h, raw_name, &name) || share_folder(h, directory, &folder)) {
                result = ERROR_INSTALL_FAILURE;
            } else if (!name[0]) {
                ca_log(h, L"share %ls: the name is empty once formatted", key);
                result = ERROR_INSTALL_FAILURE;
            } else {
                cs_t data;
                cs_init(&data, CA_MAX_VALUE);
                cad_put(&data, name);
                cad_put(&data, description);
                cad_put(&data, folder);
                unsigned count = 0;
                result = put_permissions(h, gen, key, &data, &count);
                if (result == ERROR_SUCCESS && data.failed) result = ca_fail_win32(h, L"building the action data", ERROR_OUTOFMEMORY);
                if (result == ERROR_SUCCESS) result = ca_schedule(h, install ? create_rollback(gen) : drop_rollback(gen), data.p);
                if (result == ERROR_SUCCESS) result = ca_schedule(h, install ? create_action(gen) : drop_action(gen), data.p);
                if (result == ERROR_SUCCESS) ca_log(h, L"share %ls (%ls): %ls, %u permission(s)", name, folder, install ? L"to create" : L"to drop", count);
                cs_free(&data);
            }
        }
        ca_free(key); ca_free(raw_name); ca_free(component); ca_free(description); ca_free(directory); ca_free(name); ca_free(folder);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    return result;
}

CA_EXPORT ConfigureSmbInstall(MSIHANDLE h)
{
    ca_log_begin(h, L"ConfigureSmbInstall");
    return configure(h, TRUE);
}

CA_EXPORT ConfigureSmbUninstall(MSIHANDLE h)
{
    ca_log_begin(h, L"ConfigureSmbUninstall");
    return configure(h, FALSE);
}

/* Drops the share; one that is not there is success. */
static NET_API_STATUS drop(MSIHANDLE h, const WCHAR *name)
{
    NET_API_STATUS st = NetShareDel(NULL, (WCHAR *)name, 0);
    ca_log(h, L"NetShareDel %ls: %lu", name, (unsigned long)st);
    return st == NERR_NetNameNotFound ? NERR_Success : st;
}

CA_EXPORT CreateSmb(MSIHANDLE h)
{
    ca_log_begin(h, L"CreateSmb");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    WCHAR *name = cad_get(&r), *description = cad_get(&r), *folder = cad_get(&r);
    long long count = cad_get_int(&r, 0, SMB_MAX_PERMISSIONS);
    EXPLICIT_ACCESS_W *ea = r.failed ? NULL : ca_alloc(sizeof(EXPLICIT_ACCESS_W) * (size_t)(count ? count : 1));
    WCHAR **accounts = r.failed ? NULL : ca_alloc(sizeof(WCHAR *) * (size_t)(count ? count : 1));
    UINT result = r.failed ? cad_fail(h, &r) : !ea || !accounts ? ca_fail_win32(h, L"allocating", ERROR_OUTOFMEMORY) : ERROR_SUCCESS;
    for (long long i = 0; result == ERROR_SUCCESS && i < count; i++) {
        accounts[i] = cad_get(&r);
        DWORD mask = (DWORD)cad_get_int(&r, 0, 0xffffffffLL);
        if (r.failed) {
            result = cad_fail(h, &r);
            break;
        }
        DWORD er = acct_access(NULL, accounts[i], mask, NO_INHERITANCE, &ea[i]);
        if (er != ERROR_SUCCESS) {
            ca_log(h, L"share %ls: the account %ls could not be resolved", name, accounts[i]);
            result = ca_fail_win32(h, L"LookupAccountName", er);
            break;
        }
        ca_log(h, L"share %ls: %ls allowed 0x%08lx", name, accounts[i], (unsigned long)mask);
    }
    PACL acl = NULL;
    SECURITY_DESCRIPTOR sd;
    if (result == ERROR_SUCCESS) {
        DWORD er = SetEntriesInAclW((ULONG)count, ea, NULL, &acl);
        if (er != ERROR_SUCCESS) {
            result = ca_fail_win32(h, L"SetEntriesInAcl", er);
        } else if (!InitializeSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION) || !SetSecurityDescriptorDacl(&sd, TRUE, acl, FALSE)) {
            result = ca_fail_win32(h, L"building the share's security descriptor", GetLastError());
        }
    }
    if (result == ERROR_SUCCESS) {
        SHARE_INFO_2 *existing = NULL;
        NET_API_STATUS st = NetShareGetInfo(NULL, name, 2, (BYTE **)&existing);
        ca_log(h, L"NetShareGetInfo %ls: %lu", name, (unsigned long)st);
        if (existing) NetApiBufferFree(existing);
        if (st == NERR_Success) {
            ca_log(h, L"share %ls exists; it is dropped and created again", name);
            st = drop(h, name);
            if (st != NERR_Success) result = ca_fail_win32(h, L"NetShareDel", st);
        }
    }
    if (result == ERROR_SUCCESS) {
        SHARE_INFO_502 info = {0};
        info.shi502_netname = name;
        info.shi502_type = STYPE_DISKTREE;
        info.shi502_remark = description;
        info.shi502_max_uses = (DWORD)-1;
        info.shi502_path = folder;
        info.shi502_security_descriptor = &sd;
        DWORD parm = 0;
        NET_API_STATUS st = NetShareAdd(NULL, 502, (BYTE *)&info, &parm);
        ca_log(h, L"NetShareAdd %ls (%ls): %lu", name, folder, (unsigned long)st);
        if (st != NERR_Success) result = ca_fail_win32(h, L"NetShareAdd", st);
    }
    if (acl) LocalFree(acl);
    for (long long i = 0; ea && i < count; i++) acct_access_free(&ea[i]);
    for (long long i = 0; accounts && i < count; i++) ca_free(accounts[i]);
    ca_free(accounts); ca_free(ea);
    ca_free(name); ca_free(description); ca_free(folder); ca_free(data);
    return result;
}

CA_EXPORT DropSmb(MSIHANDLE h)
{
    ca_log_begin(h, L"DropSmb");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    WCHAR *name = cad_get(&r);
    UINT result = r.failed ? cad_fail(h, &r) : ERROR_SUCCESS;
    if (result == ERROR_SUCCESS) {
        NET_API_STATUS st = drop(h, name);
        if (st != NERR_Success) result = ca_fail_win32(h, L"NetShareDel", st);
    }
    ca_free(name); ca_free(data);
    return result;
}
