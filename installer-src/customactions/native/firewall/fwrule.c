/*
 * ExecFirewallExceptions (deferred and rollback): applies the records firewall.c scheduled through INetFwPolicy2
 * (hnetcfg.dll, Windows Vista and later).
 *
 * Adding a rule: a rule of that name that exists already is, as the row's Attributes say, enabled only (4, OnUpdate
 * "enableOnly"), left as it is (2, "doNothing"), or replaced by the row's rule (otherwise). A new rule gets every
 * setting the row has through INetFwRule (Windows Vista), the edge traversal options through INetFwRule2 (Windows 7)
 * when Attributes has 8, and the app-container and IPsec settings through INetFwRule3 (Windows 8) when it has 16: a
 * Windows without the interface fails the rule rather than drop a setting. Unset numbers keep Windows' defaults
 * (any protocol, all profiles, allow, inbound, enabled). Removing a rule removes every rule of that name. A failure
 * fails the action unless the row says to ignore failures (Attributes 1).
 */
#include "fwrule.h"

/* NET_FW_IP_PROTOCOL_ANY (256): mingw-w64's netfw.h lacks the name. */
#define FW_PROTOCOL_ANY 256

static const CLSID clsid_policy2 = {0xe2b3c97f, 0x6ae1, 0x41ac, {0x81, 0x7a, 0xf6, 0xf9, 0x21, 0x66, 0xd7, 0xdd}};
static const IID iid_policy2 = {0x98325047, 0xc671, 0x4174, {0x8d, 0x81, 0xde, 0xfc, 0xd3, 0xf0, 0x31, 0x86}};
static const CLSID clsid_rule = {0x2c5bc43e, 0x3369, 0x4c33, {0xab, 0x0c, 0xbe, 0x94, 0x69, 0x67, 0x7a, 0xf4}};
static const IID iid_rule = {0xaf230d27, 0xbaba, 0x4e42, {0xac, 0xed, 0xf5, 0x24, 0xf2, 0x2c, 0xfc, 0xe2}};
static const IID iid_rule2 = {0x9c27c8da, 0x189b, 0x4dde, {0x89, 0xf7, 0x8b, 0x39, 0xa3, 0x16, 0x78, 0x2c}};
static const IID iid_rule3 = {0xb21563ff, 0xd696, 0x4222, {0xab, 0x46, 0x4e, 0x89, 0xb7, 0x3a, 0xb3, 0x4a}};

/* Which setter failed, for the log. */
typedef struct {
    const WCHAR *step;
} fw_step_t;

typedef HRESULT (STDMETHODCALLTYPE *put_text_fn)(void *object, BSTR value);

static HRESULT put_text(void *object, put_text_fn fn, const WCHAR *value, fw_step_t *at, const WCHAR *step)
{
    if (!value[0]) return S_OK;
    at->step = step;
    BSTR b = SysAllocString(value);
    if (!b) return E_OUTOFMEMORY;
    HRESULT hr = fn(object, b);
    SysFreeString(b);
    return hr;
}

#define RULE_TEXT(rule, method) (put_text_fn)(void *)(rule)->lpVtbl->method

/* The interface names, split at '|', as the VARIANT array INetFwRule::put_Interfaces takes. */
static HRESULT put_interfaces(INetFwRule *rule, const WCHAR *names)
{
    LONG count = 0;
    for (const WCHAR *p = names; *p;) {
        const WCHAR *end = wcschr(p, L'|');
        size_t n = end ? (size_t)(end - p) : wcslen(p);
        if (n) count++;
        p += n + (end ? 1 : 0);
    }
    if (!count) return S_OK;
    SAFEARRAY *array = SafeArrayCreateVector(VT_VARIANT, 0, (ULONG)count);
    if (!array) return E_OUTOFMEMORY;
    HRESULT hr = S_OK;
    LONG index = 0;
    for (const WCHAR *p = names; *p && SUCCEEDED(hr);) {
        const WCHAR *end = wcschr(p, L'|');
        size_t n = end ? (size_t)(end - p) : wcslen(p);
        if (n) {
            VARIANT item;
            VariantInit(&item);
            item.vt = VT_BSTR;
            item.bstrVal = SysAllocStringLen(p, (UINT)n);
            hr = item.bstrVal ? SafeArrayPutElement(array, &index, &item) : E_OUTOFMEMORY;
            VariantClear(&item);
            index++;
        }
        p += n + (end ? 1 : 0);
    }
    VARIANT all;
    VariantInit(&all);
    all.vt = VT_ARRAY | VT_VARIANT;
    all.parray = array;
    if (SUCCEEDED(hr)) hr = INetFwRule_put_Interfaces(rule, all);
    VariantClear(&all);
    return hr;
}

