/*
 * http:UrlReservation: URL reservations (URL ACLs) of the Windows HTTP Server API (http.sys), added on install and
 * removed on uninstall, each with its rollback.
 *
 * SchedHttpUrlReservationsInstall / SchedHttpUrlReservationsUninstall (immediate; after InstallFiles / before
 * RemoveFiles) read the first of these tables the package has:
 *   Wix4HttpUrlReservation (WiX v4+) or WixHttpUrlReservation (WiX v3): key, HandleExisting (0 replace, 1 ignore,
 *     2 fail), Sddl (formatted, may be null), Url (formatted), Component_;
 *   Wix4HttpUrlAce or WixHttpUrlAce: key, reservation key, SecurityPrincipal (formatted; "*S-1-..." is a SID
 *     string, anything else an account name looked up with LookupAccountName), Rights (an access mask: 0x10000000
 *     all, 0x20000000 register, 0x40000000 delegate).
 * A reservation without Sddl gets "D:" followed by one allow entry "(A;;<rights>;;;<SID>)" per ACE row. Install
 * handles the reservations of components being installed or reinstalled, uninstall those of components being removed.
 * Each scheduled record says what ExecHttpUrlReservations does with one URL (url_op_t); the rollback record puts
 * back what the reservation was when scheduling looked (HttpQueryServiceConfiguration), or removes it when there was
 * none.
 *
 * ExecHttpUrlReservations (deferred and rollback, not impersonated): HttpInitialize (HTTP Server API 1.0, config),
 * then per record HttpDeleteServiceConfiguration and/or HttpSetServiceConfiguration with HttpServiceConfigUrlAclInfo.
 * A reservation that is not there counts as removed; one that exists already is a failure only when HandleExisting
 * said "fail". A rollback logs its failures and goes on.
 */
#include "ca.h"
#include <http.h>
#include <sddl.h>

/* What one record asks: remove the URL's reservation first, then (when the SDDL is not empty) add it. */
#define URL_REMOVE_FIRST    0x1
#define URL_FAIL_IF_EXISTS  0x2

/* HandleExisting, as WiX's compiler writes it. */
enum { HANDLE_REPLACE = 0, HANDLE_IGNORE = 1, HANDLE_FAIL = 2 };

typedef enum { URL_GEN_NONE, URL_GEN_V3, URL_GEN_V4 } url_gen_t;

static const WCHAR *action_name(url_gen_t gen, BOOL install, BOOL rollback)
{
    if (gen == URL_GEN_V4) {
        if (install) return rollback ? L"Wix4RollbackHttpUrlReservationsInstall" CA_ARCH_V4 : L"Wix4ExecHttpUrlReservationsInstall" CA_ARCH_V4;
        return rollback ? L"Wix4RollbackHttpUrlReservationsUninstall" CA_ARCH_V4 : L"Wix4ExecHttpUrlReservationsUninstall" CA_ARCH_V4;
    }
    if (install) return rollback ? L"WixRollbackHttpUrlReservationsInstall" CA_ARCH_V3 : L"WixExecHttpUrlReservationsInstall" CA_ARCH_V3;
    return rollback ? L"WixRollbackHttpUrlReservationsUninstall" CA_ARCH_V3 : L"WixExecHttpUrlReservationsUninstall" CA_ARCH_V3;
}

static void put_record(cs_t *data, int flags, const WCHAR *url, const WCHAR *sddl)
{
    cad_put_int(data, flags);
    cad_put(data, url);
    cad_put(data, sddl);
}

static ULONG http_start(void)
{
    HTTPAPI_VERSION version = HTTPAPI_VERSION_1;
    return HttpInitialize(version, HTTP_INITIALIZE_CONFIG, NULL);
}

