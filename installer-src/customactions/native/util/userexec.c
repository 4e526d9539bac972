/*
 * The deferred halves of util:User (see users.c for the data ConfigureUsers writes):
 *   CreateUser          creates the user (NetUserAdd), or updates one that exists when the row says UpdateIfExists,
 *                       grants the logon rights (LsaAddAccountRights) and joins the groups (NetLocalGroupAddMembers,
 *                       a domain's global group with NetGroupAddUser); a failure fails the install unless Vital="no"
 *   CreateUserRollback  undoes what CreateUser did: group memberships and rights it added, the flags and comment it
 *                       changed, the user it created
 *   RemoveUser          on uninstall (commit): takes back the rights, leaves the groups, deletes a user the row creates
 * WiX v3's rollback action runs the RemoveUser entry point, v4's CreateUserRollback: both read the same undo data.
 * No line written here holds the password.
 */
#include "accounts.h"
#include <lm.h>

#define FLAG_MASK (UF_DONT_EXPIRE_PASSWD | UF_PASSWD_CANT_CHANGE | UF_ACCOUNTDISABLE | UF_PASSWORD_EXPIRED)

static DWORD user_flags(int attributes)
{
    DWORD f = 0;
    if (attributes & USR_DONT_EXPIRE_PASSWORD) f |= UF_DONT_EXPIRE_PASSWD;
    if (attributes & USR_PASSWORD_CANT_CHANGE) f |= UF_PASSWD_CANT_CHANGE;
    if (attributes & USR_DISABLED) f |= UF_ACCOUNTDISABLE;
    if (attributes & USR_PASSWORD_EXPIRED) f |= UF_PASSWORD_EXPIRED;
    return f;
}

static DWORD set_flags(const WCHAR *server, const WCHAR *name, DWORD flags)
{
    USER_INFO_1008 info = {flags | UF_SCRIPT};
    return NetUserSetInfo(server, name, 1008, (BYTE *)&info, NULL);
}

static DWORD set_comment(const WCHAR *server, const WCHAR *name, const WCHAR *comment)
{
    USER_INFO_1007 info = {(WCHAR *)comment};
    return NetUserSetInfo(server, name, 1007, (BYTE *)&info, NULL);
}

static UINT net_fail(MSIHANDLE h, const WCHAR *what, DWORD st)
{
    if (st == NERR_PasswordTooShort) {
        ca_log(h, L"%ls: the password does not meet the password policy (length, complexity or history) (error %lu)", what, (unsigned long)st);
        return ERROR_INSTALL_FAILURE;
    }
    return ca_fail_win32(h, what, st);
}

/* The user itself: created, or updated / left as it is when it exists. */
static UINT create_or_update(MSIHANDLE h, const WCHAR *server, const WCHAR *name, const WCHAR *comment, const WCHAR *password, int attributes)
{
    DWORD flags = user_flags(attributes);
    USER_INFO_1 info = {0};
    info.usri1_name = (WCHAR *)name;
    info.usri1_password = password[0] ? (WCHAR *)password : NULL;
    info.usri1_priv = USER_PRIV_USER;
    info.usri1_comment = comment[0] ? (WCHAR *)comment : NULL;
    info.usri1_flags = flags | UF_SCRIPT;
    DWORD parm = 0;
    NET_API_STATUS st = NetUserAdd(server, 1, (BYTE *)&info, &parm);
    if (st == NERR_Success) {
        ca_log(h, L"user %ls created", name);
        return ERROR_SUCCESS;
    }
    if (st != NERR_UserExists) {
        ca_log(h, L"user %ls could not be created", name);
        return net_fail(h, L"NetUserAdd", st);
    }
    if ((attributes & USR_FAIL_IF_EXISTS) && !(attributes & USR_UPDATE_IF_EXISTS)) {
        ca_log(h, L"user %ls already exists and the package says to fail then (FailIfExists)", name);
        return ERROR_INSTALL_FAILURE;
    }
    if (!(attributes & USR_UPDATE_IF_EXISTS)) {
        ca_log(h, L"user %ls exists; left as it is", name);
        return ERROR_SUCCESS;
    }
    USER_INFO_1 *now = NULL;
    st = NetUserGetInfo(server, name, 1, (BYTE **)&now);
    if (st != NERR_Success) return net_fail(h, L"NetUserGetInfo", st);
    st = set_flags(server, name, (now->usri1_flags & ~FLAG_MASK & ~UF_SCRIPT) | flags);
    NetApiBufferFree(now);
    if (st != NERR_Success) return net_fail(h, L"NetUserSetInfo (flags)", st);
    if (password[0]) {
        USER_INFO_1003 pw = {(WCHAR *)password};
        st = NetUserSetInfo(server, name, 1003, (BYTE *)&pw, NULL);
        if (st != NERR_Success) return net_fail(h, L"NetUserSetInfo (password)", st);
    }
    if (comment[0] || (attributes & USR_REMOVE_COMMENT)) {
        st = set_comment(server, name, (attributes & USR_REMOVE_COMMENT) ? L"" : comment);
        if (st != NERR_Success) return net_fail(h, L"NetUserSetInfo (comment)", st);
    }
    ca_log(h, L"user %ls exists; updated (UpdateIfExists)%ls", name, password[0] ? L", password set" : L"");
    return ERROR_SUCCESS;
}

