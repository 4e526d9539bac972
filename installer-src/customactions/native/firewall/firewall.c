/*
 * fire:FirewallException: Windows Firewall rules added on install and removed on uninstall, each with its rollback.
 *
 * SchedFirewallExceptionsInstall / SchedFirewallExceptionsUninstall (immediate; after InstallFiles / before
 * RemoveFiles) read the first of these tables the package has:
 *   Wix5FirewallException (WiX v5+, 27 columns): key, Name, RemoteAddresses, Port, Protocol, Program, Attributes,
 *     Profile, Component_, Description, Direction, Action, EdgeTraversal, Enabled, Grouping, IcmpTypesAndCodes,
 *     Interfaces, InterfaceTypes, LocalAddresses, RemotePort, ServiceName, LocalAppPackageId,
 *     LocalUserAuthorizedList, LocalUserOwner, RemoteMachineAuthorizedList, RemoteUserAuthorizedList, SecureFlags.
 *     Every column but the key, Attributes, Component_ and Direction is formatted; Protocol, Profile, Action,
 *     EdgeTraversal, Enabled and SecureFlags must format to a number ("-2147483648" or empty = not set).
 *   Wix4FirewallException (WiX v4.0): key, Name, RemoteAddresses, Port, Protocol, Program, Attributes, Profile,
 *     Component_, Description, Direction (integers as integers).
 *   WixFirewallException (WiX v3): the same without Direction (inbound).
 * Install adds the rules of components being installed (rollback removes them); uninstall removes the rules of
 * components being removed (rollback adds them back). Both run ExecFirewallExceptions (fwrule.c) with one record
 * per rule (fw_rule_put).
 */
#include "fwrule.h"

typedef enum { FW_GEN_NONE, FW_GEN_V3, FW_GEN_V4, FW_GEN_V5 } fw_gen_t;

const long long fw_number_min[FW_NUMBER_COUNT] = {0, 0, 1, 1, 0, 0, 0, 0};
/* protocol 256 = NET_FW_IP_PROTOCOL_ANY; secure flags: NET_FW_AUTHENTICATE_NONE (0) .. _ENCRYPT (4) */
const long long fw_number_max[FW_NUMBER_COUNT] = {256, 0x7fffffff, 0x7fffffff, 2, 1, 3, 1, 4};
const WCHAR *const fw_number_names[FW_NUMBER_COUNT] = {L"Protocol", L"Attributes", L"Profile", L"Direction", L"Action",
                                                       L"EdgeTraversal", L"Enabled", L"SecureFlags"};

void fw_rule_free(fw_rule_t *rule)
{
    for (int i = 0; i < FW_TEXT_COUNT; i++) {
        ca_free(rule->text[i]);
        rule->text[i] = NULL;
    }
}

void fw_rule_put(cs_t *data, int op, const fw_rule_t *rule)
{
    cad_put_int(data, op);
    for (int i = 0; i < FW_NUMBER_COUNT; i++) cad_put_int(data, rule->number[i]);
    for (int i = 0; i < FW_TEXT_COUNT; i++) cad_put(data, rule->text[i]);
}

BOOL fw_rule_get(cad_reader_t *r, int *op, fw_rule_t *rule)
{
    *op = (int)cad_get_int(r, 0, 1);
    for (int i = 0; i < FW_NUMBER_COUNT; i++) {
        long long v = cad_get_int(r, FW_NOT_SET, 0x7fffffff);
        if (v != FW_NOT_SET && (v < fw_number_min[i] || v > fw_number_max[i])) {
            r->failed = TRUE;
            if (!r->why) r->why = L"a rule's number is out of its range";
        }
        rule->number[i] = v;
    }
    for (int i = 0; i < FW_TEXT_COUNT; i++) rule->text[i] = cad_get(r);
    return !r->failed;
}

