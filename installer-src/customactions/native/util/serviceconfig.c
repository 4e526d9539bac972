/*
 * util:ServiceConfig: what a service does when it fails (restart, run a command, reboot), with rollback.
 *
 * SchedServiceConfig (immediate, after InstallServices, not on full uninstall) reads v4 Wix4ServiceConfig / v3
 * ServiceConfig:
 *   ServiceName (formatted), Component_, NewService (1 = installed by this package), FirstFailureActionType,
 *   SecondFailureActionType, ThirdFailureActionType ("none", "reboot", "restart", "runCommand"),
 *   ResetPeriodInDays, RestartServiceDelayInSeconds, ProgramCommandLine (formatted), RebootMessage
 * For each row whose component is being installed it schedules the change, and before it a rollback that puts
 * back the failure actions the service has now (a service this package installs has none to keep).
 * Deferred data, one record per service: name, 3 action types (SC_ACTION_*), reset period (s, -1 = unchanged),
 * restart delay (ms), command, reboot message. Rollback data: the same shape, holding the old settings.
 */
#include "ca.h"
#include <winsvc.h>

static const WCHAR *exec_action(ca_gen_t gen)
{
    return gen == CA_GEN_V4 ? L"Wix4ExecServiceConfig" CA_ARCH_V4 : L"ExecServiceConfig" CA_ARCH_V3;
}

static const WCHAR *rollback_action(ca_gen_t gen)
{
    return gen == CA_GEN_V4 ? L"Wix4RollbackServiceConfig" CA_ARCH_V4 : L"RollbackServiceConfig" CA_ARCH_V3;
}

static int action_type(const WCHAR *name)
{
    if (!name[0] || !lstrcmpiW(name, L"none")) return SC_ACTION_NONE;
    if (!lstrcmpiW(name, L"reboot")) return SC_ACTION_REBOOT;
    if (!lstrcmpiW(name, L"restart")) return SC_ACTION_RESTART;
    if (!lstrcmpiW(name, L"runCommand")) return SC_ACTION_RUN_COMMAND;
    return -1;
}

/* The service's current failure actions as a data record; FALSE (nothing written) when it does not exist yet. */
static BOOL current_settings(MSIHANDLE h, const WCHAR *service, cs_t *rollback)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (!scm) return FALSE;
    SC_HANDLE svc = OpenServiceW(scm, service, SERVICE_QUERY_CONFIG);
    BOOL ok = FALSE;
    if (svc) {
        DWORD need = 0;
        QueryServiceConfig2W(svc, SERVICE_CONFIG_FAILURE_ACTIONS, NULL, 0, &need);
        SERVICE_FAILURE_ACTIONSW *fa = need && need < (1u << 20) ? ca_alloc(need) : NULL;
        if (fa && QueryServiceConfig2W(svc, SERVICE_CONFIG_FAILURE_ACTIONS, (BYTE *)fa, need, &need)) {
            cad_put(rollback, service);
            DWORD delay = 0;
            for (DWORD i = 0; i < 3; i++) {
                int type = i < fa->cActions && fa->lpsaActions ? (int)fa->lpsaActions[i].Type : SC_ACTION_NONE;
                if (i < fa->cActions && fa->lpsaActions && fa->lpsaActions[i].Type == SC_ACTION_RESTART) delay = fa->lpsaActions[i].Delay;
                cad_put_int(rollback, type);
            }
            cad_put_int(rollback, fa->dwResetPeriod == INFINITE ? -1 : (long long)fa->dwResetPeriod);
            cad_put_int(rollback, delay);
            cad_put(rollback, fa->lpCommand ? fa->lpCommand : L"");
            cad_put(rollback, fa->lpRebootMsg ? fa->lpRebootMsg : L"");
            ok = TRUE;
        } else {
            ca_log(h, L"service %ls: its failure actions cannot be read (error %lu); rollback leaves them as set", service, (unsigned long)GetLastError());
        }
        ca_free(fa);
        CloseServiceHandle(svc);
    }
    CloseServiceHandle(scm);
    return ok;
}

