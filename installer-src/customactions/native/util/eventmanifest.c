/*
 * util:EventManifest: an event manifest registered with Windows' own tool, wevtutil.exe, while its component is
 * installed, and unregistered when it is removed.
 *
 * Facts we follow (WiX's util extension: its EventManifest table, its library's placements and its scheduling
 * actions' documented behaviour):
 *  - the table is v4 Wix4EventManifest / v3 EventManifest: Component_, File (formatted, "[#FileId]");
 *  - ConfigureEventManifestRegister (immediate, after SchedXmlFile so the manifest's file names are rewritten first)
 *    schedules, for each row whose component is being installed, the rollback `"wevtutil.exe" um "<manifest>"` and
 *    then the deferred `"wevtutil.exe" im "<manifest>"`;
 *  - ConfigureEventManifestUnregister (immediate, after RemoveRegistryValues, before the file is removed) schedules,
 *    for each row whose component is being removed or reinstalled, the rollback `"wevtutil.exe" im "<manifest>"`,
 *    and, on removal only, the deferred `"wevtutil.exe" um "<manifest>"` (a repair re-registers instead);
 *  - the deferred and rollback actions are the library's quiet exec entry point, which runs its CustomActionData;
 *  - nothing is done before Windows Vista (VersionNT < 600), which has no wevtutil.
 * The command is fixed text around the formatted file path; a path that would break the quoting is refused. A manifest
 * whose path formats to nothing on removal is logged and skipped rather than stopping the uninstall.
 */
#include "ca.h"

typedef enum { EM_REGISTER, EM_UNREGISTER, EM_ROLLBACK_REGISTER, EM_ROLLBACK_UNREGISTER } em_action_t;

/* The deferred action's name as the package's generation spells it (the compiler emits the same names). */
static const WCHAR *action_name(ca_gen_t gen, em_action_t which)
{
    static const WCHAR *const v4[] = {
        L"Wix4RegisterEventManifest" CA_ARCH_V4, L"Wix4UnregisterEventManifest" CA_ARCH_V4,
        L"Wix4RollbackRegisterEventManifest" CA_ARCH_V4, L"Wix4RollbackUnregisterEventManifest" CA_ARCH_V4,
    };
    static const WCHAR *const v3[] = {
        L"RegisterEventManifest" CA_ARCH_V3, L"UnregisterEventManifest" CA_ARCH_V3,
        L"RollbackRegisterEventManifest" CA_ARCH_V3, L"RollbackUnregisterEventManifest" CA_ARCH_V3,
    };
    return gen == CA_GEN_V4 ? v4[which] : v3[which];
}

/* `"wevtutil.exe" <verb> "<manifest>"`, or NULL (logged) when the path cannot be quoted or is too long. */
static WCHAR *command(MSIHANDLE h, const WCHAR *verb, const WCHAR *manifest)
{
    if (manifest[0] == L'\0') {
        ca_log(h, L"the event manifest's File formats to nothing: it must name the manifest, e.g. [#FileId]");
        return NULL;
    }
    if (wcschr(manifest, L'"') != NULL) {
        ca_log(h, L"the event manifest path '%ls' contains a double quote, which cannot be passed to wevtutil.exe", manifest);
        return NULL;
    }
    cs_t c;
    cs_init(&c, CA_MAX_COMMAND - 1);
    cs_append(&c, L"\"wevtutil.exe\" ");
    cs_append(&c, verb);
    cs_append(&c, L" \"");
    cs_append(&c, manifest);
    cs_append(&c, L"\"");
    if (c.failed) {
        ca_log(h, L"the wevtutil.exe command for '%ls' is longer than %lu characters", manifest, (unsigned long)(CA_MAX_COMMAND - 1));
        cs_free(&c);
        return NULL;
    }
    return cs_take(&c);
}

