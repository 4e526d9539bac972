/*
 * WiX v6's util:Group inside a Component: the group is created when the component is installed and removed with it.
 * ConfigureGroups reads the Wix4Group rows that have a component, with their Wix6Group row:
 *   Name, Domain, Comment (formatted); Attributes: FailIfExists 0x10, UpdateIfExists 0x20, RemoveOnUninstall="no"
 *   0x100, CreateGroup="no" 0x200, Vital="no" 0x400, RemoveComment 0x800.
 * For a component being installed: a group that exists fails the install with FailIfExists (unless UpdateIfExists;
 * on a reinstall FailIfExists is dropped and UpdateIfExists assumed, as WiX does); CreateGroupRollback is scheduled
 * (it deletes the group only when it did not exist before), then CreateGroup. For a component being removed, a group
 * that exists (or whose existence cannot be told) is removed by the commit action RemoveGroup unless
 * RemoveOnUninstall="no". A group with a Domain uses the Wix6*Domain* actions (impersonated), as WiX's library does.
 * All three deferred halves carry: name, domain, comment, attributes.
 *   CreateGroup          NetLocalGroupAdd (level 1: name and comment) unless CreateGroup="no"; a group that exists
 *                        is success, its comment set with UpdateIfExists (cleared with RemoveComment)
 *   CreateGroupRollback  NetLocalGroupDel when the install created the group (attributes without 0x200)
 *   RemoveGroup          NetLocalGroupDel, unless CreateGroup="no" (a group the package did not create stays); a
 *                        group that is not there is success
 * Vital="no": a failure is logged and the install goes on.
 * Not done: nesting groups (util:GroupRef inside util:Group, Wix6GroupGroup, AddGroupMembership); the compiler
 * refuses those sources.
 */
#include "accounts.h"
#include <lm.h>

#define GRP_FAIL_IF_EXISTS   0x0010
#define GRP_UPDATE_IF_EXISTS 0x0020
#define GRP_DONT_REMOVE      0x0100
#define GRP_DONT_CREATE      0x0200
#define GRP_NON_VITAL        0x0400
#define GRP_REMOVE_COMMENT   0x0800

static const WCHAR *group_action(const WCHAR *domain, const WCHAR *local, const WCHAR *in_domain)
{
    return domain && domain[0] ? in_domain : local;
}

/* 1 when the group exists on server, 0 when not, -1 when it cannot be told. */
static int group_exists(const WCHAR *server, const WCHAR *name, DWORD *status)
{
    LOCALGROUP_INFO_1 *info = NULL;
    NET_API_STATUS st = NetLocalGroupGetInfo(server, name, 1, (BYTE **)&info);
    if (info) NetApiBufferFree(info);
    *status = st;
    if (st == NERR_Success) return 1;
    return st == NERR_GroupNotFound || st == ERROR_NO_SUCH_ALIAS ? 0 : -1;
}

typedef struct { WCHAR *key, *component, *name, *domain, *comment; int attributes; } group_row_t;