CA_EXPORT SchedServiceConfig(MSIHANDLE h)
{
    ca_log_begin(h, L"SchedServiceConfig");
    ca_gen_t gen = ca_generation(h, L"Wix4ServiceConfig", L"ServiceConfig");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4ServiceConfig or ServiceConfig table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `ServiceName`, `Component_`, `NewService`, `FirstFailureActionType`, `SecondFailureActionType`, `ThirdFailureActionType`, `ResetPeriodInDays`, `RestartServiceDelayInSeconds`, `ProgramCommandLine`, `RebootMessage` FROM `Wix4ServiceConfig`"
        : L"SELECT `ServiceName`, `Component_`, `NewService`, `FirstFailureActionType`, `SecondFailureActionType`, `ThirdFailureActionType`, `ResetPeriodInDays`, `RestartServiceDelayInSeconds`, `ProgramCommandLine`, `RebootMessage` FROM `ServiceConfig`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cs_t exec, rollback;
    cs_init(&exec, CA_MAX_VALUE);
    cs_init(&rollback, CA_MAX_VALUE);
    unsigned count = 0;
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *raw_name = NULL, *component = NULL, *a1 = NULL, *a2 = NULL, *a3 = NULL, *raw_command = NULL, *reboot = NULL;
        WCHAR *name = NULL, *command = NULL;
        if (ca_record_string(h, rec, 1, &raw_name) || ca_record_string(h, rec, 2, &component) || ca_record_string(h, rec, 4, &a1)
            || ca_record_string(h, rec, 5, &a2) || ca_record_string(h, rec, 6, &a3) || ca_record_string(h, rec, 9, &raw_command)
            || ca_record_string(h, rec, 10, &reboot)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (!ca_component_installing(h, component)) goto next;
        if (ca_format(h, raw_name, &name) || ca_format(h, raw_command, &command)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        int types[3] = {action_type(a1), action_type(a2), action_type(a3)};
        const WCHAR *names[3] = {a1, a2, a3};
        for (int i = 0; i < 3; i++) {
            if (types[i] < 0) {
                ca_log(h, L"service %ls: failure action '%ls' is not none, reboot, restart or runCommand", name, names[i]);
                result = ERROR_INSTALL_FAILURE;
                goto next;
            }
        }
        int days = ca_record_int(rec, 7, -1);
        int delay = ca_record_int(rec, 8, 0);
        if (days > 24855 || delay < 0 || delay > 2147483) {
            ca_log(h, L"service %ls: reset period %d days or restart delay %d s is out of range", name, days, delay);
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        int is_new = ca_record_int(rec, 3, 0);
        if (!current_settings(h, name, &rollback) && !is_new) {
            ca_log(h, L"service %ls does not exist yet; it must be installed by now (NewService is 0)", name);
        }
        cad_put(&exec, name);
        for (int i = 0; i < 3; i++) cad_put_int(&exec, types[i]);
        cad_put_int(&exec, days < 0 ? -1 : (long long)days * 86400);
        cad_put_int(&exec, (long long)delay * 1000);
        cad_put(&exec, command);
        cad_put(&exec, reboot);
        count++;
    next:
        ca_free(raw_name); ca_free(component); ca_free(a1); ca_free(a2); ca_free(a3); ca_free(raw_command); ca_free(reboot);
        ca_free(name); ca_free(command);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    if (result == ERROR_SUCCESS && (exec.failed || rollback.failed)) result = ERROR_INSTALL_FAILURE;
    if (result == ERROR_SUCCESS && count) {
        result = ca_schedule(h, rollback_action(gen), rollback.p ? rollback.p : L"");
        if (result == ERROR_SUCCESS) result = ca_schedule(h, exec_action(gen), exec.p);
        if (result == ERROR_SUCCESS) ca_log(h, L"%u service(s) to configure", count);
    }
    cs_free(&exec);
    cs_free(&rollback);
    return result;
}

static UINT configure(MSIHANDLE h)
{
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    UINT result = ERROR_SUCCESS;
    SC_HANDLE scm = NULL;
    while (result == ERROR_SUCCESS && cad_more(&r)) {
        WCHAR *name = cad_get(&r);
        SC_ACTION actions[3];
        BOOL restart = FALSE;
        for (int i = 0; i < 3; i++) {
            actions[i].Type = (SC_ACTION_TYPE)cad_get_int(&r, SC_ACTION_NONE, SC_ACTION_RUN_COMMAND);
            if (actions[i].Type == SC_ACTION_RESTART) restart = TRUE;
        }
        long long reset = cad_get_int(&r, -1, 0x7fffffff);
        DWORD delay = (DWORD)cad_get_int(&r, 0, 0x7fffffff);
        WCHAR *command = cad_get(&r), *reboot = cad_get(&r);
        if (r.failed) {
            result = cad_fail(h, &r);
        } else {
            for (int i = 0; i < 3; i++) actions[i].Delay = actions[i].Type == SC_ACTION_NONE ? 0 : delay;
            if (!scm) scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
            SC_HANDLE svc = scm ? OpenServiceW(scm, name, SERVICE_CHANGE_CONFIG | SERVICE_QUERY_CONFIG | (restart ? SERVICE_START : 0)) : NULL;
            if (!svc) {
                ca_log(h, L"service %ls cannot be opened", name);
                result = ca_fail_win32(h, L"OpenService", GetLastError());
            } else {
                SERVICE_FAILURE_ACTIONSW fa = {0};
                fa.dwResetPeriod = reset < 0 ? INFINITE : (DWORD)reset;
                fa.lpRebootMsg = reboot[0] ? reboot : NULL;
                fa.lpCommand = command[0] ? command : NULL;
                fa.cActions = 3;
                fa.lpsaActions = actions;
                if (ChangeServiceConfig2W(svc, SERVICE_CONFIG_FAILURE_ACTIONS, &fa)) {
                    ca_log(h, L"service %ls: failure actions %d/%d/%d, reset after %lld s, restart delay %lu ms", name,
                           (int)actions[0].Type, (int)actions[1].Type, (int)actions[2].Type, reset, (unsigned long)delay);
                } else {
                    ca_log(h, L"service %ls: failure actions not changed", name);
                    result = ca_fail_win32(h, L"ChangeServiceConfig2 (SERVICE_CONFIG_FAILURE_ACTIONS)", GetLastError());
                }
                CloseServiceHandle(svc);
            }
        }
        ca_free(name); ca_free(command); ca_free(reboot);
    }
    if (scm) CloseServiceHandle(scm);
    ca_free(data);
    return result;
}

CA_EXPORT ExecServiceConfig(MSIHANDLE h)
{
    ca_log_begin(h, L"ExecServiceConfig");
    return configure(h);
}

CA_EXPORT RollbackServiceConfig(MSIHANDLE h)
{
    ca_log_begin(h, L"RollbackServiceConfig");
    return configure(h);
}