/* The SDDL the URL is reserved with now: *sddl is a fresh string, "" when the URL has no reservation. */
static ULONG query_reservation(const WCHAR *url, WCHAR **sddl)
{
    *sddl = NULL;
    HTTP_SERVICE_CONFIG_URLACL_QUERY query;
    ZeroMemory(&query, sizeof(query));
    query.QueryDesc = HttpServiceConfigQueryExact;
    query.KeyDesc.pUrlPrefix = (PWSTR)url;
    ULONG size = 0;
    BYTE *buffer = NULL;
    ULONG er = HttpQueryServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &query, sizeof(query), NULL, 0, &size, NULL);
    for (int tries = 0; er == ERROR_INSUFFICIENT_BUFFER && tries < 3; tries++) {
        if (size < sizeof(HTTP_SERVICE_CONFIG_URLACL_SET) || size > 1024u * 1024u) return ERROR_INVALID_DATA;
        ca_free(buffer);
        buffer = ca_alloc(size);
        if (!buffer) return ERROR_OUTOFMEMORY;
        er = HttpQueryServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &query, sizeof(query), buffer, size, &size, NULL);
    }
    if (er == ERROR_FILE_NOT_FOUND || er == ERROR_NO_MORE_ITEMS) {
        er = ERROR_SUCCESS;
        *sddl = ca_wcsdup(L"");
    } else if (er == ERROR_SUCCESS && buffer) {
        const WCHAR *found = ((HTTP_SERVICE_CONFIG_URLACL_SET *)buffer)->ParamDesc.pStringSecurityDescriptor;
        *sddl = ca_wcsdup(found ? found : L"");
    } else if (er == ERROR_SUCCESS) {
        *sddl = ca_wcsdup(L"");
    }
    ca_free(buffer);
    if (er == ERROR_SUCCESS && !*sddl) er = ERROR_OUTOFMEMORY;
    return er;
}

/* Appends "(A;;<rights>;;;<SID>)" for the principal to sddl. */
static UINT append_ace(MSIHANDLE h, const WCHAR *reservation, const WCHAR *principal, int rights, cs_t *sddl)
{
    WCHAR *sid_text = NULL;
    const WCHAR *sid = NULL;
    if (principal[0] == L'*') {
        PSID check = NULL;
        if (!ConvertStringSidToSidW(principal + 1, &check)) {
            ca_log(h, L"reservation %ls: '%ls' is not a SID string", reservation, principal + 1);
            return ca_fail_win32(h, L"reading the ACE's SID", GetLastError());
        }
        LocalFree(check);
        sid = principal + 1;
    } else {
        BYTE buffer[SECURITY_MAX_SID_SIZE];
        DWORD sid_size = sizeof(buffer);
        WCHAR domain[256];
        DWORD domain_size = 256;
        SID_NAME_USE use;
        if (!LookupAccountNameW(NULL, principal, (PSID)buffer, &sid_size, domain, &domain_size, &use)) {
            DWORD er = GetLastError();
            ca_log(h, L"reservation %ls: the account '%ls' was not found", reservation, principal);
            return ca_fail_win32(h, L"LookupAccountName", er);
        }
        if (!ConvertSidToStringSidW((PSID)buffer, &sid_text)) return ca_fail_win32(h, L"ConvertSidToStringSid", GetLastError());
        sid = sid_text;
    }
    cs_printf(sddl, L"(A;;0x%x;;;%ls)", (unsigned)rights, sid);
    ca_log(h, L"reservation %ls: %ls (%ls) gets rights 0x%x", reservation, principal, sid, (unsigned)rights);
    if (sid_text) LocalFree(sid_text);
    return sddl->failed ? ca_fail_win32(h, L"building the SDDL", ERROR_OUTOFMEMORY) : ERROR_SUCCESS;
}

/* The SDDL of a reservation without Sddl: "D:" and the reservation's ACE rows. */
static UINT sddl_from_aces(MSIHANDLE h, url_gen_t gen, const WCHAR *reservation, WCHAR **out)
{
    *out = NULL;
    cs_t sddl;
    cs_init(&sddl, CA_MAX_VALUE);
    cs_append(&sddl, L"D:");
    const WCHAR *table = gen == URL_GEN_V4 ? L"Wix4HttpUrlAce" : L"WixHttpUrlAce";
    UINT result = ERROR_SUCCESS;
    if (ca_table_exists(h, table)) {
        const WCHAR *sql = gen == URL_GEN_V4
            ? L"SELECT `SecurityPrincipal`, `Rights` FROM `Wix4HttpUrlAce` WHERE `WixHttpUrlReservation_` = ?"
            : L"SELECT `SecurityPrincipal`, `Rights` FROM `WixHttpUrlAce` WHERE `WixHttpUrlReservation_` = ?";
        MSIHANDLE db = MsiGetActiveDatabase(h), view = 0, param = MsiCreateRecord(1), rec = 0;
        UINT er = db ? MsiDatabaseOpenViewW(db, sql, &view) : ERROR_INVALID_HANDLE;
        if (er == ERROR_SUCCESS) er = MsiRecordSetStringW(param, 1, reservation);
        if (er == ERROR_SUCCESS) er = MsiViewExecute(view, param);
        if (er != ERROR_SUCCESS) result = ca_fail_win32(h, L"reading the URL ACE table", er);
        while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
            WCHAR *raw = NULL, *principal = NULL;
            result = ca_record_string(h, rec, 1, &raw);
            if (result == ERROR_SUCCESS) result = ca_format(h, raw, &principal);
            if (result == ERROR_SUCCESS && !principal[0]) {
                ca_log(h, L"reservation %ls: an ACE's SecurityPrincipal is empty after formatting", reservation);
                result = ERROR_INSTALL_FAILURE;
            }
            if (result == ERROR_SUCCESS) result = append_ace(h, reservation, principal, ca_record_int(rec, 2, 0x10000000), &sddl);
            ca_free(raw);
            ca_free(principal);
            MsiCloseHandle(rec);
            rec = 0;
        }
        if (view) MsiCloseHandle(view);
        MsiCloseHandle(param);
        if (db) MsiCloseHandle(db);
    }
    if (result == ERROR_SUCCESS) {
        *out = cs_take(&sddl);
        if (!*out) result = ca_fail_win32(h, L"building the SDDL", ERROR_OUTOFMEMORY);
    }
    cs_free(&sddl);
    return result;
}