static const WCHAR *action_name(fw_gen_t gen, BOOL install, BOOL rollback)
{
    if (gen == FW_GEN_V5) {
        if (install) return rollback ? L"Wix5RollbackFirewallExceptionsInstall" CA_ARCH_V4 : L"Wix5ExecFirewallExceptionsInstall" CA_ARCH_V4;
        return rollback ? L"Wix5RollbackFirewallExceptionsUninstall" CA_ARCH_V4 : L"Wix5ExecFirewallExceptionsUninstall" CA_ARCH_V4;
    }
    if (gen == FW_GEN_V4) {
        if (install) return rollback ? L"Wix4RollbackFirewallExceptionsInstall" CA_ARCH_V4 : L"Wix4ExecFirewallExceptionsInstall" CA_ARCH_V4;
        return rollback ? L"Wix4RollbackFirewallExceptionsUninstall" CA_ARCH_V4 : L"Wix4ExecFirewallExceptionsUninstall" CA_ARCH_V4;
    }
    if (install) return rollback ? L"WixRollbackFirewallExceptionsInstall" CA_ARCH_V3 : L"WixExecFirewallExceptionsInstall" CA_ARCH_V3;
    return rollback ? L"WixRollbackFirewallExceptionsUninstall" CA_ARCH_V3 : L"WixExecFirewallExceptionsUninstall" CA_ARCH_V3;
}

