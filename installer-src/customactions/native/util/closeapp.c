/*
 * util:CloseApplication: find running instances of a program before files are replaced, ask them to close, and
 * (when told) end them or ask for a reboot.
 *
 * WixCloseApplications (immediate, before InstallFiles) reads v4 Wix4CloseApplication / v3 WixCloseApplication:
 *   key, Target (formatted executable file name, e.g. app.exe), Description, Condition, Attributes, Sequence,
 *   Property, TerminateExitCode, Timeout (milliseconds)
 * Attributes (WiX's values): 0x1 send WM_CLOSE, 0x2 ask for a reboot when still running, 0x4 send WM_CLOSE from the
 * elevated (deferred) action, 0x8 send WM_QUERYENDSESSION/WM_ENDSESSION, 0x10 the same elevated, 0x20 end the
 * process with TerminateExitCode, 0x40 ask the user to close it (Description is the text).
 * Property, when given, is set to the number of running instances. Elevated messages and termination are done by
 * WixCloseApplicationsDeferred (no impersonation), whose data is one record per program:
 *   target, attributes, timeout, exit code.
 */
#include "ca.h"
#include <tlhelp32.h>

#define CA_CLOSE_MESSAGE 0x1
#define CA_REBOOT_PROMPT 0x2
#define CA_ELEVATED_CLOSE_MESSAGE 0x4
#define CA_END_SESSION_MESSAGE 0x8
#define CA_ELEVATED_END_SESSION_MESSAGE 0x10
#define CA_TERMINATE_PROCESS 0x20
#define CA_PROMPT_TO_CONTINUE 0x40
#define CA_DEFAULT_TIMEOUT_MS 5000

static const WCHAR *deferred_action(ca_gen_t gen)
{
    return gen == CA_GEN_V4 ? L"Wix4CloseApplicationsDeferred" CA_ARCH_V4 : L"WixCloseApplicationsDeferred" CA_ARCH_V3;
}

/* Process ids whose image name is target (a file name; a path in target is reduced to its file name). */
typedef struct { DWORD ids[1024]; unsigned count; } pids_t;

static void find_processes(const WCHAR *target, pids_t *out)
{
    out->count = 0;
    const WCHAR *base = wcsrchr(target, L'\\');
    base = base ? base + 1 : target;
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snap == INVALID_HANDLE_VALUE) return;
    PROCESSENTRY32W pe;
    pe.dwSize = sizeof(pe);
    for (BOOL more = Process32FirstW(snap, &pe); more && out->count < 1024; more = Process32NextW(snap, &pe)) {
        const WCHAR *image = wcsrchr(pe.szExeFile, L'\\');
        image = image ? image + 1 : pe.szExeFile;
        if (!lstrcmpiW(image, base) && pe.th32ProcessID != GetCurrentProcessId()) out->ids[out->count++] = pe.th32ProcessID;
    }
    CloseHandle(snap);
}

typedef struct { const pids_t *pids; UINT message; unsigned sent; } message_job_t;

static BOOL CALLBACK message_window(HWND w, LPARAM param)
{
    message_job_t *job = (message_job_t *)param;
    DWORD pid = 0;
    GetWindowThreadProcessId(w, &pid);
    for (unsigned i = 0; i < job->pids->count; i++) {
        if (job->pids->ids[i] != pid) continue;
        DWORD_PTR answer = 0;
        if (job->message == WM_CLOSE) {
            PostMessageW(w, WM_CLOSE, 0, 0);
        } else {
            SendMessageTimeoutW(w, WM_QUERYENDSESSION, 0, ENDSESSION_CLOSEAPP, SMTO_ABORTIFHUNG, 5000, &answer);
            SendMessageTimeoutW(w, WM_ENDSESSION, TRUE, ENDSESSION_CLOSEAPP, SMTO_ABORTIFHUNG, 5000, &answer);
        }
        job->sent++;
    }
    return TRUE;
}

static unsigned send_to_windows(const pids_t *pids, UINT message)
{
    message_job_t job = {pids, message, 0};
    EnumWindows(message_window, (LPARAM)&job);
    return job.sent;
}

