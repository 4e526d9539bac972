/* Accounts, rights and group memberships through NetApi32 and LSA (see accounts.h). */
#include "accounts.h"
#include <lm.h>
#include <dsgetdc.h>
#include <ntsecapi.h>

static BOOL is_this_machine(const WCHAR *domain)
{
    if (!domain || !domain[0] || !wcscmp(domain, L".")) return TRUE;
    WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD n = MAX_COMPUTERNAME_LENGTH + 1;
    return GetComputerNameW(computer, &n) && !lstrcmpiW(computer, domain);
}

DWORD acct_server(const WCHAR *domain, WCHAR **server)
{
    *server = NULL;
    if (is_this_machine(domain)) return ERROR_SUCCESS;
    DOMAIN_CONTROLLER_INFOW *dc = NULL;
    DWORD er = DsGetDcNameW(NULL, domain, NULL, NULL, DS_WRITABLE_REQUIRED, &dc);
    if (er != ERROR_SUCCESS) return er;
    *server = ca_wcsdup(dc->DomainControllerName ? dc->DomainControllerName : L"");
    NetApiBufferFree(dc);
    return *server ? ERROR_SUCCESS : ERROR_OUTOFMEMORY;
}

WCHAR *acct_qualified(const WCHAR *domain, const WCHAR *name)
{
    cs_t s;
    cs_init(&s, 1024);
    if (domain && domain[0]) {
        cs_append(&s, domain);
        cs_append_char(&s, L'\\');
    }
    cs_append(&s, name);
    return cs_take(&s);
}

/* The account's SID (freed with ca_free), or NULL with the error in *er. */
static PSID account_sid(const WCHAR *account, DWORD *er)
{
    DWORD cb = 0, cch = 0;
    SID_NAME_USE use;
    LookupAccountNameW(NULL, account, NULL, &cb, NULL, &cch, &use);
    if (!cb || cb > 4096 || cch > 4096) {
        *er = GetLastError() ? GetLastError() : ERROR_NONE_MAPPED;
        return NULL;
    }
    PSID sid = ca_alloc(cb);
    WCHAR *domain = ca_alloc(((size_t)cch + 1) * sizeof(WCHAR));
    if (!sid || !domain) {
        ca_free(sid);
        ca_free(domain);
        *er = ERROR_OUTOFMEMORY;
        return NULL;
    }
    if (!LookupAccountNameW(NULL, account, sid, &cb, domain, &cch, &use)) {
        *er = GetLastError();
        ca_free(sid);
        sid = NULL;
    }
    ca_free(domain);
    return sid;
}

static const struct { const WCHAR *name; WELL_KNOWN_SID_TYPE type; } WELL_KNOWN[] = {
    {L"Everyone", WinWorldSid}, {L"Administrators", WinBuiltinAdministratorsSid}, {L"LocalSystem", WinLocalSystemSid},
    {L"LocalService", WinLocalServiceSid}, {L"NetworkService", WinNetworkServiceSid},
    {L"AuthenticatedUser", WinAuthenticatedUserSid}, {L"Guests", WinBuiltinGuestsSid}, {L"CREATOR OWNER", WinCreatorOwnerSid},
    {L"INTERACTIVE", WinInteractiveSid}, {L"Users", WinBuiltinUsersSid},
};

PSID acct_sid(const WCHAR *domain, const WCHAR *name, DWORD *er)
{
    if (!domain || !domain[0]) {
        for (size_t i = 0; i < sizeof WELL_KNOWN / sizeof WELL_KNOWN[0]; i++) {
            if (wcscmp(name, WELL_KNOWN[i].name)) continue;
            DWORD cb = SECURITY_MAX_SID_SIZE;
            PSID sid = ca_alloc(cb);
            if (!sid) {
                *er = ERROR_OUTOFMEMORY;
                return NULL;
            }
            if (!CreateWellKnownSid(WELL_KNOWN[i].type, NULL, sid, &cb)) {
                *er = GetLastError();
                ca_free(sid);
                return NULL;
            }
            return sid;
        }
    }
    WCHAR *account = acct_qualified(domain, name);
    if (!account) {
        *er = ERROR_OUTOFMEMORY;
        return NULL;
    }
    PSID sid = account_sid(account, er);
    ca_free(account);
    return sid;
}

DWORD acct_access(const WCHAR *domain, const WCHAR *name, DWORD mask, DWORD inheritance, EXPLICIT_ACCESS_W *ea)
{
    DWORD er = ERROR_SUCCESS;
    memset(ea, 0, sizeof *ea);
    PSID sid = acct_sid(domain, name, &er);
    if (!sid) return er;
    ea->grfAccessPermissions = mask;
    ea->grfAccessMode = SET_ACCESS;
    ea->grfInheritance = inheritance;
    ea->Trustee.TrusteeForm = TRUSTEE_IS_SID;
    ea->Trustee.TrusteeType = TRUSTEE_IS_UNKNOWN;
    ea->Trustee.ptstrName = (LPWSTR)sid;
    return ERROR_SUCCESS;
}

