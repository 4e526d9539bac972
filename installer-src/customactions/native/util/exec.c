/*
 * The quiet/silent exec family: run one command line without a window, its output into the MSI log, its exit code
 * deciding the action's result.
 *
 * Behaviour as WiX documents it (Quiet Execution Custom Action): an immediate action runs the command held in its
 * property (WixQuietExecCmdLine, WixQuietExec64CmdLine, WixSilentExecCmdLine, WixSilentExec64CmdLine; CAQuietExec and
 * CAQuietExec64 read QtExecCmdLine and QtExec64CmdLine), formatted; a deferred action runs its CustomActionData. The
 * command must begin with a quoted program path. A non-zero exit code fails the action (Return="check" then fails the
 * install; Return="ignore" logs it and goes on). The Silent variants never log the command or its output. The 64
 * variants run the program with the 64-bit file-system view when our 32-bit library runs on 64-bit Windows.
 *
 * The command is passed to CreateProcess exactly as written: nothing is quoted, joined or interpreted here.
 * We wait for the program itself (not for its output pipe to close), so the *CmdTimeout properties WiX reads to bound
 * that second wait have nothing to bound here and are not read.
 */
#include "ca.h"

/* Output we keep in the log for one command; beyond this the rest is counted, not logged. */
#define EXEC_LOG_BYTES (1u << 20)

typedef struct {
    MSIHANDLE h;
    BOOL log_output;
    char pending[CA_LOG_LINE];
    size_t pending_len;
    size_t logged;
    size_t dropped;
} output_log_t;

static void flush_line(output_log_t *o)
{
    if (o->pending_len == 0) return;
    WCHAR wide[CA_LOG_LINE + 1];
    /* Console programs write in the OEM code page (what cmd.exe's echo produces). */
    int n = MultiByteToWideChar(CP_OEMCP, 0, o->pending, (int)o->pending_len, wide, CA_LOG_LINE);
    if (n < 0) n = 0;
    wide[n] = 0;
    if (n > 0 && wide[n - 1] == L'\r') wide[--n] = 0;
    ca_log(o->h, L"output: %ls", wide);
    o->pending_len = 0;
}

static void take_output(output_log_t *o, const char *bytes, size_t n)
{
    if (!o->log_output) return;
    for (size_t i = 0; i < n; i++) {
        if (o->logged >= EXEC_LOG_BYTES) {
            o->dropped += n - i;
            return;
        }
        o->logged++;
        if (bytes[i] == '\n') {
            flush_line(o);
            continue;
        }
        if (o->pending_len == sizeof(o->pending) - 1) flush_line(o);
        o->pending[o->pending_len++] = bytes[i];
    }
}

/* Reads whatever the pipe holds now, without blocking. */
static void drain(HANDLE pipe, output_log_t *o)
{
    char buf[4096];
    for (;;) {
        DWORD avail = 0;
        if (!PeekNamedPipe(pipe, NULL, 0, NULL, &avail, NULL) || avail == 0) return;
        DWORD got = 0;
        if (!ReadFile(pipe, buf, avail < sizeof(buf) ? avail : sizeof(buf), &got, NULL) || got == 0) return;
        take_output(o, buf, got);
    }
}

