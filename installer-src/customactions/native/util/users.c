/*
 * util:User / util:GroupRef: ConfigureUsers (immediate, before InstallFiles) reads v4 Wix4User / Wix4UserGroup /
 * Wix4Group or v3 User / UserGroup / Group:
 *   User: User, Component_ (null = only declared for references: left alone), Name, Domain, Password, Comment (v4),
 *         Attributes (accounts.h USR_*); Name, Domain, Password and Comment are formatted here
 *   UserGroup: User_, Group_ -> Group: Name, Domain (formatted)
 * For a user whose component is being installed it schedules CreateUser with, before it, CreateUserRollback holding
 * what to undo: the user when it does not exist yet, the logon rights and group memberships it does not have yet, and
 * (UpdateIfExists) its current flags and comment. For a user whose component is being removed (unless the row says
 * not to remove it) it schedules RemoveUser (a commit action: a removed user cannot be brought back), which deletes a
 * user the row creates, or else takes its rights and group memberships back.
 *
 * CreateUser data: name, domain, comment, password, attributes, group count, then name and domain of each group.
 * Undo data (CreateUserRollback, RemoveUser): name, domain, what (UNDO_*), old flags, old comment, group count, groups.
 * The password is never logged; the actions carrying it are HideTarget, so Windows Installer does not log their data.
 */
#include "accounts.h"
#include <lm.h>

typedef struct {
    WCHAR *name;
    WCHAR *domain;
} group_t;

static const WCHAR *create_action(ca_gen_t g) { return g == CA_GEN_V4 ? L"Wix4CreateUser" CA_ARCH_V4 : L"CreateUser" CA_ARCH_V3; }
static const WCHAR *rollback_action(ca_gen_t g) { return g == CA_GEN_V4 ? L"Wix4CreateUserRollback" CA_ARCH_V4 : L"CreateUserRollback" CA_ARCH_V3; }
static const WCHAR *remove_action(ca_gen_t g) { return g == CA_GEN_V4 ? L"Wix4RemoveUser" CA_ARCH_V4 : L"RemoveUser" CA_ARCH_V3; }

static void free_groups(group_t *groups, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        ca_free(groups[i].name);
        ca_free(groups[i].domain);
    }
    ca_free(groups);
}

/* The formatted name and domain of every group the user joins. */
static UINT user_groups(MSIHANDLE h, ca_gen_t gen, const WCHAR *user, group_t **out, unsigned *count)
{
    *out = NULL;
    *count = 0;
    if (!ca_table_exists(h, gen == CA_GEN_V4 ? L"Wix4UserGroup" : L"UserGroup")) return ERROR_SUCCESS;
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `Wix4Group`.`Name`, `Wix4Group`.`Domain`, `Wix4UserGroup`.`Group_` FROM `Wix4UserGroup`, `Wix4Group` WHERE `Wix4UserGroup`.`Group_` = `Wix4Group`.`Group` AND `Wix4UserGroup`.`User_` = ?"
        : L"SELECT `Group`.`Name`, `Group`.`Domain`, `UserGroup`.`Group_` FROM `UserGroup`, `Group` WHERE `UserGroup`.`Group_` = `Group`.`Group` AND `UserGroup`.`User_` = ?";
    MSIHANDLE db = MsiGetActiveDatabase(h), view = 0, param = MsiCreateRecord(1), rec = 0;
    UINT er = db && param ? MsiDatabaseOpenViewW(db, sql, &view) : ERROR_INVALID_HANDLE;
    if (er == ERROR_SUCCESS) er = MsiRecordSetStringW(param, 1, user);
    if (er == ERROR_SUCCESS) er = MsiViewExecute(view, param);
    UINT result = er == ERROR_SUCCESS ? ERROR_SUCCESS : ca_fail_win32(h, L"querying the user's groups", er);
    group_t *groups = NULL;
    unsigned n = 0;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        group_t *more = ca_alloc(sizeof(group_t) * (n + 1));
        WCHAR *raw_name = NULL, *raw_domain = NULL;
        if (!more) {
            result = ca_fail_win32(h, L"allocating the group list", ERROR_OUTOFMEMORY);
        } else {
            if (n) memcpy(more, groups, sizeof(group_t) * n);
            ca_free(groups);
            groups = more;
            if (ca_record_string(h, rec, 1, &raw_name) || ca_record_string(h, rec, 2, &raw_domain)
                || ca_format(h, raw_name, &groups[n].name) || ca_format(h, raw_domain, &groups[n].domain)) {
                result = ERROR_INSTALL_FAILURE;
            }
            n++;
        }
        ca_free(raw_name);
        ca_free(raw_domain);
        MsiCloseHandle(rec);
    }
    if (view) MsiCloseHandle(view);
    if (param) MsiCloseHandle(param);
    if (db) MsiCloseHandle(db);
    if (result != ERROR_SUCCESS) {
        free_groups(groups, n);
        return result;
    }
    *out = groups;
    *count = n;
    return ERROR_SUCCESS;
}

