/*
 * netfx:NativeImage: native images of .NET Framework assemblies, made by the framework's own NGen (ngen.exe) while
 * their file's component is installed and removed with it.
 *
 * Facts we follow (WiX's NetFx extension: the NativeImage element's documentation, its NetFxNativeImage table and its
 * library's actions; ngen.exe's documented command syntax):
 *  - the table is v4 Wix4NetFxNativeImage / v3 NetFxNativeImage: NetFxNativeImage, File_, Priority (0 = now, 1-3 =
 *    queued), Attributes (0x1 Debug, 0x2 no dependencies, 0x4 Profile, 0x8 32-bit framework, 0x10 64-bit framework),
 *    File_Application (formatted: a File id or a path), Directory_ApplicationBase (formatted: a directory property or a
 *    path);
 *  - SchedNetFx (immediate, before InstallFiles) finds each framework's ngen.exe under
 *    [WindowsFolder]Microsoft.NET\Framework\ and ...\Framework64\ (the highest version folder holding ngen.exe; v1.1
 *    is left out); a framework without one is logged and gets nothing;
 *  - for each row whose component is installed or reinstalled, for each framework its Attributes select:
 *    `ngen install "<file>"` + ` /queue:<Priority>` when Priority > 0, ` /Debug`, ` /Profile`, ` /NoDependencies`,
 *    ` /ExeConfig:"<application>"`, ` /AppBase:"<directory>\\"` (the backslash doubled so the quote stays a quote);
 *    for each row whose component is removed: `ngen uninstall "<file>"`; after all rows, for each framework used,
 *    `ngen update /queue`;
 *  - the install commands go to the ExecuteNativeImageInstall and ...CommitInstall actions, the uninstall ones to
 *    ...Uninstall and ...CommitUninstall (as properties named after the actions, which the package sequences: the
 *    commit ones run unless rollback is disabled, the deferred ones only then);
 *  - ExecNetFx runs each command without a window, its output logged; a failing command is logged and the next one
 *    runs (native images never fail an install).
 * Our own choices: ngen's path is quoted; the highest version folder is chosen by its name (vA.B.C), not by reading
 * ngen.exe's version resource; we wait for each ngen command without a time limit (WiX stops waiting after 60 s).
 * Not done: an assembly installed into the GAC (MsiAssembly row without File_Application), which WiX names by its
 * strong name: such a row is logged and skipped.
 */
#include "ca.h"

#define NGEN_DEBUG 0x1
#define NGEN_NODEP 0x2
#define NGEN_PROFILE 0x4
#define NGEN_32BIT 0x8
#define NGEN_64BIT 0x10

typedef enum { NI_INSTALL, NI_COMMIT_INSTALL, NI_UNINSTALL, NI_COMMIT_UNINSTALL } ni_action_t;

static const WCHAR *action_name(ca_gen_t gen, ni_action_t which)
{
    static const WCHAR *const v4[] = {
        L"Wix4NetFxExecuteNativeImageInstall" CA_ARCH_V4, L"Wix4NetFxExecuteNativeImageCommitInstall" CA_ARCH_V4,
        L"Wix4NetFxExecuteNativeImageUninstall" CA_ARCH_V4, L"Wix4NetFxExecuteNativeImageCommitUninstall" CA_ARCH_V4,
    };
    static const WCHAR *const v3[] = {
        L"NetFxExecuteNativeImageInstall" CA_ARCH_V3, L"NetFxExecuteNativeImageCommitInstall" CA_ARCH_V3,
        L"NetFxExecuteNativeImageUninstall" CA_ARCH_V3, L"NetFxExecuteNativeImageCommitUninstall" CA_ARCH_V3,
    };
    return gen == CA_GEN_V4 ? v4[which] : v3[which];
}

/* "v4.0.30319" -> its numbers; FALSE for a name that is not v<digits>[.<digits>]... */
static BOOL parse_version(const WCHAR *name, unsigned long v[4])
{
    v[0] = v[1] = v[2] = v[3] = 0;
    if (name[0] != L'v') return FALSE;
    const WCHAR *p = name + 1;
    for (int i = 0; i < 4; i++) {
        if (*p < L'0' || *p > L'9') return FALSE;
        while (*p >= L'0' && *p <= L'9') {
            if (v[i] > 100000000ul) return FALSE;
            v[i] = v[i] * 10 + (unsigned long)(*p++ - L'0');
        }
        if (*p == 0) return TRUE;
        if (*p++ != L'.') return FALSE;
    }
    return FALSE;
}