/* Waits up to timeout ms for every instance of target to go; returns how many are left. */
static unsigned wait_gone(const WCHAR *target, DWORD timeout)
{
    pids_t pids;
    DWORD waited = 0;
    for (;;) {
        find_processes(target, &pids);
        if (pids.count == 0 || waited >= timeout) return pids.count;
        Sleep(100);
        waited += 100;
    }
}

static unsigned terminate_all(MSIHANDLE h, const WCHAR *target, DWORD exit_code)
{
    pids_t pids;
    find_processes(target, &pids);
    unsigned ended = 0;
    for (unsigned i = 0; i < pids.count; i++) {
        HANDLE p = OpenProcess(PROCESS_TERMINATE | SYNCHRONIZE, FALSE, pids.ids[i]);
        if (!p) {
            ca_log(h, L"cannot open process %lu (%ls) to end it (error %lu)", (unsigned long)pids.ids[i], target, (unsigned long)GetLastError());
            continue;
        }
        if (TerminateProcess(p, exit_code)) {
            WaitForSingleObject(p, 5000);
            ended++;
            ca_log(h, L"ended process %lu (%ls) with exit code %lu", (unsigned long)pids.ids[i], target, (unsigned long)exit_code);
        } else {
            ca_log(h, L"could not end process %lu (%ls) (error %lu)", (unsigned long)pids.ids[i], target, (unsigned long)GetLastError());
        }
        CloseHandle(p);
    }
    return ended;
}

/* Asks the user to close the program; FALSE when they chose to cancel the install. */
static BOOL prompt_until_closed(MSIHANDLE h, const WCHAR *target, const WCHAR *description)
{
    for (;;) {
        pids_t pids;
        find_processes(target, &pids);
        if (pids.count == 0) return TRUE;
        MSIHANDLE rec = MsiCreateRecord(1);
        if (!rec) return TRUE;
        MsiRecordSetStringW(rec, 0, L"[1]");
        MsiRecordSetStringW(rec, 1, description);
        int answer = MsiProcessMessage(h, (INSTALLMESSAGE)(INSTALLMESSAGE_WARNING | MB_RETRYCANCEL), rec);
        MsiCloseHandle(rec);
        if (answer == IDCANCEL) return FALSE;
        if (answer != IDRETRY) {
            ca_log(h, L"%ls is still running; no one could be asked (quiet install), going on", target);
            return TRUE;
        }
    }
}