static UINT configure_group(MSIHANDLE h, group_row_t *g)
{
    ca_change_t change;
    if (!ca_component_change(h, g->component, &change) || (!change.installing && !change.removing)) {
        ca_log(h, L"group %ls: component %ls is neither installed nor removed", g->key, g->component);
        return ERROR_SUCCESS;
    }
    BOOL vital = !(g->attributes & GRP_NON_VITAL);
    WCHAR *server = NULL;
    DWORD er = acct_server(g->domain, &server);
    if (er != ERROR_SUCCESS) {
        ca_log(h, L"group %ls%ls%ls: the domain's server cannot be found (error %lu)%ls", g->domain, g->domain[0] ? L"\\" : L"", g->name,
               (unsigned long)er, vital ? L"" : L"; not vital, going on");
        return vital ? ERROR_INSTALL_FAILURE : ERROR_SUCCESS;
    }
    DWORD status = 0;
    int exists = group_exists(server, g->name, &status);
    ca_log(h, L"group %ls%ls%ls: NetLocalGroupGetInfo %lu (%ls)", g->domain, g->domain[0] ? L"\\" : L"", g->name, (unsigned long)status,
           exists == 1 ? L"exists" : exists == 0 ? L"does not exist" : L"cannot be told");
    ca_free(server);
    int attributes = g->attributes;
    UINT result = ERROR_SUCCESS;
    cs_t data, rollback;
    cs_init(&data, CA_MAX_VALUE);
    cs_init(&rollback, CA_MAX_VALUE);
    if (change.installing) {
        if (exists == 1 && change.reinstalling) {
            attributes &= ~GRP_FAIL_IF_EXISTS;
            if (!(attributes & GRP_DONT_CREATE)) attributes |= GRP_UPDATE_IF_EXISTS;
        }
        if (exists == 1 && (attributes & GRP_FAIL_IF_EXISTS) && !(attributes & GRP_UPDATE_IF_EXISTS)) {
            ca_log(h, L"group %ls exists and FailIfExists is set", g->name);
            result = ERROR_INSTALL_FAILURE;
        } else {
            cad_put(&data, g->name); cad_put(&data, g->domain); cad_put(&data, g->comment); cad_put_int(&data, attributes);
            if (exists != 0 || !(attributes & GRP_DONT_CREATE)) {
                /* the rollback deletes the group only when this install creates it */
                int undo = exists != 0 ? (attributes | GRP_DONT_CREATE) : (attributes & ~GRP_DONT_CREATE);
                cad_put(&rollback, g->name); cad_put(&rollback, g->domain); cad_put(&rollback, g->comment); cad_put_int(&rollback, undo);
                result = rollback.failed ? ca_fail_win32(h, L"building the rollback data", ERROR_OUTOFMEMORY)
                    : ca_schedule(h, group_action(g->domain, L"Wix6CreateGroupRollback" CA_ARCH_V4, L"Wix6CreateDomainGroupRollback" CA_ARCH_V4), rollback.p);
            }
            if (result == ERROR_SUCCESS) {
                result = data.failed ? ca_fail_win32(h, L"building the action data", ERROR_OUTOFMEMORY)
                    : ca_schedule(h, group_action(g->domain, L"Wix6CreateGroup" CA_ARCH_V4, L"Wix6CreateDomainGroup" CA_ARCH_V4), data.p);
            }
            if (result == ERROR_SUCCESS) ca_log(h, L"group %ls: to create (attributes 0x%x)", g->name, (unsigned)attributes);
        }
    } else if (exists != 0 && !(attributes & GRP_DONT_REMOVE)) {
        cad_put(&data, g->name); cad_put(&data, g->domain); cad_put(&data, g->comment); cad_put_int(&data, attributes);
        result = data.failed ? ca_fail_win32(h, L"building the action data", ERROR_OUTOFMEMORY)
            : ca_schedule(h, group_action(g->domain, L"Wix6RemoveGroup" CA_ARCH_V4, L"Wix6RemoveDomainGroup" CA_ARCH_V4), data.p);
        if (result == ERROR_SUCCESS) ca_log(h, L"group %ls: to remove", g->name);
    } else {
        ca_log(h, L"group %ls: nothing to remove%ls", g->name, (attributes & GRP_DONT_REMOVE) ? L" (RemoveOnUninstall=\"no\")" : L"");
    }
    cs_free(&data);
    cs_free(&rollback);
    return result;
}

CA_EXPORT ConfigureGroups(MSIHANDLE h)
{
    ca_log_begin(h, L"ConfigureGroups");
    if (!ca_table_exists(h, L"Wix6Group") || !ca_table_exists(h, L"Wix4Group")) {
        ca_log(h, L"the package has no Wix6Group table: no group to create");
        return ERROR_SUCCESS;
    }
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, L"SELECT `Wix4Group`.`Group`, `Wix4Group`.`Component_`, `Wix4Group`.`Name`, `Wix4Group`.`Domain`, `Wix6Group`.`Comment`, "
                        L"`Wix6Group`.`Attributes` FROM `Wix4Group`, `Wix6Group` WHERE `Wix4Group`.`Component_` IS NOT NULL "
                        L"AND `Wix4Group`.`Group` = `Wix6Group`.`Group_`", &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        group_row_t g = {0};
        WCHAR *raw[3] = {0};
        if (ca_record_string(h, rec, 1, &g.key) || ca_record_string(h, rec, 2, &g.component) || ca_record_string(h, rec, 3, &raw[0])
            || ca_record_string(h, rec, 4, &raw[1]) || ca_record_string(h, rec, 5, &raw[2])
            || ca_format(h, raw[0], &g.name) || ca_format(h, raw[1], &g.domain) || ca_format(h, raw[2], &g.comment)) {
            result = ERROR_INSTALL_FAILURE;
        } else if (!g.name[0]) {
            ca_log(h, L"group %ls: the name is empty once formatted", g.key);
            result = ERROR_INSTALL_FAILURE;
        } else {
            g.attributes = ca_record_int(rec, 6, 0);
            result = configure_group(h, &g);
        }
        for (int i = 0; i < 3; i++) ca_free(raw[i]);
        ca_free(g.key); ca_free(g.component); ca_free(g.name); ca_free(g.domain); ca_free(g.comment);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    return result;
}

