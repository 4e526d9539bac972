/*
 * Windows accounts for util:User / util:Group / util:GroupRef: where an account lives, its SID, its logon rights and
 * its local group memberships (NetApi32 and LSA). Shared by the scheduling half (users.c) and the executing half
 * (userexec.c).
 */
#ifndef SSPRKIT_ACCOUNTS_H
#define SSPRKIT_ACCOUNTS_H

#include "ca.h"
#include <aclapi.h>

/* The Attributes bits of the User / Wix4User table, as WiX's util compiler writes them. */
#define USR_DONT_EXPIRE_PASSWORD   0x0001
#define USR_PASSWORD_CANT_CHANGE   0x0002
#define USR_PASSWORD_EXPIRED       0x0004
#define USR_DISABLED               0x0008
#define USR_FAIL_IF_EXISTS         0x0010
#define USR_UPDATE_IF_EXISTS       0x0020
#define USR_LOGON_AS_SERVICE       0x0040
#define USR_LOGON_AS_BATCH         0x0080
#define USR_DONT_REMOVE            0x0100
#define USR_DONT_CREATE            0x0200
#define USR_NON_VITAL              0x0400
#define USR_REMOVE_COMMENT         0x0800

/* What an undo record (CreateUserRollback, RemoveUser) asks for. */
#define UNDO_DELETE_USER     0x01
#define UNDO_SERVICE_RIGHT   0x02
#define UNDO_BATCH_RIGHT     0x04
#define UNDO_RESTORE_FLAGS   0x08
#define UNDO_RESTORE_COMMENT 0x10

/* The server that holds a domain's accounts: NULL (this machine) for "", "." or this computer's name, otherwise a
 * writable domain controller found with DsGetDcName. *server is freed with ca_free. */
DWORD acct_server(const WCHAR *domain, WCHAR **server);
/* "domain\name", or "name" when domain is empty (freed with ca_free; NULL when out of memory). */
WCHAR *acct_qualified(const WCHAR *domain, const WCHAR *name);
/* The SID of an account (freed with ca_free), or NULL with the error in *er. With an empty domain, the names WiX's
 * util library treats as well-known (Everyone, Administrators, LocalSystem, LocalService, NetworkService,
 * AuthenticatedUser, Guests, CREATOR OWNER, INTERACTIVE, Users; compared exactly) are their well-known SIDs whatever
 * the system's language; any other account is looked up as "domain\name" (LookupAccountName). */
PSID acct_sid(const WCHAR *domain, const WCHAR *name, DWORD *er);
/* An entry for SetEntriesInAcl setting (SET_ACCESS: replacing the account's allow entries) mask for the account,
 * resolved as acct_sid does, with the inheritance flags given (NO_INHERITANCE, SUB_CONTAINERS_AND_OBJECTS_INHERIT).
 * The trustee is the SID: free it with acct_access_free. ERROR_SUCCESS or the lookup's error. */
DWORD acct_access(const WCHAR *domain, const WCHAR *name, DWORD mask, DWORD inheritance, EXPLICIT_ACCESS_W *ea);
void acct_access_free(EXPLICIT_ACCESS_W *ea);
/* Adds (grant) or removes a user right such as SeServiceLogonRight for the account. */
DWORD acct_set_right(const WCHAR *account, const WCHAR *right, BOOL grant);
/* Whether the account holds the right now (FALSE when it or its rights cannot be read). */
BOOL acct_has_right(const WCHAR *account, const WCHAR *right);
/* 1 when the account is a member of the local group on server, 0 when not, -1 when it cannot be told. */
int acct_in_local_group(const WCHAR *server, const WCHAR *account, const WCHAR *group);
/* Adds the account to the group (local group, then global group of a domain); an existing membership is success. */
DWORD acct_join_group(const WCHAR *server, const WCHAR *domain, const WCHAR *name, const WCHAR *group);
/* Removes the account from the group; a membership that is not there is success. */
DWORD acct_leave_group(const WCHAR *server, const WCHAR *domain, const WCHAR *name, const WCHAR *group);

#endif