static BOOL newer(const unsigned long a[4], const unsigned long b[4])
{
    for (int i = 0; i < 4; i++) {
        if (a[i] != b[i]) return a[i] > b[i];
    }
    return FALSE;
}

/* The framework's ngen.exe (the highest version folder that has one), or NULL (logged) when there is none. */
static WCHAR *find_ngen(MSIHANDLE h, const WCHAR *windows, BOOL x64)
{
    cs_t base;
    cs_init(&base, CA_MAX_PATH - 64);
    cs_append(&base, windows);
    if (base.len > 0 && base.p[base.len - 1] != L'\\') cs_append_char(&base, L'\\');
    cs_append(&base, x64 ? L"Microsoft.NET\\Framework64\\" : L"Microsoft.NET\\Framework\\");
    WCHAR *best = NULL;
    unsigned long best_v[4] = {0};
    if (base.failed) goto done;
    cs_t pattern;
    cs_init(&pattern, CA_MAX_PATH);
    cs_append(&pattern, base.p);
    cs_append(&pattern, L"v*");
    WIN32_FIND_DATAW fd;
    HANDLE find = pattern.failed ? INVALID_HANDLE_VALUE : FindFirstFileW(pattern.p, &fd);
    cs_free(&pattern);
    if (find == INVALID_HANDLE_VALUE) goto done;
    do {
        unsigned long v[4];
        if (!(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) || !parse_version(fd.cFileName, v)) continue;
        if (wcscmp(fd.cFileName, L"v1.1.4322") == 0) continue; /* not compatible with the later frameworks */
        cs_t ngen;
        cs_init(&ngen, CA_MAX_PATH);
        cs_printf(&ngen, L"%ls%ls\\ngen.exe", base.p, fd.cFileName);
        if (!ngen.failed && ca_path_exists(ngen.p) && !ca_path_is_directory(ngen.p) && (best == NULL || newer(v, best_v))) {
            ca_free(best);
            best = cs_take(&ngen);
            memcpy(best_v, v, sizeof(best_v));
        }
        cs_free(&ngen);
    } while (FindNextFileW(find, &fd));
    FindClose(find);
done:
    if (best) ca_log(h, L"%ls-bit ngen: %ls", x64 ? L"64" : L"32", best);
    else ca_log(h, L"no ngen.exe under %ls: no native images for the %ls-bit framework", base.failed ? windows : base.p, x64 ? L"64" : L"32");
    cs_free(&base);
    return best;
}

/* Appends ` <switch>"<value>"` (directory: ending in a doubled backslash); FALSE when the value has a quote. */
static BOOL append_quoted(cs_t *c, const WCHAR *option, const WCHAR *value, BOOL directory)
{
    if (wcschr(value, L'"') != NULL) return FALSE;
    cs_append(c, option);
    cs_append_char(c, L'"');
    cs_append(c, value);
    if (directory) {
        if (c->len == 0 || c->p[c->len - 1] != L'\\') cs_append_char(c, L'\\');
        cs_append_char(c, L'\\');
    }
    cs_append_char(c, L'"');
    return TRUE;
}

typedef struct {
    WCHAR *file;      /* the assembly's installed path */
    int priority;
    int attributes;
    WCHAR *app;       /* File_Application's path, or "" */
    WCHAR *app_base;  /* Directory_ApplicationBase's path, or "" */
} image_t;

static void image_free(image_t *i)
{
    ca_free(i->file);
    ca_free(i->app);
    ca_free(i->app_base);
}