static HRESULT apply_rule2(INetFwRule *rule, const fw_rule_t *r, fw_step_t *at)
{
    INetFwRule2 *rule2 = NULL;
    at->step = L"QueryInterface(INetFwRule2)";
    HRESULT hr = INetFwRule_QueryInterface(rule, &iid_rule2, (void **)&rule2);
    if (FAILED(hr)) return hr;
    if (r->number[FW_EDGE] != FW_NOT_SET) {
        at->step = L"INetFwRule2::put_EdgeTraversalOptions";
        hr = INetFwRule2_put_EdgeTraversalOptions(rule2, (LONG)r->number[FW_EDGE]);
    }
    INetFwRule2_Release(rule2);
    return hr;
}

static HRESULT apply_rule3(INetFwRule *rule, const fw_rule_t *r, fw_step_t *at)
{
    INetFwRule3 *rule3 = NULL;
    at->step = L"QueryInterface(INetFwRule3)";
    HRESULT hr = INetFwRule_QueryInterface(rule, &iid_rule3, (void **)&rule3);
    if (FAILED(hr)) return hr;
    hr = put_text(rule3, RULE_TEXT(rule3, put_LocalAppPackageId), r->text[FW_PACKAGE_ID], at, L"INetFwRule3::put_LocalAppPackageId");
    if (SUCCEEDED(hr)) hr = put_text(rule3, RULE_TEXT(rule3, put_LocalUserAuthorizedList), r->text[FW_LOCAL_USERS], at, L"INetFwRule3::put_LocalUserAuthorizedList");
    if (SUCCEEDED(hr)) hr = put_text(rule3, RULE_TEXT(rule3, put_LocalUserOwner), r->text[FW_LOCAL_OWNER], at, L"INetFwRule3::put_LocalUserOwner");
    if (SUCCEEDED(hr)) hr = put_text(rule3, RULE_TEXT(rule3, put_RemoteMachineAuthorizedList), r->text[FW_REMOTE_MACHINES], at, L"INetFwRule3::put_RemoteMachineAuthorizedList");
    if (SUCCEEDED(hr)) hr = put_text(rule3, RULE_TEXT(rule3, put_RemoteUserAuthorizedList), r->text[FW_REMOTE_USERS], at, L"INetFwRule3::put_RemoteUserAuthorizedList");
    if (SUCCEEDED(hr) && r->number[FW_SECURE_FLAGS] != FW_NOT_SET) {
        at->step = L"INetFwRule3::put_SecureFlags";
        hr = INetFwRule3_put_SecureFlags(rule3, (LONG)r->number[FW_SECURE_FLAGS]);
    }
    INetFwRule3_Release(rule3);
    return hr;
}