UINT ca_run_command(MSIHANDLE h, WCHAR *command, BOOL log_output, BOOL view64)
{
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    HANDLE read_end = NULL, write_end = NULL, nul = INVALID_HANDLE_VALUE;
    PROCESS_INFORMATION pi = {0};
    UINT result = ERROR_INSTALL_FAILURE;

    if (!CreatePipe(&read_end, &write_end, &sa, 0)) return ca_fail_win32(h, L"CreatePipe", GetLastError());
    SetHandleInformation(read_end, HANDLE_FLAG_INHERIT, 0);
    nul = CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, OPEN_EXISTING, 0, NULL);

    STARTUPINFOW si = {0};
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES | STARTF_USESHOWWINDOW;
    si.wShowWindow = SW_HIDE;
    si.hStdInput = nul != INVALID_HANDLE_VALUE ? nul : NULL;
    si.hStdOutput = write_end;
    si.hStdError = write_end;

    ca_wow64_t wow = {0};
    if (view64) ca_wow64_disable_redirection(h, &wow);
    BOOL started = CreateProcessW(NULL, command, NULL, NULL, TRUE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi);
    DWORD start_error = started ? ERROR_SUCCESS : GetLastError();
    ca_wow64_restore(&wow);

    CloseHandle(write_end); /* the child holds its own copy; ours would keep the pipe open forever */
    if (nul != INVALID_HANDLE_VALUE) CloseHandle(nul);
    if (!started) {
        CloseHandle(read_end);
        return ca_fail_win32(h, L"starting the command (CreateProcess)", start_error);
    }

    output_log_t out = {0};
    out.h = h;
    out.log_output = log_output;
    for (;;) {
        drain(read_end, &out);
        DWORD w = WaitForSingleObject(pi.hProcess, 50);
        if (w == WAIT_OBJECT_0) break;
        if (w == WAIT_FAILED) {
            ca_fail_win32(h, L"waiting for the command", GetLastError());
            goto done;
        }
    }
    drain(read_end, &out);
    flush_line(&out);
    if (out.dropped) ca_log(h, L"%lu more bytes of output were not logged", (unsigned long)out.dropped);

    DWORD code = 0;
    if (!GetExitCodeProcess(pi.hProcess, &code)) {
        ca_fail_win32(h, L"GetExitCodeProcess", GetLastError());
        goto done;
    }
    if (code == 0) {
        ca_log(h, L"command finished, exit code 0");
        result = ERROR_SUCCESS;
    } else {
        ca_log(h, L"command failed, exit code %lu (0x%08lx)", (unsigned long)code, (unsigned long)code);
    }
done:
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    CloseHandle(read_end);
    return result;
}

static UINT exec_entry(MSIHANDLE h, const WCHAR *entry, const WCHAR *property, BOOL log_io, BOOL view64)
{
    ca_log_begin(h, entry);
    WCHAR *command = NULL;
    UINT er;
    BOOL deferred = ca_is_deferred(h);
    if (deferred) {
        er = ca_get_property(h, L"CustomActionData", &command);
    } else {
        er = ca_get_formatted_property(h, property, &command);
        /* Cleared once read, so that a later exec action never runs this command again by accident. */
        if (er == ERROR_SUCCESS && command[0]) MsiSetPropertyW(h, property, L"");
    }
    if (er != ERROR_SUCCESS) return er;

    size_t len = ca_wcslen_bounded(command, CA_MAX_COMMAND);
    if (len == 0) {
        ca_log(h, deferred ? L"no command: the deferred action's CustomActionData is empty"
                           : L"no command: property %ls is empty", property);
        er = ERROR_INSTALL_FAILURE;
    } else if (len > CA_MAX_COMMAND - 1) {
        ca_log(h, L"the command is longer than %lu characters, the most CreateProcess accepts", (unsigned long)(CA_MAX_COMMAND - 1));
        er = ERROR_INSTALL_FAILURE;
    } else if (command[0] != L'"') {
        ca_log(h, L"the command must begin with the quoted path of the program to run, e.g. \"C:\\path\\tool.exe\" args");
        er = ERROR_INSTALL_FAILURE;
    } else {
        if (log_io) ca_log(h, L"running %ls", command);
        else ca_log(h, L"running a command (silent: command line and output are not logged)");
        er = ca_run_command(h, command, log_io, view64);
    }
    ca_free(command);
    return er;
}

CA_EXPORT WixQuietExec(MSIHANDLE h) { return exec_entry(h, L"WixQuietExec", L"WixQuietExecCmdLine", TRUE, FALSE); }
CA_EXPORT WixQuietExec64(MSIHANDLE h) { return exec_entry(h, L"WixQuietExec64", L"WixQuietExec64CmdLine", TRUE, TRUE); }
CA_EXPORT WixSilentExec(MSIHANDLE h) { return exec_entry(h, L"WixSilentExec", L"WixSilentExecCmdLine", FALSE, FALSE); }
CA_EXPORT WixSilentExec64(MSIHANDLE h) { return exec_entry(h, L"WixSilentExec64", L"WixSilentExec64CmdLine", FALSE, TRUE); }
CA_EXPORT CAQuietExec(MSIHANDLE h) { return exec_entry(h, L"CAQuietExec", L"QtExecCmdLine", TRUE, FALSE); }
CA_EXPORT CAQuietExec64(MSIHANDLE h) { return exec_entry(h, L"CAQuietExec64", L"QtExec64CmdLine", TRUE, TRUE); }