/* A File id when the File table has it: its installed path ([#id]); otherwise the value as a path. */
static UINT resolve_file(MSIHANDLE h, const WCHAR *value, WCHAR **out)
{
    *out = NULL;
    BOOL is_file = FALSE;
    if (value[0] && ca_table_exists(h, L"File")) {
        MSIHANDLE view = 0, rec = 0, param = MsiCreateRecord(1);
        MSIHANDLE db = MsiGetActiveDatabase(h);
        if (db && param && MsiRecordSetStringW(param, 1, value) == ERROR_SUCCESS
                && MsiDatabaseOpenViewW(db, L"SELECT `File` FROM `File` WHERE `File` = ?", &view) == ERROR_SUCCESS
                && MsiViewExecute(view, param) == ERROR_SUCCESS) {
            is_file = MsiViewFetch(view, &rec) == ERROR_SUCCESS;
        }
        if (rec) MsiCloseHandle(rec);
        if (view) MsiCloseHandle(view);
        if (param) MsiCloseHandle(param);
        if (db) MsiCloseHandle(db);
    }
    if (!is_file) {
        *out = ca_wcsdup(value);
        return *out ? ERROR_SUCCESS : ca_fail_win32(h, L"allocating", ERROR_OUTOFMEMORY);
    }
    cs_t t;
    cs_init(&t, CA_MAX_PATH);
    cs_printf(&t, L"[#%ls]", value);
    UINT er = t.failed ? ERROR_INSTALL_FAILURE : ca_format(h, t.p, out);
    cs_free(&t);
    return er;
}

/* A property that is set (a Directory id): its value; otherwise the value as a path. */
static UINT resolve_directory(MSIHANDLE h, const WCHAR *value, WCHAR **out)
{
    *out = NULL;
    if (value[0]) {
        WCHAR *dir = NULL;
        UINT er = ca_get_property(h, value, &dir);
        if (er != ERROR_SUCCESS) return er;
        if (dir[0]) {
            *out = dir;
            return ERROR_SUCCESS;
        }
        ca_free(dir);
    }
    *out = ca_wcsdup(value);
    return *out ? ERROR_SUCCESS : ca_fail_win32(h, L"allocating", ERROR_OUTOFMEMORY);
}

/* Adds one command field `"<ngen>" <rest...>` to data; FALSE (logged) when a path cannot be quoted or is too long. */
static BOOL add_command(MSIHANDLE h, cs_t *data, const WCHAR *ngen, const image_t *img, BOOL install)
{
    cs_t c;
    cs_init(&c, CA_MAX_COMMAND - 1);
    cs_printf(&c, L"\"%ls\"", ngen);
    BOOL ok = append_quoted(&c, install ? L" install " : L" uninstall ", img->file, FALSE);
    if (install) {
        if (img->priority > 0) cs_printf(&c, L" /queue:%d", img->priority);
        if (img->attributes & NGEN_DEBUG) cs_append(&c, L" /Debug");
        if (img->attributes & NGEN_PROFILE) cs_append(&c, L" /Profile");
        if (img->attributes & NGEN_NODEP) cs_append(&c, L" /NoDependencies");
        if (img->app[0]) ok = ok && append_quoted(&c, L" /ExeConfig:", img->app, FALSE);
        if (img->app_base[0]) ok = ok && append_quoted(&c, L" /AppBase:", img->app_base, TRUE);
    }
    if (!ok || c.failed) {
        ca_log(h, L"the ngen command for %ls cannot be built (a path holds a double quote, or the command is too long); skipped", img->file);
        cs_free(&c);
        return FALSE;
    }
    ca_log(h, L"to run: %ls", c.p);
    cad_put(data, c.p);
    cs_free(&c);
    return TRUE;
}

