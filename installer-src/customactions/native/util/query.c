/*
 * Properties about the machine, set before the package needs them (WiX schedules these after AppSearch, in both
 * sequences). Names and meanings as WiX's OSInfo custom actions document them:
 *  - WixQueryOsInfo: WIX_SUITE_* = 1 for each OSVERSIONINFOEX suite flag (and the GetSystemMetrics ones) present;
 *  - WixQueryOsDirs: WIX_DIR_* = the shell folder of that CSIDL, with a trailing backslash like every MSI folder;
 *  - WixQueryOsWellKnownSID: WIX_ACCOUNT_* = the localized "DOMAIN\name" of a well-known account, *_NODOMAIN = name;
 *  - WixQueryNativeMachine: WIX_NATIVE_MACHINE = the IMAGE_FILE_MACHINE_* value of the machine, where Windows can tell
 *    (IsWow64Process2, Windows 10 1511 and later; left unset elsewhere, as documented).
 * A value Windows cannot give is logged and left unset; these actions fail only when a property cannot be set.
 */
#include "ca.h"
#include <shlobj.h>

typedef struct { const WCHAR *property; DWORD flag; } suite_t;

static const suite_t suites[] = {
    {L"WIX_SUITE_BACKOFFICE", VER_SUITE_BACKOFFICE},
    {L"WIX_SUITE_BLADE", VER_SUITE_BLADE},
    {L"WIX_SUITE_COMMUNICATIONS", VER_SUITE_COMMUNICATIONS},
    {L"WIX_SUITE_COMPUTE_SERVER", VER_SUITE_COMPUTE_SERVER},
    {L"WIX_SUITE_DATACENTER", VER_SUITE_DATACENTER},
    {L"WIX_SUITE_EMBEDDEDNT", VER_SUITE_EMBEDDEDNT},
    {L"WIX_SUITE_EMBEDDED_RESTRICTED", VER_SUITE_EMBEDDED_RESTRICTED},
    {L"WIX_SUITE_ENTERPRISE", VER_SUITE_ENTERPRISE},
    {L"WIX_SUITE_PERSONAL", VER_SUITE_PERSONAL},
    {L"WIX_SUITE_SECURITY_APPLIANCE", VER_SUITE_SECURITY_APPLIANCE},
    {L"WIX_SUITE_SINGLEUSERTS", VER_SUITE_SINGLEUSERTS},
    {L"WIX_SUITE_SMALLBUSINESS", VER_SUITE_SMALLBUSINESS},
    {L"WIX_SUITE_SMALLBUSINESS_RESTRICTED", VER_SUITE_SMALLBUSINESS_RESTRICTED},
    {L"WIX_SUITE_STORAGE_SERVER", VER_SUITE_STORAGE_SERVER},
    {L"WIX_SUITE_TERMINAL", VER_SUITE_TERMINAL},
    {L"WIX_SUITE_WH_SERVER", VER_SUITE_WH_SERVER},
};

typedef struct { const WCHAR *property; int metric; } metric_t;

static const metric_t metrics[] = {
    {L"WIX_SUITE_MEDIACENTER", SM_MEDIACENTER},
    {L"WIX_SUITE_SERVERR2", SM_SERVERR2},
    {L"WIX_SUITE_STARTER", SM_STARTER},
    {L"WIX_SUITE_TABLETPC", SM_TABLETPC},
};