static void put_groups(cs_t *data, const group_t *groups, const BOOL *pick, unsigned n)
{
    unsigned picked = 0;
    for (unsigned i = 0; i < n; i++) picked += !pick || pick[i];
    cad_put_int(data, picked);
    for (unsigned i = 0; i < n; i++) {
        if (pick && !pick[i]) continue;
        cad_put(data, groups[i].name);
        cad_put(data, groups[i].domain);
    }
}

typedef struct {
    WCHAR *key, *component, *name, *domain, *password, *comment;
    int attributes;
} user_row_t;

/* Schedules the rollback and the creation (or update) of one user. */
static UINT schedule_install(MSIHANDLE h, ca_gen_t gen, const user_row_t *u, int exists, const USER_INFO_1 *now,
                             const group_t *groups, unsigned n)
{
    WCHAR *account = acct_qualified(u->domain, u->name);
    BOOL *leave = ca_alloc(sizeof(BOOL) * (n ? n : 1));
    if (!account || !leave) {
        ca_free(account);
        ca_free(leave);
        return ca_fail_win32(h, L"allocating", ERROR_OUTOFMEMORY);
    }
    int what = 0;
    BOOL create = !(u->attributes & USR_DONT_CREATE);
    if (exists == 0 && create) what |= UNDO_DELETE_USER;
    if ((u->attributes & USR_LOGON_AS_SERVICE) && (exists != 1 || !acct_has_right(account, L"SeServiceLogonRight"))) what |= UNDO_SERVICE_RIGHT;
    if ((u->attributes & USR_LOGON_AS_BATCH) && (exists != 1 || !acct_has_right(account, L"SeBatchLogonRight"))) what |= UNDO_BATCH_RIGHT;
    if (exists == 1 && create && (u->attributes & USR_UPDATE_IF_EXISTS) && now) what |= UNDO_RESTORE_FLAGS | UNDO_RESTORE_COMMENT;
    unsigned leaving = 0;
    for (unsigned i = 0; i < n && !(what & UNDO_DELETE_USER); i++) {
        WCHAR *server = NULL;
        int member = -1;
        if (acct_server(groups[i].domain, &server) == ERROR_SUCCESS) member = exists == 1 ? acct_in_local_group(server, account, groups[i].name) : 0;
        ca_free(server);
        if (member < 0) ca_log(h, L"user %ls: membership of group %ls cannot be read; a rollback leaves it as it is", account, groups[i].name);
        leave[i] = member == 0;
        leaving += leave[i];
    }
    UINT result = ERROR_SUCCESS;
    cs_t data;
    cs_init(&data, CA_MAX_VALUE);
    if (what || leaving) {
        cad_put(&data, u->name);
        cad_put(&data, u->domain);
        cad_put_int(&data, what);
        cad_put_int(&data, now ? (long long)now->usri1_flags : 0);
        cad_put(&data, now && now->usri1_comment ? now->usri1_comment : L"");
        put_groups(&data, groups, (what & UNDO_DELETE_USER) ? NULL : leave, (what & UNDO_DELETE_USER) ? 0 : n);
        result = data.failed ? ERROR_INSTALL_FAILURE : ca_schedule(h, rollback_action(gen), data.p);
        cs_free(&data);
        cs_init(&data, CA_MAX_VALUE);
    }
    if (result == ERROR_SUCCESS) {
        cad_put(&data, u->name);
        cad_put(&data, u->domain);
        cad_put(&data, u->comment);
        cad_put(&data, u->password);
        cad_put_int(&data, u->attributes);
        put_groups(&data, groups, NULL, n);
        result = data.failed ? ERROR_INSTALL_FAILURE : ca_schedule(h, create_action(gen), data.p);
        /* the data holds the password: the script has its copy now, so the session property and our buffer go (a log
         * that lists the session's properties at the end, as Wine's does whatever MsiHiddenProperties says, has none) */
        MsiSetPropertyW(h, create_action(gen), L"");
        if (data.p) SecureZeroMemory(data.p, data.len * sizeof(WCHAR));
    }
    if (result == ERROR_SUCCESS) {
        ca_log(h, L"user %ls: %ls, %u group(s) to join", account,
               !create ? L"not created (CreateUser=no)" : exists == 1 ? L"exists" : exists == 0 ? L"to create" : L"existence unknown", n);
    }
    cs_free(&data);
    ca_free(account);
    ca_free(leave);
    return result;
}