/* A new rule with every setting of the record, added to the policy. */
static HRESULT add_rule(INetFwRules *rules, const fw_rule_t *r, fw_step_t *at)
{
    INetFwRule *rule = NULL;
    at->step = L"CoCreateInstance(NetFwRule)";
    HRESULT hr = CoCreateInstance(&clsid_rule, NULL, CLSCTX_INPROC_SERVER, &iid_rule, (void **)&rule);
    if (FAILED(hr)) return hr;
    const long long *n = r->number;
    hr = put_text(rule, RULE_TEXT(rule, put_Name), r->text[FW_NAME], at, L"INetFwRule::put_Name");
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_Description), r->text[FW_DESCRIPTION], at, L"INetFwRule::put_Description");
    if (SUCCEEDED(hr) && n[FW_PROFILE] != FW_NOT_SET) {
        at->step = L"INetFwRule::put_Profiles";
        hr = INetFwRule_put_Profiles(rule, (LONG)n[FW_PROFILE]);
    }
    /* the protocol before the ports: Windows refuses ports on a rule for any protocol */
    if (SUCCEEDED(hr) && n[FW_PROTOCOL] != FW_NOT_SET) {
        at->step = L"INetFwRule::put_Protocol";
        hr = INetFwRule_put_Protocol(rule, (LONG)n[FW_PROTOCOL]);
    }
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_LocalPorts), r->text[FW_LOCAL_PORTS], at, L"INetFwRule::put_LocalPorts");
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_RemotePorts), r->text[FW_REMOTE_PORTS], at, L"INetFwRule::put_RemotePorts");
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_IcmpTypesAndCodes), r->text[FW_ICMP], at, L"INetFwRule::put_IcmpTypesAndCodes");
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_ApplicationName), r->text[FW_PROGRAM], at, L"INetFwRule::put_ApplicationName");
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_ServiceName), r->text[FW_SERVICE], at, L"INetFwRule::put_ServiceName");
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_LocalAddresses), r->text[FW_LOCAL_ADDRESSES], at, L"INetFwRule::put_LocalAddresses");
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_RemoteAddresses), r->text[FW_REMOTE_ADDRESSES], at, L"INetFwRule::put_RemoteAddresses");
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_Grouping), r->text[FW_GROUPING], at, L"INetFwRule::put_Grouping");
    if (SUCCEEDED(hr)) hr = put_text(rule, RULE_TEXT(rule, put_InterfaceTypes), r->text[FW_INTERFACE_TYPES], at, L"INetFwRule::put_InterfaceTypes");
    if (SUCCEEDED(hr) && r->text[FW_INTERFACES][0]) {
        at->step = L"INetFwRule::put_Interfaces";
        hr = put_interfaces(rule, r->text[FW_INTERFACES]);
    }
    if (SUCCEEDED(hr)) {
        at->step = L"INetFwRule::put_Direction";
        hr = INetFwRule_put_Direction(rule, n[FW_DIRECTION] == NET_FW_RULE_DIR_OUT ? NET_FW_RULE_DIR_OUT : NET_FW_RULE_DIR_IN);
    }
    if (SUCCEEDED(hr)) {
        at->step = L"INetFwRule::put_Action";
        hr = INetFwRule_put_Action(rule, n[FW_ACTION] == 0 ? NET_FW_ACTION_BLOCK : NET_FW_ACTION_ALLOW);
    }
    /* 2 and 3 (defer to the application or the user) exist only as INetFwRule2's options */
    if (SUCCEEDED(hr) && (n[FW_EDGE] == 0 || n[FW_EDGE] == 1)) {
        at->step = L"INetFwRule::put_EdgeTraversal";
        hr = INetFwRule_put_EdgeTraversal(rule, n[FW_EDGE] ? VARIANT_TRUE : VARIANT_FALSE);
    }
    if (SUCCEEDED(hr)) {
        at->step = L"INetFwRule::put_Enabled";
        hr = INetFwRule_put_Enabled(rule, n[FW_ENABLED] == 0 ? VARIANT_FALSE : VARIANT_TRUE);
    }
    if (SUCCEEDED(hr) && (n[FW_ATTRIBUTES] & FW_NEEDS_RULE2)) hr = apply_rule2(rule, r, at);
    if (SUCCEEDED(hr) && (n[FW_ATTRIBUTES] & FW_NEEDS_RULE3)) hr = apply_rule3(rule, r, at);
    if (SUCCEEDED(hr)) {
        at->step = L"INetFwRules::Add";
        hr = INetFwRules_Add(rules, rule);
    }
    INetFwRule_Release(rule);
    return hr;
}

static HRESULT remove_rule(INetFwRules *rules, const WCHAR *name)
{
    BSTR b = SysAllocString(name);
    if (!b) return E_OUTOFMEMORY;
    HRESULT hr = INetFwRules_Remove(rules, b);
    SysFreeString(b);
    return hr;
}

static void log_settings(MSIHANDLE h, const fw_rule_t *r)
{
    cs_t s;
    cs_init(&s, 8192);
    static const WCHAR *const action[] = {L"block", L"allow"};
    const long long *n = r->number;
    cs_printf(&s, L"rule %ls: action %ls, enabled %ls", r->text[FW_NAME], n[FW_ACTION] == FW_NOT_SET ? L"allow (default)" : action[n[FW_ACTION]],
              n[FW_ENABLED] == 0 ? L"no" : L"yes");
    if (n[FW_EDGE] != FW_NOT_SET) cs_printf(&s, L", edge traversal %lld", n[FW_EDGE]);
    static const struct { int field; const WCHAR *label; } texts[] = {
        {FW_REMOTE_ADDRESSES, L"remote addresses"}, {FW_LOCAL_ADDRESSES, L"local addresses"}, {FW_REMOTE_PORTS, L"remote ports"},
        {FW_ICMP, L"ICMP"}, {FW_GROUPING, L"grouping"}, {FW_INTERFACES, L"interfaces"}, {FW_INTERFACE_TYPES, L"interface types"},
        {FW_SERVICE, L"service"}, {FW_PACKAGE_ID, L"app package"}, {FW_LOCAL_USERS, L"local users"}, {FW_LOCAL_OWNER, L"owner"},
        {FW_REMOTE_MACHINES, L"remote machines"}, {FW_REMOTE_USERS, L"remote users"}};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (r->text[texts[i].field][0]) cs_printf(&s, L", %ls %ls", texts[i].label, r->text[texts[i].field]);
    }
    if (n[FW_SECURE_FLAGS] != FW_NOT_SET) cs_printf(&s, L", IPsec secure flags %lld", n[FW_SECURE_FLAGS]);
    if (n[FW_ATTRIBUTES] & FW_NEEDS_RULE2) cs_append(&s, L", uses INetFwRule2");
    if (n[FW_ATTRIBUTES] & FW_NEEDS_RULE3) cs_append(&s, L", uses INetFwRule3");
    if (!s.failed) ca_log(h, L"%ls", s.p);
    cs_free(&s);
}