void acct_access_free(EXPLICIT_ACCESS_W *ea)
{
    if (ea->Trustee.TrusteeForm == TRUSTEE_IS_SID) ca_free(ea->Trustee.ptstrName);
    ea->Trustee.ptstrName = NULL;
}

static void lsa_string(LSA_UNICODE_STRING *s, const WCHAR *text)
{
    size_t n = wcslen(text);
    s->Buffer = (WCHAR *)text;
    s->Length = (USHORT)(n * sizeof(WCHAR));
    s->MaximumLength = (USHORT)((n + 1) * sizeof(WCHAR));
}

DWORD acct_set_right(const WCHAR *account, const WCHAR *right, BOOL grant)
{
    DWORD er = ERROR_SUCCESS;
    PSID sid = account_sid(account, &er);
    if (!sid) return er;
    LSA_OBJECT_ATTRIBUTES attributes = {0};
    LSA_HANDLE policy = NULL;
    NTSTATUS st = LsaOpenPolicy(NULL, &attributes, POLICY_CREATE_ACCOUNT | POLICY_LOOKUP_NAMES, &policy);
    if (st == 0) {
        LSA_UNICODE_STRING r;
        lsa_string(&r, right);
        st = grant ? LsaAddAccountRights(policy, sid, &r, 1) : LsaRemoveAccountRights(policy, sid, FALSE, &r, 1);
        LsaClose(policy);
    }
    ca_free(sid);
    er = LsaNtStatusToWinError(st);
    /* removing a right the account no longer has (or an account with no rights left) is done already */
    if (!grant && er == ERROR_FILE_NOT_FOUND) er = ERROR_SUCCESS;
    return er;
}

BOOL acct_has_right(const WCHAR *account, const WCHAR *right)
{
    DWORD er = ERROR_SUCCESS;
    PSID sid = account_sid(account, &er);
    if (!sid) return FALSE;
    LSA_OBJECT_ATTRIBUTES attributes = {0};
    LSA_HANDLE policy = NULL;
    BOOL has = FALSE;
    if (LsaOpenPolicy(NULL, &attributes, POLICY_LOOKUP_NAMES, &policy) == 0) {
        LSA_UNICODE_STRING *rights = NULL;
        ULONG count = 0;
        if (LsaEnumerateAccountRights(policy, sid, &rights, &count) == 0 && rights) {
            for (ULONG i = 0; i < count && !has; i++) {
                WCHAR held[64];
                size_t n = rights[i].Length / sizeof(WCHAR);
                if (n >= 64 || !rights[i].Buffer) continue;
                memcpy(held, rights[i].Buffer, n * sizeof(WCHAR));
                held[n] = 0;
                has = !lstrcmpiW(held, right);
            }
            LsaFreeMemory(rights);
        }
        LsaClose(policy);
    }
    ca_free(sid);
    return has;
}

int acct_in_local_group(const WCHAR *server, const WCHAR *account, const WCHAR *group)
{
    LOCALGROUP_USERS_INFO_0 *groups = NULL;
    DWORD read = 0, total = 0;
    NET_API_STATUS st = NetUserGetLocalGroups(server, account, 0, 0, (BYTE **)&groups, MAX_PREFERRED_LENGTH, &read, &total);
    if (st != NERR_Success) {
        if (groups) NetApiBufferFree(groups);
        return st == NERR_UserNotFound ? 0 : -1;
    }
    int member = 0;
    for (DWORD i = 0; i < read && !member; i++) {
        if (groups[i].lgrui0_name && !lstrcmpiW(groups[i].lgrui0_name, group)) member = 1;
    }
    NetApiBufferFree(groups);
    return member;
}

DWORD acct_join_group(const WCHAR *server, const WCHAR *domain, const WCHAR *name, const WCHAR *group)
{
    WCHAR *account = acct_qualified(domain, name);
    if (!account) return ERROR_OUTOFMEMORY;
    LOCALGROUP_MEMBERS_INFO_3 member = {account};
    NET_API_STATUS st = NetLocalGroupAddMembers(server, group, 3, (BYTE *)&member, 1);
    if (st == NERR_GroupNotFound) st = NetGroupAddUser(server, group, name); /* a global group of a domain */
    ca_free(account);
    return st == ERROR_MEMBER_IN_ALIAS || st == NERR_UserInGroup ? NERR_Success : st;
}

DWORD acct_leave_group(const WCHAR *server, const WCHAR *domain, const WCHAR *name, const WCHAR *group)
{
    WCHAR *account = acct_qualified(domain, name);
    if (!account) return ERROR_OUTOFMEMORY;
    LOCALGROUP_MEMBERS_INFO_3 member = {account};
    NET_API_STATUS st = NetLocalGroupDelMembers(server, group, 3, (BYTE *)&member, 1);
    if (st == NERR_GroupNotFound) st = NetGroupDelUser(server, group, name);
    ca_free(account);
    return st == ERROR_MEMBER_NOT_IN_ALIAS || st == NERR_UserNotInGroup || st == NERR_UserNotFound ? NERR_Success : st;
}