/* The server holding the user and its "domain\name": ERROR_SUCCESS, or the error (nothing to free then). */
static DWORD locate(const WCHAR *domain, const WCHAR *name, WCHAR **server, WCHAR **account)
{
    *account = NULL;
    DWORD er = acct_server(domain, server);
    if (er != ERROR_SUCCESS) return er;
    *account = acct_qualified(domain, name);
    if (*account) return ERROR_SUCCESS;
    ca_free(*server);
    *server = NULL;
    return ERROR_OUTOFMEMORY;
}

static UINT grant(MSIHANDLE h, const WCHAR *account, const WCHAR *right)
{
    DWORD er = acct_set_right(account, right, TRUE);
    if (er == ERROR_SUCCESS) {
        ca_log(h, L"user %ls: %ls granted", account, right);
        return ERROR_SUCCESS;
    }
    ca_log(h, L"user %ls: %ls not granted", account, right);
    return ca_fail_win32(h, L"LsaAddAccountRights", er);
}

CA_EXPORT CreateUser(MSIHANDLE h)
{
    ca_log_begin(h, L"CreateUser");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    /* it holds the password: Windows Installer refuses property changes in the script, Wine's keeps the value in the
     * session (and lists it in the verbose log's final property dump) unless it is cleared */
    MsiSetPropertyW(h, L"CustomActionData", L"");
    cad_reader_t r;
    cad_open(&r, data);
    WCHAR *name = cad_get(&r), *domain = cad_get(&r), *comment = cad_get(&r), *password = cad_get(&r);
    int attributes = (int)cad_get_int(&r, 0, 0xffff);
    long long groups = cad_get_int(&r, 0, 100000);
    UINT result = r.failed ? cad_fail(h, &r) : ERROR_SUCCESS;
    WCHAR *server = NULL, *account = NULL;
    if (result == ERROR_SUCCESS) {
        DWORD er = locate(domain, name, &server, &account);
        if (er != ERROR_SUCCESS) {
            ca_log(h, L"user %ls: no domain controller found for %ls", name, domain);
            result = ca_fail_win32(h, L"DsGetDcName", er);
        }
    }
    if (result == ERROR_SUCCESS && !(attributes & USR_DONT_CREATE)) result = create_or_update(h, server, name, comment, password, attributes);
    if (result == ERROR_SUCCESS && (attributes & USR_LOGON_AS_SERVICE)) result = grant(h, account, L"SeServiceLogonRight");
    if (result == ERROR_SUCCESS && (attributes & USR_LOGON_AS_BATCH)) result = grant(h, account, L"SeBatchLogonRight");
    for (long long i = 0; result == ERROR_SUCCESS && i < groups; i++) {
        WCHAR *group = cad_get(&r), *group_domain = cad_get(&r), *group_server = NULL;
        if (r.failed) {
            result = cad_fail(h, &r);
        } else {
            DWORD er = acct_server(group_domain, &group_server);
            if (er == ERROR_SUCCESS) er = acct_join_group(group_server, domain, name, group);
            if (er == ERROR_SUCCESS) {
                ca_log(h, L"user %ls: member of group %ls", account, group);
            } else {
                ca_log(h, L"user %ls could not join group %ls", account, group);
                result = ca_fail_win32(h, L"NetLocalGroupAddMembers", er);
            }
        }
        ca_free(group); ca_free(group_domain); ca_free(group_server);
    }
    if (result != ERROR_SUCCESS && (attributes & USR_NON_VITAL) && !r.failed) {
        ca_log(h, L"user %ls: the failure above is ignored (Vital=\"no\")", name);
        result = ERROR_SUCCESS;
    }
    if (password) SecureZeroMemory(password, wcslen(password) * sizeof(WCHAR));
    if (data) SecureZeroMemory(data, wcslen(data) * sizeof(WCHAR));
    ca_free(name); ca_free(domain); ca_free(comment); ca_free(password); ca_free(server); ca_free(account);
    ca_free(data);
    return result;
}