static UINT schedule(MSIHANDLE h, BOOL install)
{
    ca_log_begin(h, install ? L"SchedHttpUrlReservationsInstall" : L"SchedHttpUrlReservationsUninstall");
    url_gen_t gen = URL_GEN_NONE;
    switch (ca_generation(h, L"Wix4HttpUrlReservation", L"WixHttpUrlReservation")) {
    case CA_GEN_V4: gen = URL_GEN_V4; break;
    case CA_GEN_V3: gen = URL_GEN_V3; break;
    default: break;
    }
    if (gen == URL_GEN_NONE) {
        ca_log(h, L"the package has no Wix4HttpUrlReservation or WixHttpUrlReservation table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == URL_GEN_V4
        ? L"SELECT `WixHttpUrlReservation`, `HandleExisting`, `Sddl`, `Url`, `Component_` FROM `Wix4HttpUrlReservation`"
        : L"SELECT `WixHttpUrlReservation`, `HandleExisting`, `Sddl`, `Url`, `Component_` FROM `WixHttpUrlReservation`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    ULONG started = http_start();
    if (started != NO_ERROR) {
        MsiCloseHandle(view);
        return ca_fail_win32(h, L"HttpInitialize (HTTP Server API configuration)", started);
    }
    cs_t exec, rollback;
    cs_init(&exec, CA_MAX_VALUE);
    cs_init(&rollback, CA_MAX_VALUE);
    unsigned count = 0;
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *id = NULL, *component = NULL, *raw = NULL, *url = NULL, *sddl = NULL, *existing = NULL;
        ca_change_t change;
        if (ca_record_string(h, rec, 1, &id) || ca_record_string(h, rec, 5, &component)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (!ca_component_change(h, component, &change)) goto next;
        if (install ? !(change.installing || change.reinstalling) : !change.removing) goto next;
        int handle_existing = ca_record_int(rec, 2, HANDLE_REPLACE);
        if (handle_existing < HANDLE_REPLACE || handle_existing > HANDLE_FAIL) {
            ca_log(h, L"reservation %ls: HandleExisting %d is not 0, 1 or 2", id, handle_existing);
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        result = ca_record_string(h, rec, 4, &raw);
        if (result == ERROR_SUCCESS) result = ca_format(h, raw, &url);
        if (result != ERROR_SUCCESS) goto next;
        if (!url[0]) {
            ca_log(h, L"reservation %ls: the URL is empty after formatting", id);
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (install) {
            if (MsiRecordIsNull(rec, 3)) {
                result = sddl_from_aces(h, gen, id, &sddl);
            } else {
                ca_free(raw);
                raw = NULL;
                result = ca_record_string(h, rec, 3, &raw);
                if (result == ERROR_SUCCESS) result = ca_format(h, raw, &sddl);
            }
            if (result != ERROR_SUCCESS) goto next;
        }
        ULONG er = query_reservation(url, &existing);
        if (er != ERROR_SUCCESS) {
            ca_log(h, L"reservation %ls: reading the current reservation of %ls failed", id, url);
            result = ca_fail_win32(h, L"HttpQueryServiceConfiguration", er);
            goto next;
        }
        ca_log(h, L"reservation %ls: %ls is %ls%ls", id, url, existing[0] ? L"reserved now with " : L"not reserved now", existing);
        if (install) {
            int flags = (handle_existing == HANDLE_REPLACE ? URL_REMOVE_FIRST : 0) | (handle_existing == HANDLE_FAIL ? URL_FAIL_IF_EXISTS : 0);
            put_record(&exec, flags, url, sddl);
            ca_log(h, L"reservation %ls: to add %ls with SDDL %ls (HandleExisting %d)", id, url, sddl, handle_existing);
        } else {
            put_record(&exec, URL_REMOVE_FIRST, url, L"");
            ca_log(h, L"reservation %ls: to remove %ls", id, url);
        }
        /* rollback: back to what scheduling saw (install: remove ours, then put back an earlier one) */
        put_record(&rollback, install ? URL_REMOVE_FIRST : 0, url, existing);
        count++;
    next:
        ca_free(id);
        ca_free(component);
        ca_free(raw);
        ca_free(url);
        ca_free(sddl);
        ca_free(existing);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    HttpTerminate(HTTP_INITIALIZE_CONFIG, NULL);
    if (result == ERROR_SUCCESS && (exec.failed || rollback.failed)) result = ca_fail_win32(h, L"building CustomActionData", ERROR_OUTOFMEMORY);
    if (result == ERROR_SUCCESS && count) {
        result = ca_schedule(h, action_name(gen, install, TRUE), rollback.p);
        if (result == ERROR_SUCCESS) result = ca_schedule(h, action_name(gen, install, FALSE), exec.p);
    } else if (result == ERROR_SUCCESS) {
        ca_log(h, L"no URL reservation to %ls", install ? L"add" : L"remove");
    }
    cs_free(&exec);
    cs_free(&rollback);
    return result;
}

CA_EXPORT SchedHttpUrlReservationsInstall(MSIHANDLE h) { return schedule(h, TRUE); }
CA_EXPORT SchedHttpUrlReservationsUninstall(MSIHANDLE h) { return schedule(h, FALSE); }

/* One record: ERROR_SUCCESS, or the failing call's error (logged). */
static ULONG apply(MSIHANDLE h, int flags, const WCHAR *url, const WCHAR *sddl)
{
    HTTP_SERVICE_CONFIG_URLACL_SET set;
    ZeroMemory(&set, sizeof(set));
    set.KeyDesc.pUrlPrefix = (PWSTR)url;
    if (flags & URL_REMOVE_FIRST) {
        ULONG er = HttpDeleteServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &set, sizeof(set), NULL);
        ca_log(h, L"HttpDeleteServiceConfiguration(%ls) returned %lu%ls", url, (unsigned long)er,
               er == ERROR_FILE_NOT_FOUND ? L" (there was no reservation)" : L"");
        if (er != ERROR_SUCCESS && er != ERROR_FILE_NOT_FOUND) return er;
    }
    if (!sddl[0]) return ERROR_SUCCESS;
    set.ParamDesc.pStringSecurityDescriptor = (PWSTR)sddl;
    ULONG er = HttpSetServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &set, sizeof(set), NULL);
    ca_log(h, L"HttpSetServiceConfiguration(%ls, %ls) returned %lu", url, sddl, (unsigned long)er);
    if (er == ERROR_ALREADY_EXISTS) {
        if (flags & URL_FAIL_IF_EXISTS) {
            ca_log(h, L"%ls is reserved already and HandleExisting is fail", url);
            return er;
        }
        ca_log(h, L"%ls is reserved already: the existing reservation is kept (HandleExisting ignore)", url);
        return ERROR_SUCCESS;
    }
    return er;
}

CA_EXPORT ExecHttpUrlReservations(MSIHANDLE h)
{
    ca_log_begin(h, L"ExecHttpUrlReservations");
    BOOL rollback = MsiGetMode(h, MSIRUNMODE_ROLLBACK);
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    ULONG started = http_start();
    UINT result = ERROR_SUCCESS;
    if (started != NO_ERROR) result = rollback ? (ca_fail_win32(h, L"HttpInitialize", started), ERROR_SUCCESS)
                                               : ca_fail_win32(h, L"HttpInitialize (HTTP Server API configuration)", started);
    while (started == NO_ERROR && result == ERROR_SUCCESS && cad_more(&r)) {
        int flags = (int)cad_get_int(&r, 0, URL_REMOVE_FIRST | URL_FAIL_IF_EXISTS);
        WCHAR *url = cad_get(&r);
        WCHAR *sddl = cad_get(&r);
        if (r.failed || !url || !sddl || !url[0]) {
            if (!r.failed) r.why = L"a record has no URL";
            r.failed = TRUE;
            result = cad_fail(h, &r);
        } else {
            ULONG er = apply(h, flags, url, sddl);
            if (er != ERROR_SUCCESS) {
                if (rollback) ca_log(h, L"rollback of %ls failed (error %lu); going on", url, (unsigned long)er);
                else result = ca_fail_win32(h, L"configuring the URL reservation", er);
            }
        }
        ca_free(url);
        ca_free(sddl);
    }
    if (started == NO_ERROR) HttpTerminate(HTTP_INITIALIZE_CONFIG, NULL);
    ca_free(data);
    return result;
}