/* Adds (or, for an existing rule of that name, updates as the record says) one rule. */
static HRESULT install_rule(MSIHANDLE h, INetFwRules *rules, const fw_rule_t *r)
{
    const WCHAR *name = r->text[FW_NAME];
    long long attributes = r->number[FW_ATTRIBUTES];
    INetFwRule *existing = NULL;
    BSTR b = SysAllocString(name);
    if (!b) return E_OUTOFMEMORY;
    HRESULT found = INetFwRules_Item(rules, b, &existing);
    SysFreeString(b);
    if (SUCCEEDED(found) && existing) {
        HRESULT hr = S_OK;
        if (attributes & FW_ENABLE_ON_UPDATE) {
            hr = INetFwRule_put_Enabled(existing, VARIANT_TRUE);
            ca_log(h, L"rule %ls exists: enabled it and left the rest (OnUpdate enableOnly); returned 0x%08lx", name, (unsigned long)hr);
        } else if (attributes & FW_IGNORE_UPDATES) {
            ca_log(h, L"rule %ls exists: left as it is (OnUpdate doNothing)", name);
        }
        INetFwRule_Release(existing);
        if (attributes & (FW_ENABLE_ON_UPDATE | FW_IGNORE_UPDATES)) return hr;
        hr = remove_rule(rules, name);
        ca_log(h, L"rule %ls exists: replaced by the package's; INetFwRules::Remove(%ls) returned 0x%08lx", name, name, (unsigned long)hr);
        if (FAILED(hr)) return hr;
    } else if (found != HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) && found != S_OK) {
        ca_log(h, L"INetFwRules::Item(%ls) returned 0x%08lx; adding the rule as a new one", name, (unsigned long)found);
    }
    fw_step_t at = {L""};
    log_settings(h, r);
    HRESULT hr = add_rule(rules, r, &at);
    WCHAR protocol[16] = {0};
    if (r->number[FW_PROTOCOL] == FW_NOT_SET) wcscpy(protocol, L"any");
    else _snwprintf(protocol, 15, L"%d", (int)r->number[FW_PROTOCOL]);
    WCHAR profiles[16] = {0};
    if (r->number[FW_PROFILE] == FW_NOT_SET) wcscpy(profiles, L"all");
    else _snwprintf(profiles, 15, L"0x%x", (unsigned)r->number[FW_PROFILE]);
    ca_log(h, L"INetFwRules::Add(%ls, port %ls, protocol %ls, program %ls, profiles %ls, direction %d) returned 0x%08lx%ls%ls",
           name, r->text[FW_LOCAL_PORTS][0] ? r->text[FW_LOCAL_PORTS] : L"any", protocol, r->text[FW_PROGRAM][0] ? r->text[FW_PROGRAM] : L"any",
           profiles, (int)r->number[FW_DIRECTION], (unsigned long)hr, FAILED(hr) ? L" at " : L"", FAILED(hr) ? at.step : L"");
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
        int op = 0;
        fw_rule_t rule = {0};
        if (!fw_rule_get(&r, &op, &rule)) {
            result = cad_fail(h, &r);
        } else {
            BOOL ignore = (rule.number[FW_ATTRIBUTES] & FW_IGNORE_FAILURES) != 0;
            const WCHAR *name = rule.text[FW_NAME];
            if (FAILED(open_hr)) {
                hr = open_hr;
            } else if (op == 1) {
                hr = install_rule(h, rules, &rule);
            } else {
                hr = remove_rule(rules, name);
                ca_log(h, L"INetFwRules::Remove(%ls) returned 0x%08lx", name, (unsigned long)hr);
            }
            if (FAILED(hr)) {
                if (ignore) ca_log(h, L"rule %ls: failure ignored (the rule says so)", name);
                else result = ca_fail_hr(h, op == 1 ? L"adding the firewall rule" : L"removing the firewall rule", hr);
            }
        }
        fw_rule_free(&rule);
    }
    if (rules) INetFwRules_Release(rules);
    if (policy) INetFwPolicy2_Release(policy);
    if (com) CoUninitialize();
    ca_free(data);
    return result;
}