static UINT schedule_remove(MSIHANDLE h, ca_gen_t gen, const user_row_t *u, const group_t *groups, unsigned n)
{
    int what = 0;
    if (!(u->attributes & USR_DONT_CREATE)) what |= UNDO_DELETE_USER;
    if (u->attributes & USR_LOGON_AS_SERVICE) what |= UNDO_SERVICE_RIGHT;
    if (u->attributes & USR_LOGON_AS_BATCH) what |= UNDO_BATCH_RIGHT;
    cs_t data;
    cs_init(&data, CA_MAX_VALUE);
    cad_put(&data, u->name);
    cad_put(&data, u->domain);
    cad_put_int(&data, what);
    cad_put_int(&data, 0);
    cad_put(&data, L"");
    put_groups(&data, groups, NULL, (what & UNDO_DELETE_USER) ? 0 : n);
    UINT result = data.failed ? ERROR_INSTALL_FAILURE : ca_schedule(h, remove_action(gen), data.p);
    if (result == ERROR_SUCCESS) ca_log(h, L"user %ls: %ls on uninstall", u->name, (what & UNDO_DELETE_USER) ? L"to remove" : L"rights and groups to take back");
    cs_free(&data);
    return result;
}

static BOOL local_or_source(INSTALLSTATE s) { return s == INSTALLSTATE_LOCAL || s == INSTALLSTATE_SOURCE; }

