/*
 * fire:FirewallException: Windows Firewall rules added on install and removed on uninstall, each with its rollback.
 *
 * SchedFirewallExceptionsInstall / SchedFirewallExceptionsUninstall (immediate; after InstallFiles / before
 * RemoveFiles) read v4 Wix4FirewallException / v3 WixFirewallException:
 *   key, Name, RemoteAddresses, Port, Protocol (6 TCP, 17 UDP, empty = any), Program, Attributes (0x1 = ignore
 *   failures), Profile (1 domain, 2 private, 4 public, 0x7fffffff all), Component_, Description, Direction (v4:
 *   1 in, 2 out; v3 has no column: in)
 * all formatted. Install adds the rules of components being installed (rollback removes them); uninstall removes the
 * rules of components being removed (rollback adds them back). Both run ExecFirewallExceptions, whose data is one
 * record per rule: operation (1 add, 0 remove), name, remote addresses, port, protocol (-1 any), program,
 * ignore-failures (1/0), profile, description, direction.
 * Rules go through INetFwPolicy2 (hnetcfg.dll, Windows Vista and later).
 */
#include "ca.h"
#include <netfw.h>

#define FW_IGNORE_FAILURES 0x1
/* NET_FW_IP_PROTOCOL_ANY (256): any protocol; mingw-w64's netfw.h lacks the name. */
#define FW_PROTOCOL_ANY 256

static const CLSID clsid_policy2 = {0xe2b3c97f, 0x6ae1, 0x41ac, {0x81, 0x7a, 0xf6, 0xf9, 0x21, 0x66, 0xd7, 0xdd}};
static const IID iid_policy2 = {0x98325047, 0xc671, 0x4174, {0x8d, 0x81, 0xde, 0xfc, 0xd3, 0xf0, 0x31, 0x86}};
static const CLSID clsid_rule = {0x2c5bc43e, 0x3369, 0x4c33, {0xab, 0x0c, 0xbe, 0x94, 0x69, 0x67, 0x7a, 0xf4}};
static const IID iid_rule = {0xaf230d27, 0xbaba, 0x4e42, {0xac, 0xed, 0xf5, 0x24, 0xf2, 0x2c, 0xfc, 0xe2}};

static const WCHAR *action_name(ca_gen_t gen, BOOL install, BOOL rollback)
{
    if (gen == CA_GEN_V4) {
        if (install) return rollback ? L"Wix4RollbackFirewallExceptionsInstall" CA_ARCH_V4 : L"Wix4ExecFirewallExceptionsInstall" CA_ARCH_V4;
        return rollback ? L"Wix4RollbackFirewallExceptionsUninstall" CA_ARCH_V4 : L"Wix4ExecFirewallExceptionsUninstall" CA_ARCH_V4;
    }
    if (install) return rollback ? L"WixRollbackFirewallExceptionsInstall" CA_ARCH_V3 : L"WixExecFirewallExceptionsInstall" CA_ARCH_V3;
    return rollback ? L"WixRollbackFirewallExceptionsUninstall" CA_ARCH_V3 : L"WixExecFirewallExceptionsUninstall" CA_ARCH_V3;
}

static void put_rule(cs_t *data, int op, WCHAR **cells, int protocol, int attributes, int profile, int direction)
{
    cad_put_int(data, op);
    cad_put(data, cells[0]);  /* name */
    cad_put(data, cells[1]);  /* remote addresses */
    cad_put(data, cells[2]);  /* port */
    cad_put_int(data, protocol);
    cad_put(data, cells[3]);  /* program */
    cad_put_int(data, (attributes & FW_IGNORE_FAILURES) ? 1 : 0);
    cad_put_int(data, profile);
    cad_put(data, cells[4]);  /* description */
    cad_put_int(data, direction);
}