/* Reads name, domain, comment, attributes and finds the domain's server; *server NULL for this machine. */
static UINT read_group(MSIHANDLE h, WCHAR **data, cad_reader_t *r, WCHAR **name, WCHAR **domain, WCHAR **comment, int *attributes, WCHAR **server)
{
    *name = *domain = *comment = *server = NULL;
    if (ca_get_property(h, L"CustomActionData", data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_open(r, *data);
    *name = cad_get(r);
    *domain = cad_get(r);
    *comment = cad_get(r);
    *attributes = (int)cad_get_int(r, 0, 0xffff);
    if (r->failed) return cad_fail(h, r);
    DWORD er = acct_server(*domain, server);
    if (er != ERROR_SUCCESS) return ca_fail_win32(h, L"finding the domain's server", er);
    return ERROR_SUCCESS;
}

/* A vital group's failure fails the action; a non-vital one's is logged. */
static UINT outcome(MSIHANDLE h, int attributes, const WCHAR *what, DWORD st)
{
    if (st == NERR_Success) return ERROR_SUCCESS;
    if (attributes & GRP_NON_VITAL) {
        ca_log(h, L"%ls failed (error %lu); the group is not vital, going on", what, (unsigned long)st);
        return ERROR_SUCCESS;
    }
    return ca_fail_win32(h, what, st);
}

CA_EXPORT CreateGroup(MSIHANDLE h)
{
    ca_log_begin(h, L"CreateGroup");
    WCHAR *data = NULL, *name, *domain, *comment, *server;
    int attributes = 0;
    cad_reader_t r;
    UINT result = read_group(h, &data, &r, &name, &domain, &comment, &attributes, &server);
    if (result == ERROR_SUCCESS && (attributes & GRP_DONT_CREATE)) {
        ca_log(h, L"group %ls: not created (CreateGroup=\"no\")", name);
    } else if (result == ERROR_SUCCESS) {
        LOCALGROUP_INFO_1 info = {name, comment};
        DWORD parm = 0;
        NET_API_STATUS st = NetLocalGroupAdd(server, 1, (BYTE *)&info, &parm);
        ca_log(h, L"NetLocalGroupAdd %ls: %lu", name, (unsigned long)st);
        if (st == NERR_GroupExists || st == ERROR_ALIAS_EXISTS) {
            if ((attributes & GRP_FAIL_IF_EXISTS) && !(attributes & GRP_UPDATE_IF_EXISTS)) {
                result = outcome(h, attributes, L"creating a group that exists (FailIfExists)", st);
            } else if (attributes & (GRP_UPDATE_IF_EXISTS | GRP_REMOVE_COMMENT)) {
                LOCALGROUP_INFO_1002 c = {(attributes & GRP_REMOVE_COMMENT) ? L"" : comment};
                st = NetLocalGroupSetInfo(server, name, 1002, (BYTE *)&c, &parm);
                ca_log(h, L"NetLocalGroupSetInfo %ls (comment): %lu", name, (unsigned long)st);
                result = outcome(h, attributes, L"NetLocalGroupSetInfo", st);
            }
        } else {
            result = outcome(h, attributes, L"NetLocalGroupAdd", st);
        }
    }
    ca_free(name); ca_free(domain); ca_free(comment); ca_free(server); ca_free(data);
    return result;
}

static UINT delete_group(MSIHANDLE h, const WCHAR *entry)
{
    ca_log_begin(h, entry);
    WCHAR *data = NULL, *name, *domain, *comment, *server;
    int attributes = 0;
    cad_reader_t r;
    UINT result = read_group(h, &data, &r, &name, &domain, &comment, &attributes, &server);
    if (result == ERROR_SUCCESS && (attributes & GRP_DONT_CREATE)) {
        ca_log(h, L"group %ls existed before: left as it is", name);
    } else if (result == ERROR_SUCCESS) {
        NET_API_STATUS st = NetLocalGroupDel(server, name);
        ca_log(h, L"NetLocalGroupDel %ls: %lu", name, (unsigned long)st);
        if (st == NERR_GroupNotFound || st == ERROR_NO_SUCH_ALIAS) st = NERR_Success;
        result = outcome(h, attributes, L"NetLocalGroupDel", st);
    }
    ca_free(name); ca_free(domain); ca_free(comment); ca_free(server); ca_free(data);
    return result;
}

CA_EXPORT CreateGroupRollback(MSIHANDLE h)
{
    return delete_group(h, L"CreateGroupRollback");
}

CA_EXPORT RemoveGroup(MSIHANDLE h)
{
    return delete_group(h, L"RemoveGroup");
}