static UINT configure_user(MSIHANDLE h, ca_gen_t gen, user_row_t *u)
{
    INSTALLSTATE installed = INSTALLSTATE_UNKNOWN, action = INSTALLSTATE_UNKNOWN;
    if (MsiGetComponentStateW(h, u->component, &installed, &action) != ERROR_SUCCESS) {
        ca_log(h, L"user %ls: component %ls has no state; the user is left alone", u->key, u->component);
        return ERROR_SUCCESS;
    }
    BOOL installing = local_or_source(action);
    BOOL removing = action == INSTALLSTATE_ABSENT && local_or_source(installed);
    if (!installing && !removing) return ERROR_SUCCESS;
    if (!u->name[0]) {
        ca_log(h, L"user %ls: the name is empty once formatted", u->key);
        return ERROR_INSTALL_FAILURE;
    }
    group_t *groups = NULL;
    unsigned n = 0;
    UINT result = user_groups(h, gen, u->key, &groups, &n);
    if (result != ERROR_SUCCESS) return result;
    WCHAR *server = NULL;
    USER_INFO_1 *now = NULL;
    int exists = -1;
    DWORD er = acct_server(u->domain, &server);
    if (er == ERROR_SUCCESS) {
        NET_API_STATUS st = NetUserGetInfo(server, u->name, 1, (BYTE **)&now);
        exists = st == NERR_Success ? 1 : st == NERR_UserNotFound ? 0 : -1;
        if (exists < 0) ca_log(h, L"user %ls: whether it exists cannot be told (error %lu); going on", u->name, (unsigned long)st);
    } else {
        ca_log(h, L"user %ls: no domain controller found for %ls (error %lu); going on", u->name, u->domain, (unsigned long)er);
    }
    if (installing) {
        if (exists == 1 && local_or_source(installed)) {
            /* a repair: the user is there because this product made it */
            u->attributes &= ~USR_FAIL_IF_EXISTS;
            if (!(u->attributes & USR_DONT_CREATE)) u->attributes |= USR_UPDATE_IF_EXISTS;
        }
        if (exists == 1 && (u->attributes & USR_FAIL_IF_EXISTS) && !(u->attributes & USR_UPDATE_IF_EXISTS)) {
            ca_log(h, L"user %ls already exists and the package says to fail then (FailIfExists)", u->name);
            result = ERROR_INSTALL_FAILURE;
        } else {
            result = schedule_install(h, gen, u, exists, exists == 1 ? now : NULL, groups, n);
        }
    } else if (u->attributes & USR_DONT_REMOVE) {
        ca_log(h, L"user %ls stays on uninstall (RemoveOnUninstall=no)", u->name);
    } else if (exists == 0) {
        ca_log(h, L"user %ls does not exist: nothing to remove", u->name);
    } else {
        result = schedule_remove(h, gen, u, groups, n);
    }
    if (now) NetApiBufferFree(now);
    ca_free(server);
    free_groups(groups, n);
    return result;
}

CA_EXPORT ConfigureUsers(MSIHANDLE h)
{
    ca_log_begin(h, L"ConfigureUsers");
    ca_gen_t gen = ca_generation(h, L"Wix4User", L"User");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4User or User table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `User`, `Component_`, `Name`, `Domain`, `Password`, `Attributes`, `Comment` FROM `Wix4User` WHERE `Component_` IS NOT NULL"
        : L"SELECT `User`, `Component_`, `Name`, `Domain`, `Password`, `Attributes` FROM `User` WHERE `Component_` IS NOT NULL";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        user_row_t u = {0};
        WCHAR *raw[4] = {0};
        if (ca_record_string(h, rec, 1, &u.key) || ca_record_string(h, rec, 2, &u.component) || ca_record_string(h, rec, 3, &raw[0])
            || ca_record_string(h, rec, 4, &raw[1]) || ca_record_string(h, rec, 5, &raw[2])
            || (gen == CA_GEN_V4 ? ca_record_string(h, rec, 7, &raw[3]) : ca_format(h, L"", &raw[3]))
            || ca_format(h, raw[0], &u.name) || ca_format(h, raw[1], &u.domain) || ca_format(h, raw[2], &u.password)
            || ca_format(h, raw[3], &u.comment)) {
            result = ERROR_INSTALL_FAILURE;
        } else {
            u.attributes = ca_record_int(rec, 6, 0);
            result = configure_user(h, gen, &u);
        }
        if (u.password) SecureZeroMemory(u.password, wcslen(u.password) * sizeof(WCHAR));
        if (raw[2]) SecureZeroMemory(raw[2], wcslen(raw[2]) * sizeof(WCHAR));
        for (int i = 0; i < 4; i++) ca_free(raw[i]);
        ca_free(u.key); ca_free(u.component); ca_free(u.name); ca_free(u.domain); ca_free(u.password); ca_free(u.comment);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    return result;
}