static UINT schedule(MSIHANDLE h, BOOL install)
{
    ca_log_begin(h, install ? L"SchedFirewallExceptionsInstall" : L"SchedFirewallExceptionsUninstall");
    ca_gen_t gen = ca_generation(h, L"Wix4FirewallException", L"WixFirewallException");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4FirewallException or WixFirewallException table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `Wix4FirewallException`, `Name`, `RemoteAddresses`, `Port`, `Protocol`, `Program`, `Attributes`, `Profile`, `Component_`, `Description`, `Direction` FROM `Wix4FirewallException`"
        : L"SELECT `WixFirewallException`, `Name`, `RemoteAddresses`, `Port`, `Protocol`, `Program`, `Attributes`, `Profile`, `Component_`, `Description` FROM `WixFirewallException`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cs_t exec, rollback;
    cs_init(&exec, CA_MAX_VALUE);
    cs_init(&rollback, CA_MAX_VALUE);
    unsigned count = 0;
    UINT result = ERROR_SUCCESS;
    static const UINT text_fields[5] = {2, 3, 4, 6, 10}; /* Name, RemoteAddresses, Port, Program, Description */
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *id = NULL, *component = NULL, *cells[5] = {0};
        if (ca_record_string(h, rec, 1, &id) || ca_record_string(h, rec, 9, &component)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (install ? !ca_component_installing(h, component) : !ca_component_removing(h, component)) goto next;
        for (int i = 0; i < 5 && result == ERROR_SUCCESS; i++) {
            WCHAR *raw = NULL;
            result = ca_record_string(h, rec, text_fields[i], &raw);
            if (result == ERROR_SUCCESS) result = ca_format(h, raw, &cells[i]);
            ca_free(raw);
        }
        if (result != ERROR_SUCCESS) goto next;
        if (!cells[0][0]) {
            ca_log(h, L"rule %ls has no name", id);
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        int protocol = ca_record_int(rec, 5, -1);
        int attributes = ca_record_int(rec, 7, 0);
        int profile = ca_record_int(rec, 8, NET_FW_PROFILE2_ALL);
        int direction = gen == CA_GEN_V4 ? ca_record_int(rec, 11, NET_FW_RULE_DIR_IN) : NET_FW_RULE_DIR_IN;
        put_rule(&exec, install ? 1 : 0, cells, protocol, attributes, profile, direction);
        put_rule(&rollback, install ? 0 : 1, cells, protocol, attributes, profile, direction);
        count++;
        ca_log(h, L"rule %ls (%ls) to %ls", id, cells[0], install ? L"add" : L"remove");
    next:
        ca_free(id);
        ca_free(component);
        for (int i = 0; i < 5; i++) ca_free(cells[i]);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    if (result == ERROR_SUCCESS && (exec.failed || rollback.failed)) result = ERROR_INSTALL_FAILURE;
    if (result == ERROR_SUCCESS && count) {
        result = ca_schedule(h, action_name(gen, install, TRUE), rollback.p);
        if (result == ERROR_SUCCESS) result = ca_schedule(h, action_name(gen, install, FALSE), exec.p);
    }
    cs_free(&exec);
    cs_free(&rollback);
    return result;
}

CA_EXPORT SchedFirewallExceptionsInstall(MSIHANDLE h) { return schedule(h, TRUE); }
CA_EXPORT SchedFirewallExceptionsUninstall(MSIHANDLE h) { return schedule(h, FALSE); }

static HRESULT add_rule(INetFwRules *rules, const WCHAR *name, const WCHAR *remote, const WCHAR *port, int protocol,
                        const WCHAR *program, int profile, const WCHAR *description, int direction)
{
    INetFwRule *rule = NULL;
    HRESULT hr = CoCreateInstance(&clsid_rule, NULL, CLSCTX_INPROC_SERVER, &iid_rule, (void **)&rule);
    if (FAILED(hr)) return hr;
    BSTR b = SysAllocString(name);
    hr = INetFwRule_put_Name(rule, b);
    SysFreeString(b);
    if (SUCCEEDED(hr) && description[0]) {
        b = SysAllocString(description);
        hr = INetFwRule_put_Description(rule, b);
        SysFreeString(b);
    }
    if (SUCCEEDED(hr)) hr = INetFwRule_put_Protocol(rule, protocol < 0 ? FW_PROTOCOL_ANY : protocol);
    if (SUCCEEDED(hr) && port[0]) {
        b = SysAllocString(port);
        hr = INetFwRule_put_LocalPorts(rule, b);
        SysFreeString(b);
    }
    if (SUCCEEDED(hr) && program[0]) {
        b = SysAllocString(program);
        hr = INetFwRule_put_ApplicationName(rule, b);
        SysFreeString(b);
    }
    if (SUCCEEDED(hr) && remote[0]) {
        b = SysAllocString(remote);
        hr = INetFwRule_put_RemoteAddresses(rule, b);
        SysFreeString(b);
    }
    if (SUCCEEDED(hr)) hr = INetFwRule_put_Profiles(rule, profile);
    if (SUCCEEDED(hr)) hr = INetFwRule_put_Direction(rule, direction == NET_FW_RULE_DIR_OUT ? NET_FW_RULE_DIR_OUT : NET_FW_RULE_DIR_IN);
    if (SUCCEEDED(hr)) hr = INetFwRule_put_Action(rule, NET_FW_ACTION_ALLOW);
    if (SUCCEEDED(hr)) hr = INetFwRule_put_Enabled(rule, VARIANT_TRUE);
    if (SUCCEEDED(hr)) hr = INetFwRules_Add(rules, rule);
    INetFwRule_Release(rule);
    return hr;
}

CA_EXPORT ExecFirewallExceptions(MSIHANDLE h)
{
    ca_log_begin(h, L"ExecFirewallExceptions");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    BOOL com = SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED));
    INetFwPolicy2 *policy = NULL;
    INetFwRules *rules = NULL;
    HRESULT hr = CoCreateInstance(&clsid_policy2, NULL, CLSCTX_INPROC_SERVER, &iid_policy2, (void **)&policy);
    if (SUCCEEDED(hr)) hr = INetFwPolicy2_get_Rules(policy, &rules);
    HRESULT open_hr = hr;
    if (FAILED(open_hr)) ca_fail_hr(h, L"opening the firewall policy (INetFwPolicy2)", open_hr);
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && cad_more(&r)) {
        int op = (int)cad_get_int(&r, 0, 1);
        WCHAR *name = cad_get(&r), *remote = cad_get(&r), *port = cad_get(&r);
        int protocol = (int)cad_get_int(&r, -1, 256);
        WCHAR *program = cad_get(&r);
        BOOL ignore = cad_get_int(&r, 0, 1) == 1;
        int profile = (int)cad_get_int(&r, 0, 0x7fffffff);
        WCHAR *description = cad_get(&r);
        int direction = (int)cad_get_int(&r, 1, 2);
        if (r.failed) {
            result = cad_fail(h, &r);
        } else {
            if (FAILED(open_hr)) {
                hr = open_hr;
            } else if (op == 1) {
                hr = add_rule(rules, name, remote, port, protocol, program, profile, description, direction);
                ca_log(h, L"INetFwRules::Add(%ls, port %ls, protocol %d, program %ls, profiles 0x%x, direction %d) returned 0x%08lx",
                       name, port[0] ? port : L"any", protocol, program[0] ? program : L"any", (unsigned)profile, direction, (unsigned long)hr);
            } else {
                BSTR b = SysAllocString(name);
                hr = INetFwRules_Remove(rules, b);
                SysFreeString(b);
                ca_log(h, L"INetFwRules::Remove(%ls) returned 0x%08lx", name, (unsigned long)hr);
            }
            if (FAILED(hr)) {
                if (ignore) ca_log(h, L"rule %ls: failure ignored (the rule says so)", name);
                else result = ca_fail_hr(h, op == 1 ? L"adding the firewall rule" : L"removing the firewall rule", hr);
            }
        }
        ca_free(name); ca_free(remote); ca_free(port); ca_free(program); ca_free(description);
    }
    if (rules) INetFwRules_Release(rules);
    if (policy) INetFwPolicy2_Release(policy);
    if (com) CoUninitialize();
    ca_free(data);
    return result;
}