static void take_back_right(MSIHANDLE h, const WCHAR *account, const WCHAR *right)
{
    DWORD er = acct_set_right(account, right, FALSE);
    if (er == ERROR_SUCCESS) ca_log(h, L"user %ls: %ls taken back", account, right);
    else ca_log(h, L"user %ls: %ls not taken back (error %lu); going on", account, right, (unsigned long)er);
}

/* CreateUserRollback and RemoveUser: everything is attempted, failures are logged and never fail the action. */
static UINT undo(MSIHANDLE h)
{
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    WCHAR *name = cad_get(&r), *domain = cad_get(&r);
    int what = (int)cad_get_int(&r, 0, 0xff);
    DWORD old_flags = (DWORD)cad_get_int(&r, 0, 0xffffffffLL);
    WCHAR *old_comment = cad_get(&r);
    long long groups = cad_get_int(&r, 0, 100000);
    UINT result = r.failed ? cad_fail(h, &r) : ERROR_SUCCESS;
    WCHAR *server = NULL, *account = NULL;
    if (result == ERROR_SUCCESS) {
        DWORD er = locate(domain, name, &server, &account);
        if (er != ERROR_SUCCESS) {
            ca_log(h, L"user %ls: no domain controller found for %ls (error %lu); nothing undone", name, domain, (unsigned long)er);
            result = ERROR_INSTALL_FAILURE;
        }
    }
    if (result == ERROR_SUCCESS) {
        if (what & UNDO_SERVICE_RIGHT) take_back_right(h, account, L"SeServiceLogonRight");
        if (what & UNDO_BATCH_RIGHT) take_back_right(h, account, L"SeBatchLogonRight");
        for (long long i = 0; i < groups; i++) {
            WCHAR *group = cad_get(&r), *group_domain = cad_get(&r), *group_server = NULL;
            if (r.failed) {
                ca_free(group); ca_free(group_domain);
                result = cad_fail(h, &r);
                break;
            }
            DWORD er = acct_server(group_domain, &group_server);
            if (er == ERROR_SUCCESS) er = acct_leave_group(group_server, domain, name, group);
            if (er == ERROR_SUCCESS) ca_log(h, L"user %ls: no longer a member of group %ls", account, group);
            else ca_log(h, L"user %ls: still a member of group %ls (error %lu); going on", account, group, (unsigned long)er);
            ca_free(group); ca_free(group_domain); ca_free(group_server);
        }
        if (what & UNDO_RESTORE_FLAGS) {
            DWORD st = set_flags(server, name, old_flags & ~UF_SCRIPT);
            ca_log(h, L"user %ls: flags put back to 0x%lx (result %lu)", name, (unsigned long)old_flags, (unsigned long)st);
        }
        if (what & UNDO_RESTORE_COMMENT) {
            DWORD st = set_comment(server, name, old_comment);
            ca_log(h, L"user %ls: comment put back (result %lu)", name, (unsigned long)st);
        }
        if (what & UNDO_DELETE_USER) {
            NET_API_STATUS st = NetUserDel(server, name);
            if (st == NERR_Success) ca_log(h, L"user %ls removed", name);
            else if (st == NERR_UserNotFound) ca_log(h, L"user %ls does not exist (any more)", name);
            else ca_log(h, L"user %ls not removed (error %lu); going on", name, (unsigned long)st);
        }
    }
    ca_free(name); ca_free(domain); ca_free(old_comment); ca_free(server); ca_free(account);
    ca_free(data);
    return r.failed ? result : ERROR_SUCCESS;
}

CA_EXPORT CreateUserRollback(MSIHANDLE h)
{
    ca_log_begin(h, L"CreateUserRollback");
    return undo(h);
}

CA_EXPORT RemoveUser(MSIHANDLE h)
{
    ca_log_begin(h, L"RemoveUser");
    return undo(h);
}