CA_EXPORT WixQueryOsInfo(MSIHANDLE h)
{
    ca_log_begin(h, L"WixQueryOsInfo");
    OSVERSIONINFOEXW v = {0};
    v.dwOSVersionInfoSize = sizeof(v);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    if (!GetVersionExW((OSVERSIONINFOW *)&v)) return ca_fail_win32(h, L"GetVersionEx", GetLastError());
#pragma GCC diagnostic pop
    for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
        if ((v.wSuiteMask & suites[i].flag) && ca_set_property(h, suites[i].property, L"1") != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    }
    for (size_t i = 0; i < sizeof(metrics) / sizeof(metrics[0]); i++) {
        if (GetSystemMetrics(metrics[i].metric) && ca_set_property(h, metrics[i].property, L"1") != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    }
    ca_log(h, L"suite mask 0x%04x, product type %u", (unsigned)v.wSuiteMask, (unsigned)v.wProductType);
    return ERROR_SUCCESS;
}

typedef struct { const WCHAR *property; int csidl; } folder_t;

static const folder_t folders[] = {
    {L"WIX_DIR_ADMINTOOLS", CSIDL_ADMINTOOLS},
    {L"WIX_DIR_ALTSTARTUP", CSIDL_ALTSTARTUP},
    {L"WIX_DIR_CDBURN_AREA", CSIDL_CDBURN_AREA},
    {L"WIX_DIR_COMMON_ADMINTOOLS", CSIDL_COMMON_ADMINTOOLS},
    {L"WIX_DIR_COMMON_ALTSTARTUP", CSIDL_COMMON_ALTSTARTUP},
    {L"WIX_DIR_COMMON_DOCUMENTS", CSIDL_COMMON_DOCUMENTS},
    {L"WIX_DIR_COMMON_FAVORITES", CSIDL_COMMON_FAVORITES},
    {L"WIX_DIR_COMMON_MUSIC", CSIDL_COMMON_MUSIC},
    {L"WIX_DIR_COMMON_PICTURES", CSIDL_COMMON_PICTURES},
    {L"WIX_DIR_COMMON_VIDEO", CSIDL_COMMON_VIDEO},
    {L"WIX_DIR_COOKIES", CSIDL_COOKIES},
    {L"WIX_DIR_DESKTOP", CSIDL_DESKTOP},
    {L"WIX_DIR_HISTORY", CSIDL_HISTORY},
    {L"WIX_DIR_INTERNET_CACHE", CSIDL_INTERNET_CACHE},
    {L"WIX_DIR_MYMUSIC", CSIDL_MYMUSIC},
    {L"WIX_DIR_MYPICTURES", CSIDL_MYPICTURES},
    {L"WIX_DIR_MYVIDEO", CSIDL_MYVIDEO},
    {L"WIX_DIR_NETHOOD", CSIDL_NETHOOD},
    {L"WIX_DIR_PERSONAL", CSIDL_PERSONAL},
    {L"WIX_DIR_PRINTHOOD", CSIDL_PRINTHOOD},
    {L"WIX_DIR_PROFILE", CSIDL_PROFILE},
    {L"WIX_DIR_RECENT", CSIDL_RECENT},
    {L"WIX_DIR_RESOURCES", CSIDL_RESOURCES},
};

CA_EXPORT WixQueryOsDirs(MSIHANDLE h)
{
    ca_log_begin(h, L"WixQueryOsDirs");
    for (size_t i = 0; i < sizeof(folders) / sizeof(folders[0]); i++) {
        WCHAR path[MAX_PATH + 2] = {0};
        HRESULT hr = SHGetFolderPathW(NULL, folders[i].csidl, NULL, SHGFP_TYPE_CURRENT, path);
        if (hr != S_OK || !path[0]) {
            ca_log(h, L"%ls: Windows has no such folder here (HRESULT 0x%08lx); left unset", folders[i].property, (unsigned long)hr);
            continue;
        }
        size_t n = ca_wcslen_bounded(path, MAX_PATH);
        if (n < MAX_PATH && path[n - 1] != L'\\') {
            path[n] = L'\\';
            path[n + 1] = 0;
        }
        if (ca_set_property(h, folders[i].property, path) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    }
    return ERROR_SUCCESS;
}

typedef struct { const WCHAR *property; const WCHAR *nodomain; WELL_KNOWN_SID_TYPE sid; } account_t;

static const account_t accounts[] = {
    {L"WIX_ACCOUNT_LOCALSYSTEM", L"WIX_ACCOUNT_LOCALSYSTEM_NODOMAIN", WinLocalSystemSid},
    {L"WIX_ACCOUNT_LOCALSERVICE", L"WIX_ACCOUNT_LOCALSERVICE_NODOMAIN", WinLocalServiceSid},
    {L"WIX_ACCOUNT_NETWORKSERVICE", L"WIX_ACCOUNT_NETWORKSERVICE_NODOMAIN", WinNetworkServiceSid},
    {L"WIX_ACCOUNT_ADMINISTRATORS", L"WIX_ACCOUNT_ADMINISTRATORS_NODOMAIN", WinBuiltinAdministratorsSid},
    {L"WIX_ACCOUNT_USERS", L"WIX_ACCOUNT_USERS_NODOMAIN", WinBuiltinUsersSid},
    {L"WIX_ACCOUNT_GUESTS", L"WIX_ACCOUNT_GUESTS_NODOMAIN", WinBuiltinGuestsSid},
    {L"WIX_ACCOUNT_PERFLOGUSERS", L"WIX_ACCOUNT_PERFLOGUSERS_NODOMAIN", WinBuiltinPerfLoggingUsersSid},
};

CA_EXPORT WixQueryOsWellKnownSID(MSIHANDLE h)
{
    ca_log_begin(h, L"WixQueryOsWellKnownSID");
    for (size_t i = 0; i < sizeof(accounts) / sizeof(accounts[0]); i++) {
        BYTE sid[SECURITY_MAX_SID_SIZE];
        DWORD sid_size = sizeof(sid);
        if (!CreateWellKnownSid(accounts[i].sid, NULL, sid, &sid_size)) {
            ca_log(h, L"%ls: no such well-known SID here (error %lu); left unset", accounts[i].property, (unsigned long)GetLastError());
            continue;
        }
        WCHAR name[256], domain[256];
        DWORD name_len = 256, domain_len = 256;
        SID_NAME_USE use;
        if (!LookupAccountSidW(NULL, sid, name, &name_len, domain, &domain_len, &use)) {
            ca_log(h, L"%ls: the account has no name here (error %lu); left unset", accounts[i].property, (unsigned long)GetLastError());
            continue;
        }
        cs_t full;
        cs_init(&full, 600);
        if (domain[0]) {
            cs_append(&full, domain);
            cs_append_char(&full, L'\\');
        }
        cs_append(&full, name);
        UINT er = full.failed ? ERROR_INSTALL_FAILURE : ca_set_property(h, accounts[i].property, full.p);
        cs_free(&full);
        if (er == ERROR_SUCCESS) er = ca_set_property(h, accounts[i].nodomain, name);
        if (er != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    }
    return ERROR_SUCCESS;
}

typedef HRESULT (WINAPI *dwm_composition_fn)(BOOL *);

/*
 * util:QueryWindowsDriverInfo, as WiX documents its two properties: WIX_WDDM_DRIVER_PRESENT is 1 when the display
 * driver is a WDDM one (d3d9.dll exports Direct3DCreate9Ex, which only WDDM drivers have); WIX_DWM_COMPOSITION_ENABLED
 * is 1 when desktop composition is on (dwmapi's DwmIsCompositionEnabled). Either is left unset otherwise.
 */
CA_EXPORT WixQueryOsDriverInfo(MSIHANDLE h)
{
    ca_log_begin(h, L"WixQueryOsDriverInfo");
    UINT er = ERROR_SUCCESS;
    WCHAR path[MAX_PATH];
    UINT n = GetSystemDirectoryW(path, MAX_PATH);
    if (n == 0 || n > MAX_PATH - 16) return ca_fail_win32(h, L"finding the system folder", GetLastError());
    size_t base = n;
    wcscpy(path + base, L"\\d3d9.dll");
    HMODULE d3d9 = LoadLibraryExW(path, NULL, 0);
    BOOL wddm = d3d9 && GetProcAddress(d3d9, "Direct3DCreate9Ex") != NULL;
    if (d3d9) FreeLibrary(d3d9);
    if (wddm) er = ca_set_property(h, L"WIX_WDDM_DRIVER_PRESENT", L"1");
    ca_log(h, L"WIX_WDDM_DRIVER_PRESENT %ls", wddm ? L"= 1" : L"left unset (no Direct3DCreate9Ex in d3d9.dll)");
    if (er != ERROR_SUCCESS) return er;
    wcscpy(path + base, L"\\dwmapi.dll");
    HMODULE dwm = LoadLibraryExW(path, NULL, 0);
    dwm_composition_fn enabled = dwm ? (dwm_composition_fn)(void *)GetProcAddress(dwm, "DwmIsCompositionEnabled") : NULL;
    BOOL on = FALSE;
    BOOL composed = enabled && SUCCEEDED(enabled(&on)) && on;
    if (dwm) FreeLibrary(dwm);
    if (composed) er = ca_set_property(h, L"WIX_DWM_COMPOSITION_ENABLED", L"1");
    ca_log(h, L"WIX_DWM_COMPOSITION_ENABLED %ls", composed ? L"= 1" : L"left unset (composition off or no dwmapi)");
    return er;
}

typedef BOOL (WINAPI *is_wow64_process2_fn)(HANDLE, USHORT *, USHORT *);

CA_EXPORT WixQueryNativeMachine(MSIHANDLE h)
{
    ca_log_begin(h, L"WixQueryNativeMachine");
    HMODULE k = GetModuleHandleW(L"kernel32.dll");
    is_wow64_process2_fn query = k ? (is_wow64_process2_fn)(void *)GetProcAddress(k, "IsWow64Process2") : NULL;
    if (!query) {
        ca_log(h, L"IsWow64Process2 is not available (before Windows 10 1511): WIX_NATIVE_MACHINE left unset");
        return ERROR_SUCCESS;
    }
    USHORT process = 0, native = 0;
    if (!query(GetCurrentProcess(), &process, &native)) {
        ca_log(h, L"IsWow64Process2 failed (error %lu): WIX_NATIVE_MACHINE left unset", (unsigned long)GetLastError());
        return ERROR_SUCCESS;
    }
    cs_t v;
    cs_init(&v, 16);
    cs_append_uint(&v, native);
    UINT er = v.failed ? ERROR_INSTALL_FAILURE : ca_set_property(h, L"WIX_NATIVE_MACHINE", v.p);
    if (er == ERROR_SUCCESS) ca_log(h, L"WIX_NATIVE_MACHINE = %ls", v.p);
    cs_free(&v);
    return er;
}