CA_EXPORT WixCloseApplications(MSIHANDLE h)
{
    ca_log_begin(h, L"WixCloseApplications");
    ca_gen_t gen = ca_generation(h, L"Wix4CloseApplication", L"WixCloseApplication");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4CloseApplication or WixCloseApplication table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `CloseApplication`, `Target`, `Description`, `Condition`, `Attributes`, `Sequence`, `Property`, `TerminateExitCode`, `Timeout` FROM `Wix4CloseApplication` ORDER BY `Sequence`"
        : L"SELECT `WixCloseApplication`, `Target`, `Description`, `Condition`, `Attributes`, `Sequence`, `Property`, `TerminateExitCode`, `Timeout` FROM `WixCloseApplication` ORDER BY `Sequence`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cs_t deferred;
    cs_init(&deferred, CA_MAX_VALUE);
    unsigned deferred_count = 0;
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *id = NULL, *raw_target = NULL, *raw_description = NULL, *condition = NULL, *property = NULL;
        WCHAR *target = NULL, *description = NULL;
        if (ca_record_string(h, rec, 1, &id) || ca_record_string(h, rec, 2, &raw_target) || ca_record_string(h, rec, 3, &raw_description)
            || ca_record_string(h, rec, 4, &condition) || ca_record_string(h, rec, 7, &property)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        int attributes = ca_record_int(rec, 5, 0);
        int exit_code = ca_record_int(rec, 8, 0);
        int timeout = ca_record_int(rec, 9, CA_DEFAULT_TIMEOUT_MS);
        if (timeout < 0) timeout = CA_DEFAULT_TIMEOUT_MS;
        if (condition[0] && MsiEvaluateConditionW(h, condition) != MSICONDITION_TRUE) {
            ca_log(h, L"%ls: condition '%ls' is not true; skipped", id, condition);
            goto next;
        }
        if (ca_format(h, raw_target, &target) || ca_format(h, raw_description, &description)) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        pids_t pids;
        find_processes(target, &pids);
        ca_log(h, L"%ls: %u running instance(s) of %ls", id, pids.count, target);
        if (property[0]) {
            WCHAR count[16];
            _snwprintf(count, 15, L"%u", pids.count);
            count[15] = 0;
            if (ca_set_property(h, property, count) != ERROR_SUCCESS) {
                result = ERROR_INSTALL_FAILURE;
                goto next;
            }
        }
        if (pids.count == 0) goto next;
        unsigned sent = 0;
        if (attributes & CA_CLOSE_MESSAGE) sent += send_to_windows(&pids, WM_CLOSE);
        if (attributes & CA_END_SESSION_MESSAGE) sent += send_to_windows(&pids, WM_QUERYENDSESSION);
        unsigned left = sent ? wait_gone(target, (DWORD)timeout) : pids.count;
        if (sent) ca_log(h, L"%ls: %u window message(s) sent; %u instance(s) still running", id, sent, left);
        if (left && (attributes & (CA_ELEVATED_CLOSE_MESSAGE | CA_ELEVATED_END_SESSION_MESSAGE | CA_TERMINATE_PROCESS))) {
            cad_put(&deferred, target);
            cad_put_int(&deferred, attributes);
            cad_put_int(&deferred, timeout);
            cad_put_int(&deferred, exit_code);
            deferred_count++;
        } else if (left && (attributes & CA_PROMPT_TO_CONTINUE)) {
            if (!prompt_until_closed(h, target, description[0] ? description : target)) {
                ca_log(h, L"%ls: the user cancelled the install", id);
                result = ERROR_INSTALL_USEREXIT;
            }
        } else if (left && (attributes & CA_REBOOT_PROMPT)) {
            MsiSetMode(h, MSIRUNMODE_REBOOTATEND, TRUE);
            ca_log(h, L"%ls: %ls is still running; a reboot is requested at the end", id, target);
        }
    next:
        ca_free(id); ca_free(raw_target); ca_free(raw_description); ca_free(condition); ca_free(property);
        ca_free(target); ca_free(description);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    if (result == ERROR_SUCCESS && deferred.failed) result = ERROR_INSTALL_FAILURE;
    if (result == ERROR_SUCCESS && deferred_count) result = ca_schedule(h, deferred_action(gen), deferred.p);
    cs_free(&deferred);
    return result;
}

CA_EXPORT WixCloseApplicationsDeferred(MSIHANDLE h)
{
    ca_log_begin(h, L"WixCloseApplicationsDeferred");
    WCHAR *data = NULL;
    if (ca_get_property(h, L"CustomActionData", &data) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    cad_reader_t r;
    cad_open(&r, data);
    UINT result = ERROR_SUCCESS;
    while (result == ERROR_SUCCESS && cad_more(&r)) {
        WCHAR *target = cad_get(&r);
        int attributes = (int)cad_get_int(&r, 0, 0x7fffffff);
        DWORD timeout = (DWORD)cad_get_int(&r, 0, 0x7fffffff);
        DWORD exit_code = (DWORD)cad_get_int(&r, 0, 0x7fffffff);
        if (r.failed) {
            result = cad_fail(h, &r);
            ca_free(target);
            break;
        }
        pids_t pids;
        find_processes(target, &pids);
        unsigned sent = 0;
        if (pids.count && (attributes & CA_ELEVATED_CLOSE_MESSAGE)) sent += send_to_windows(&pids, WM_CLOSE);
        if (pids.count && (attributes & CA_ELEVATED_END_SESSION_MESSAGE)) sent += send_to_windows(&pids, WM_QUERYENDSESSION);
        unsigned left = sent ? wait_gone(target, timeout) : pids.count;
        if (left && (attributes & CA_TERMINATE_PROCESS)) {
            terminate_all(h, target, exit_code);
            left = wait_gone(target, 1000);
        }
        ca_log(h, L"%ls: %u instance(s) found, %u still running", target, pids.count, left);
        if (left && (attributes & CA_REBOOT_PROMPT)) ca_note_reboot_required(h);
        ca_free(target);
    }
    ca_free(data);
    return result;
}