static UINT schedule(MSIHANDLE h, ca_gen_t gen, em_action_t which, const WCHAR *verb, const WCHAR *manifest)
{
    WCHAR *cmd = command(h, verb, manifest);
    if (cmd == NULL) return ERROR_INSTALL_FAILURE;
    const WCHAR *action = action_name(gen, which);
    UINT er = ca_schedule(h, action, cmd);
    if (er == ERROR_SUCCESS) ca_log(h, L"scheduled %ls: %ls", action, cmd);
    ca_free(cmd);
    return er;
}

/* TRUE when the system has wevtutil (Vista, VersionNT 600, and later); logs why not otherwise. */
static BOOL has_wevtutil(MSIHANDLE h)
{
    WCHAR *version = NULL;
    if (ca_get_property(h, L"VersionNT", &version) != ERROR_SUCCESS) return FALSE;
    long v = wcstol(version, NULL, 10);
    ca_free(version);
    if (v >= 600) return TRUE;
    ca_log(h, L"VersionNT is %ld: Windows before Vista has no event manifests; nothing to do", v);
    return FALSE;
}

static UINT configure(MSIHANDLE h, BOOL registering)
{
    if (!has_wevtutil(h)) return ERROR_SUCCESS;
    ca_gen_t gen = ca_generation(h, L"Wix4EventManifest", L"EventManifest");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4EventManifest or EventManifest table: nothing to do");
        return ERROR_SUCCESS;
    }
    const WCHAR *sql = gen == CA_GEN_V4 ? L"SELECT `Component_`, `File` FROM `Wix4EventManifest`"
                                        : L"SELECT `Component_`, `File` FROM `EventManifest`";
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) return ERROR_INSTALL_FAILURE;
    UINT result = ERROR_SUCCESS;
    unsigned count = 0;
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        WCHAR *component = NULL, *raw = NULL, *manifest = NULL;
        ca_change_t change;
        if (ca_record_string(h, rec, 1, &component) != ERROR_SUCCESS || ca_record_string(h, rec, 2, &raw) != ERROR_SUCCESS) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (!ca_component_change(h, component, &change)) goto next;
        BOOL installing = change.installing, reinstalling = change.reinstalling, removing = change.removing;
        if (registering ? !installing : !(removing || reinstalling)) goto next;
        if (ca_format(h, raw, &manifest) != ERROR_SUCCESS) {
            result = ERROR_INSTALL_FAILURE;
            goto next;
        }
        if (!registering && manifest[0] == L'\0') {
            /* an uninstall is not stopped for this: the deferred unregistration would only be ignored (Return="ignore") */
            ca_log(h, L"the event manifest of component %ls (%ls) has no path now; it is not unregistered", component, raw);
            goto next;
        }
        if (registering) {
            /* the rollback goes first: it must be in the script before the action it undoes */
            result = schedule(h, gen, EM_ROLLBACK_REGISTER, L"um", manifest);
            if (result == ERROR_SUCCESS) result = schedule(h, gen, EM_REGISTER, L"im", manifest);
        } else {
            result = schedule(h, gen, EM_ROLLBACK_UNREGISTER, L"im", manifest);
            /* a repair keeps the manifest registered: the register action registers it again */
            if (result == ERROR_SUCCESS && !reinstalling) result = schedule(h, gen, EM_UNREGISTER, L"um", manifest);
        }
        if (result == ERROR_SUCCESS) count++;
    next:
        ca_free(component);
        ca_free(raw);
        ca_free(manifest);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    if (result == ERROR_SUCCESS) ca_log(h, L"%u event manifest(s) to %ls", count, registering ? L"register" : L"unregister");
    return result;
}

CA_EXPORT ConfigureEventManifestRegister(MSIHANDLE h)
{
    ca_log_begin(h, L"ConfigureEventManifestRegister");
    return configure(h, TRUE);
}

CA_EXPORT ConfigureEventManifestUnregister(MSIHANDLE h)
{
    ca_log_begin(h, L"ConfigureEventManifestUnregister");
    return configure(h, FALSE);
}