/* Reads one row into img; FALSE when the row is to be skipped (logged); *er set on a hard failure. */
static BOOL read_image(MSIHANDLE h, MSIHANDLE rec, image_t *img, UINT *er)
{
    WCHAR *id = NULL, *file_id = NULL, *raw = NULL, *app = NULL;
    BOOL ok = FALSE;
    *er = ca_record_string(h, rec, 1, &id);
    if (*er == ERROR_SUCCESS) *er = ca_record_string(h, rec, 2, &file_id);
    if (*er != ERROR_SUCCESS) goto done;
    img->priority = ca_record_int(rec, 3, 3);
    img->attributes = ca_record_int(rec, 4, 0);
    cs_t t;
    cs_init(&t, CA_MAX_PATH);
    cs_printf(&t, L"[#%ls]", file_id);
    *er = t.failed ? ERROR_INSTALL_FAILURE : ca_format(h, t.p, &img->file);
    cs_free(&t);
    if (*er == ERROR_SUCCESS) *er = ca_record_string(h, rec, 5, &raw);
    if (*er == ERROR_SUCCESS) *er = ca_format(h, raw, &app);
    if (*er == ERROR_SUCCESS) *er = resolve_file(h, app, &img->app);
    ca_free(raw);
    raw = NULL;
    if (*er == ERROR_SUCCESS) *er = ca_record_string(h, rec, 6, &raw);
    ca_free(app);
    app = NULL;
    if (*er == ERROR_SUCCESS) *er = ca_format(h, raw, &app);
    if (*er == ERROR_SUCCESS) *er = resolve_directory(h, app, &img->app_base);
    if (*er != ERROR_SUCCESS) goto done;
    if (!(img->attributes & (NGEN_32BIT | NGEN_64BIT))) {
        ca_log(h, L"native image %ls selects neither the 32-bit nor the 64-bit framework (Attributes %d); skipped", id, img->attributes);
    } else if (img->file[0] == 0) {
        ca_log(h, L"native image %ls: file %ls has no path; skipped", id, file_id);
    } else {
        ok = TRUE;
    }
done:
    ca_free(id);
    ca_free(file_id);
    ca_free(raw);
    ca_free(app);
    return ok;
}

/* TRUE when the file's component puts it into the global assembly cache (an MsiAssembly row without File_Application). */
static BOOL in_gac(MSIHANDLE h, const WCHAR *component)
{
    if (!ca_table_exists(h, L"MsiAssembly")) return FALSE;
    MSIHANDLE db = MsiGetActiveDatabase(h), view = 0, rec = 0, param = MsiCreateRecord(1);
    BOOL gac = FALSE;
    if (db && param && MsiRecordSetStringW(param, 1, component) == ERROR_SUCCESS
            && MsiDatabaseOpenViewW(db, L"SELECT `File_Application` FROM `MsiAssembly` WHERE `Component_` = ?", &view) == ERROR_SUCCESS
            && MsiViewExecute(view, param) == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        gac = MsiRecordIsNull(rec, 1);
    }
    if (rec) MsiCloseHandle(rec);
    if (view) MsiCloseHandle(view);
    if (param) MsiCloseHandle(param);
    if (db) MsiCloseHandle(db);
    return gac;
}

static UINT set_both(MSIHANDLE h, ca_gen_t gen, ni_action_t deferred, ni_action_t commit, const cs_t *data)
{
    if (data->len == 0) return ERROR_SUCCESS;
    UINT er = ca_set_property(h, action_name(gen, deferred), data->p);
    if (er == ERROR_SUCCESS) er = ca_set_property(h, action_name(gen, commit), data->p);
    return er;
}