/* Record fields of each text, per generation (0 = the generation has no such column). */
static const UINT v5_text_fields[FW_TEXT_COUNT] = {2, 3, 4, 6, 10, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26};
static const UINT v4_text_fields[FW_TEXT_COUNT] = {2, 3, 4, 6, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
/* Record fields of the formatted numbers of Wix5FirewallException (Attributes 7 and Direction 11 are integers). */
static const UINT v5_number_fields[FW_NUMBER_COUNT] = {5, 0, 8, 0, 12, 13, 14, 27};

/* A formatted cell that must hold a number: empty or "-2147483648" is not set. */
static UINT formatted_number(MSIHANDLE h, const WCHAR *id, int which, const WCHAR *text, long long *out)
{
    *out = FW_NOT_SET;
    if (!text[0]) return ERROR_SUCCESS;
    const WCHAR *p = text;
    BOOL negative = *p == L'-';
    if (negative) p++;
    long long v = 0;
    int digits = 0;
    for (; *p >= L'0' && *p <= L'9' && digits < 12; p++, digits++) v = v * 10 + (*p - L'0');
    if (negative) v = -v;
    if (!digits || *p || (v != FW_NOT_SET && (v < fw_number_min[which] || v > fw_number_max[which]))) {
        ca_log(h, L"rule %ls: %ls is '%ls' after formatting; it must be a number from %lld to %lld", id,
               fw_number_names[which], text, fw_number_min[which], fw_number_max[which]);
        return ERROR_INSTALL_FAILURE;
    }
    *out = v;
    return ERROR_SUCCESS;
}

/* Reads one row into *rule (texts formatted); ERROR_SUCCESS or a logged failure. */
static UINT read_rule(MSIHANDLE h, MSIHANDLE rec, fw_gen_t gen, const WCHAR *id, fw_rule_t *rule)
{
    UINT result = ERROR_SUCCESS;
    const UINT *fields = gen == FW_GEN_V5 ? v5_text_fields : v4_text_fields;
    for (int i = 0; i < FW_TEXT_COUNT && result == ERROR_SUCCESS; i++) {
        if (!fields[i]) {
            rule->text[i] = ca_wcsdup(L"");
            if (!rule->text[i]) result = ca_fail_win32(h, L"allocating a rule field", ERROR_OUTOFMEMORY);
            continue;
        }
        WCHAR *raw = NULL;
        result = ca_record_string(h, rec, fields[i], &raw);
        if (result == ERROR_SUCCESS) result = ca_format(h, raw, &rule->text[i]);
        ca_free(raw);
    }
    for (int i = 0; i < FW_NUMBER_COUNT; i++) rule->number[i] = FW_NOT_SET;
    rule->number[FW_ATTRIBUTES] = ca_record_int(rec, 7, 0);
    rule->number[FW_DIRECTION] = gen == FW_GEN_V3 ? NET_FW_RULE_DIR_IN : ca_record_int(rec, 11, NET_FW_RULE_DIR_IN);
    if (gen == FW_GEN_V5) {
        for (int i = 0; i < FW_NUMBER_COUNT && result == ERROR_SUCCESS; i++) {
            if (!v5_number_fields[i]) continue;
            WCHAR *raw = NULL, *text = NULL;
            result = ca_record_string(h, rec, v5_number_fields[i], &raw);
            if (result == ERROR_SUCCESS) result = ca_format(h, raw, &text);
            if (result == ERROR_SUCCESS) result = formatted_number(h, id, i, text, &rule->number[i]);
            ca_free(raw);
            ca_free(text);
        }
    } else {
        rule->number[FW_PROTOCOL] = ca_record_int(rec, 5, FW_NOT_SET);
        rule->number[FW_PROFILE] = ca_record_int(rec, 8, NET_FW_PROFILE2_ALL);
    }
    for (int i = 0; i < FW_NUMBER_COUNT && result == ERROR_SUCCESS; i++) {
        long long v = rule->number[i];
        if (v != FW_NOT_SET && (v < fw_number_min[i] || v > fw_number_max[i])) {
            ca_log(h, L"rule %ls: %ls %lld is out of range (%lld to %lld)", id, fw_number_names[i], v, fw_number_min[i], fw_number_max[i]);
            result = ERROR_INSTALL_FAILURE;
        }
    }
    if (result == ERROR_SUCCESS && !rule->text[FW_NAME][0]) {
        ca_log(h, L"rule %ls has no name", id);
        result = ERROR_INSTALL_FAILURE;
    }
    return result;
}

static fw_gen_t table_generation(MSIHANDLE h)
{
    if (ca_table_exists(h, L"Wix5FirewallException")) return FW_GEN_V5;
    switch (ca_generation(h, L"Wix4FirewallException", L"WixFirewallException")) {
    case CA_GEN_V4: return FW_GEN_V4;
    case CA_GEN_V3: return FW_GEN_V3;
    default: return FW_GEN_NONE;
    }
}

static UINT schedule(MSIHANDLE h, BOOL install)
{
    ca_log_begin(h, install ? L"SchedFirewallExceptionsInstall" : L"SchedFirewallExceptionsUninstall");
    fw_gen_t gen = table_generation(h);
    if (gen == FW_GEN_NONE) {
        ca_log(h, L"the package has no Wix5FirewallException, Wix4FirewallException or WixFirewallException table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == FW_GEN_V5
        ? L"SELECT `Wix5FirewallException`, `Name`, `RemoteAddresses`, `Port`, `Protocol`, `Program`, `Attributes`, `Profile`, `Component_`, `Description`, `Direction`, "
          L"`Action`, `EdgeTraversal`, `Enabled`, `Grouping`, `IcmpTypesAndCodes`, `Interfaces`, `InterfaceTypes`, `LocalAddresses`, `RemotePort`, `ServiceName`, "
          L"`LocalAppPackageId`, `LocalUserAuthorizedList`, `LocalUserOwner`, `RemoteMachineAuthorizedList`, `RemoteUserAuthorizedList`, `SecureFlags` FROM `Wix5FirewallException`"
        : gen == FW_GEN_V4
        ? L"SELECT `Wix4FirewallException`, `Name`, `RemoteAddresses`, `Port`, `Protocol`, `Program`, `Attributes`, `Profile`, `Component_`, `Description`, `Direction` FROM `Wix4FirewallException`"
        : L"SELECT `WixFirewallException`, `Name`, `RemoteAddresses`, `Port`, `Protocol`, `Program`, `Attributes`, `Profile`, `Component_`, `Description` FROM `WixFirewallException`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cs_t exec, rollback;
    cs_init(&exec, CA_MAX_VALUE);
    cs_init(&rollback, CA_MAX_VALUE);
    unsigned count = 0;
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *id = NULL, *component = NULL;
        fw_rule_t rule = {0};
        if (ca_record_string(h, rec, 1, &id) || ca_record_string(h, rec, 9, &component)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (install ? !ca_component_installing(h, component) : !ca_component_removing(h, component)) goto next;
        result = read_rule(h, rec, gen, id, &rule);
        if (result != ERROR_SUCCESS) goto next;
        fw_rule_put(&exec, install ? 1 : 0, &rule);
        fw_rule_put(&rollback, install ? 0 : 1, &rule);
        count++;
        ca_log(h, L"rule %ls (%ls) to %ls", id, rule.text[FW_NAME], install ? L"add" : L"remove");
    next:
        ca_free(id);
        ca_free(component);
        fw_rule_free(&rule);
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