CA_EXPORT SchedNetFx(MSIHANDLE h)
{
    ca_log_begin(h, L"SchedNetFx");
    ca_gen_t gen = ca_generation(h, L"Wix4NetFxNativeImage", L"NetFxNativeImage");
    if (gen == CA_GEN_NONE) {
        ca_log(h, L"the package has no Wix4NetFxNativeImage or NetFxNativeImage table: nothing to do");
        return ERROR_SUCCESS;
    }
    WCHAR *windows = NULL;
    UINT result = ca_get_property(h, L"WindowsFolder", &windows);
    if (result != ERROR_SUCCESS) return result;
    WCHAR *ngen[2] = {find_ngen(h, windows, FALSE), find_ngen(h, windows, TRUE)};
    ca_free(windows);
    const WCHAR *sql = gen == CA_GEN_V4
        ? L"SELECT `Wix4NetFxNativeImage`.`NetFxNativeImage`, `Wix4NetFxNativeImage`.`File_`, `Wix4NetFxNativeImage`.`Priority`, `Wix4NetFxNativeImage`.`Attributes`, "
          L"`Wix4NetFxNativeImage`.`File_Application`, `Wix4NetFxNativeImage`.`Directory_ApplicationBase`, `File`.`Component_` "
          L"FROM `Wix4NetFxNativeImage`, `File` WHERE `File`.`File` = `Wix4NetFxNativeImage`.`File_`"
        : L"SELECT `NetFxNativeImage`.`NetFxNativeImage`, `NetFxNativeImage`.`File_`, `NetFxNativeImage`.`Priority`, `NetFxNativeImage`.`Attributes`, "
          L"`NetFxNativeImage`.`File_Application`, `NetFxNativeImage`.`Directory_ApplicationBase`, `File`.`Component_` "
          L"FROM `NetFxNativeImage`, `File` WHERE `File`.`File` = `NetFxNativeImage`.`File_`";
    cs_t install, uninstall;
    cs_init(&install, CA_MAX_VALUE);
    cs_init(&uninstall, CA_MAX_VALUE);
    BOOL used_install[2] = {FALSE, FALSE}, used_uninstall[2] = {FALSE, FALSE};
    MSIHANDLE view = 0, rec = 0;
    if (ca_open_view(h, sql, &view) != ERROR_SUCCESS) {
        result = ERROR_INSTALL_FAILURE;
        goto done;
    }
    while (result == ERROR_SUCCESS && MsiViewFetch(view, &rec) == ERROR_SUCCESS) {
        image_t img = {0};
        WCHAR *component = NULL;
        ca_change_t change;
        if (!read_image(h, rec, &img, &result) || ca_record_string(h, rec, 7, &component) != ERROR_SUCCESS) goto next;
        if (!ca_component_change(h, component, &change)) goto next;
        BOOL installing = change.installing || change.reinstalling;
        if (!installing && !change.removing) goto next;
        if (in_gac(h, component)) {
            ca_log(h, L"%ls goes into the global assembly cache: its native image is not made (naming it by strong name is not implemented)", img.file);
            goto next;
        }
        for (int fw = 0; fw < 2; fw++) {
            if (!(img.attributes & (fw ? NGEN_64BIT : NGEN_32BIT)) || ngen[fw] == NULL) continue;
            if (add_command(h, installing ? &install : &uninstall, ngen[fw], &img, installing)) {
                (installing ? used_install : used_uninstall)[fw] = TRUE;
            }
        }
    next:
        image_free(&img);
        ca_free(component);
        MsiCloseHandle(rec);
        rec = 0;
    }
    MsiCloseHandle(view);
    for (int fw = 0; fw < 2; fw++) {
        cs_t *lists[2] = {&install, &uninstall};
        BOOL used[2] = {used_install[fw], used_uninstall[fw]};
        for (int l = 0; l < 2; l++) {
            if (!used[l]) continue;
            cs_t c;
            cs_init(&c, CA_MAX_COMMAND - 1);
            cs_printf(&c, L"\"%ls\" update /queue", ngen[fw]);
            if (!c.failed) cad_put(lists[l], c.p);
            cs_free(&c);
        }
    }
    if (result == ERROR_SUCCESS && (install.failed || uninstall.failed)) {
        ca_log(h, L"the ngen commands do not fit in CustomActionData");
        result = ERROR_INSTALL_FAILURE;
    }
    if (result == ERROR_SUCCESS) result = set_both(h, gen, NI_INSTALL, NI_COMMIT_INSTALL, &install);
    if (result == ERROR_SUCCESS) result = set_both(h, gen, NI_UNINSTALL, NI_COMMIT_UNINSTALL, &uninstall);
done:
    cs_free(&install);
    cs_free(&uninstall);
    ca_free(ngen[0]);
    ca_free(ngen[1]);
    return result;
}

CA_EXPORT ExecNetFx(MSIHANDLE h)
{
    ca_log_begin(h, L"ExecNetFx");
    WCHAR *data = NULL;
    UINT er = ca_get_property(h, L"CustomActionData", &data);
    if (er != ERROR_SUCCESS) return er;
    cad_reader_t r;
    cad_open(&r, data);
    unsigned ran = 0, failed = 0;
    while (cad_more(&r)) {
        WCHAR *command = cad_get(&r);
        if (command == NULL) break;
        ca_log(h, L"running %ls", command);
        if (command[0] != L'"' || ca_run_command(h, command, TRUE, FALSE) != ERROR_SUCCESS) {
            ca_log(h, L"the ngen command failed; going on with the next one");
            failed++;
        }
        ran++;
        ca_free(command);
    }
    ca_free(data);
    if (r.failed) return cad_fail(h, &r);
    ca_log(h, L"%u ngen command(s) run, %u failed", ran, failed);
    return ERROR_SUCCESS;
}
