/*
 * ssprkit custom-action library: shared declarations.
 *
 * Every entry point is a Windows Installer DLL custom action, UINT __stdcall Entry(MSIHANDLE). Entry points keep the
 * public names of the WiX util and firewall extensions (so existing sources that name them work); everything behind
 * them is ssprkit's own design: logging through MsiProcessMessage, bounded wide-string buffers, and a length-prefixed
 * CustomActionData encoding shared by our scheduling (immediate) and executing (deferred) halves.
 *
 * Rules for every file of this library:
 *  - every buffer has a capacity checked before each write (cs_* below); a value that does not fit fails the action
 *    with a log line, it is never truncated silently;
 *  - untrusted input (properties, CustomActionData, table cells, files) is validated before use;
 *  - no command line is ever assembled from property values: the exec family runs exactly the command the package
 *    author wrote (after MSI formatting), as WiX documents.
 */
#ifndef SSPRKIT_CA_H
#define SSPRKIT_CA_H

#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#define WIN32_LEAN_AND_MEAN
#define COBJMACROS

#include <windows.h>
#include <msi.h>
#include <msiquery.h>
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

#define CA_EXPORT UINT __stdcall

/* Upper bounds. A property or CustomActionData longer than CA_MAX_VALUE characters is refused (64 Mi UTF-16 units
 * is far beyond any real package and keeps every allocation below 128 MiB). */
#define CA_MAX_VALUE (64u * 1024u * 1024u)
/* Longest path we build or accept (the extended-length limit of the Windows file APIs). */
#define CA_MAX_PATH 32767u
/* Longest command line CreateProcess accepts. */
#define CA_MAX_COMMAND 32767u
/* Longest single log line (longer text is split into several lines, never dropped). */
#define CA_LOG_LINE 1024u
/* Deepest folder tree RemoveFolderEx walks. */
#define CA_MAX_DEPTH 256u
/* Largest file an XmlFile rollback copy keeps. */
#define CA_MAX_ROLLBACK_FILE (16u * 1024u * 1024u)

/* ---- growable, bounded wide string (cs = "checked string") ---- */
typedef struct {
    WCHAR *p;       /* always NUL-terminated when ok */
    size_t len;     /* characters, without the NUL */
    size_t cap;     /* characters allocated, including room for the NUL */
    size_t limit;   /* most characters this string may ever hold */
    BOOL failed;    /* set once an append did not fit or memory ran out; later appends do nothing */
} cs_t;

void cs_init(cs_t *s, size_t limit);
void cs_free(cs_t *s);
BOOL cs_append(cs_t *s, const WCHAR *text);
BOOL cs_append_n(cs_t *s, const WCHAR *text, size_t n);
BOOL cs_append_char(cs_t *s, WCHAR c);
BOOL cs_append_uint(cs_t *s, unsigned long long v);
BOOL cs_printf(cs_t *s, const WCHAR *fmt, ...);
/* Takes the text: the caller frees it with ca_free. NULL when the string failed. */
WCHAR *cs_take(cs_t *s);

void *ca_alloc(size_t bytes);      /* zeroed; NULL on failure or when bytes is 0 */
void ca_free(void *p);
WCHAR *ca_wcsdup(const WCHAR *s);  /* NULL on failure */
size_t ca_wcslen_bounded(const WCHAR *s, size_t max); /* max+1 when longer than max */

/* ---- logging into the MSI log (INSTALLMESSAGE_INFO), formatted with printf-style %ls/%lu/%d... ---- */
void ca_log(MSIHANDLE h, const WCHAR *fmt, ...);
/* Logs long text (a program's output) as several lines, each prefixed. */
void ca_log_text(MSIHANDLE h, const WCHAR *prefix, const WCHAR *text, size_t len);
/* The action name used as every log line's prefix of this call ("WixQuietExec: ..."). */
void ca_log_begin(MSIHANDLE h, const WCHAR *entry);
/* Logs "<what> failed: <Win32 message> (error N)" and returns ERROR_INSTALL_FAILURE. */
UINT ca_fail_win32(MSIHANDLE h, const WCHAR *what, DWORD error);
UINT ca_fail_hr(MSIHANDLE h, const WCHAR *what, HRESULT hr);

/* ---- properties ---- */
/* The property's raw value; *out is "" when unset. ERROR_SUCCESS, or a logged failure (too long, out of memory). */
UINT ca_get_property(MSIHANDLE h, const WCHAR *name, WCHAR **out);
/* The property's value run through MsiFormatRecord ([Property] references, [#file], [\[]...). */
UINT ca_get_formatted_property(MSIHANDLE h, const WCHAR *name, WCHAR **out);
/* MsiFormatRecord of a literal template. */
UINT ca_format(MSIHANDLE h, const WCHAR *templ, WCHAR **out);
UINT ca_set_property(MSIHANDLE h, const WCHAR *name, const WCHAR *value);
/* Mode: TRUE inside the install script (deferred, rollback or commit). */
BOOL ca_is_deferred(MSIHANDLE h);

/* ---- database (immediate actions only) ---- */
/* TRUE when the active database has this table. */
BOOL ca_table_exists(MSIHANDLE h, const WCHAR *table);
/* Opens and executes a view; *view is 0 on failure (logged). */
UINT ca_open_view(MSIHANDLE h, const WCHAR *sql, MSIHANDLE *view);
/* A record's string field (freshly allocated, "" for null). */
UINT ca_record_string(MSIHANDLE h, MSIHANDLE rec, UINT field, WCHAR **out);
/* A record's integer field, or def when null. */
int ca_record_int(MSIHANDLE rec, UINT field, int def);
/* TRUE when the component is being installed (local or source) / removed in this transaction. */
BOOL ca_component_installing(MSIHANDLE h, const WCHAR *component);
BOOL ca_component_removing(MSIHANDLE h, const WCHAR *component);
/* What a transaction does with a component, in WiX's terms: installing = asked to be local or from source, or left as
 * it is while present; reinstalling = asked to be local, from source or default while present; removing = asked to be
 * absent (or removed) while present. FALSE (logged) when the component has no state. */
typedef struct { BOOL installing, reinstalling, removing; } ca_change_t;
BOOL ca_component_change(MSIHANDLE h, const WCHAR *component, ca_change_t *c);
/* Schedules a deferred, rollback or commit action with its CustomActionData. */
UINT ca_schedule(MSIHANDLE h, const WCHAR *action, const WCHAR *data);
/* TRUE when the CustomAction table has this action (used to pick WiX v3 or v4 action names). */
BOOL ca_action_exists(MSIHANDLE h, const WCHAR *action);

/* The schema generation a package uses, told by which of a family's tables it has. */
typedef enum { CA_GEN_NONE = 0, CA_GEN_V3 = 3, CA_GEN_V4 = 4 } ca_gen_t;

/* The suffixes of the deferred actions this DLL schedules, as the compiler names them (ActionNames.java): WiX v4's
 * _X86/_X64/_A64, and v3's none/_64 (our arm64 build keeps _A64 for v3 too). */
#if defined(__aarch64__)
# define CA_ARCH_V4 L"_A64"
# define CA_ARCH_V3 L"_A64"
#elif defined(_WIN64)
# define CA_ARCH_V4 L"_X64"
# define CA_ARCH_V3 L"_64"
#else
# define CA_ARCH_V4 L"_X86"
# define CA_ARCH_V3 L""
#endif
ca_gen_t ca_generation(MSIHANDLE h, const WCHAR *v4_table, const WCHAR *v3_table);

/* ---- CustomActionData: fields encoded as <decimal length>:<characters>, concatenated ---- */
void cad_put(cs_t *data, const WCHAR *field);
void cad_put_n(cs_t *data, const WCHAR *field, size_t n);
void cad_put_int(cs_t *data, long long v);
void cad_put_hex(cs_t *data, const BYTE *bytes, size_t n);

typedef struct {
    const WCHAR *p;
    size_t len;
    size_t pos;
    BOOL failed;
    const WCHAR *why; /* first problem found (static text) */
} cad_reader_t;

void cad_open(cad_reader_t *r, const WCHAR *data);
BOOL cad_more(const cad_reader_t *r);
/* The next field as a fresh string; NULL (and r->failed) when malformed. */
WCHAR *cad_get(cad_reader_t *r);
/* The next field as an integer in [min, max]; r->failed when malformed or out of range. */
long long cad_get_int(cad_reader_t *r, long long min, long long max);
/* The next field as hex bytes (caller frees *bytes). */
BOOL cad_get_hex(cad_reader_t *r, BYTE **bytes, size_t *n, size_t max);
/* Logs why the data was rejected and returns ERROR_INSTALL_FAILURE. */
UINT cad_fail(MSIHANDLE h, const cad_reader_t *r);

/* ---- running a program (util/exec.c) ---- */
/* Runs the command line (its program quoted) without a window and waits for it; each output line is logged unless
 * log_output is FALSE. ERROR_SUCCESS for exit code 0; otherwise a logged failure. view64: the 64-bit file-system view. */
UINT ca_run_command(MSIHANDLE h, WCHAR *command, BOOL log_output, BOOL view64);

/* ---- files ---- */
BOOL ca_path_is_directory(const WCHAR *path);
BOOL ca_path_exists(const WCHAR *path);
/* Reads a whole file of at most max bytes. */
DWORD ca_read_file(const WCHAR *path, BYTE **bytes, size_t *n, size_t max);
/* Writes a whole file through a temporary sibling and a replacing move. */
DWORD ca_write_file(const WCHAR *path, const BYTE *bytes, size_t n);
/* Creates every missing folder of path (path itself included). */
DWORD ca_create_folders(const WCHAR *path);

/* ---- 64-bit file system view for 32-bit code on 64-bit Windows (the *64 entry points) ---- */
typedef struct { PVOID old; BOOL active; } ca_wow64_t;
void ca_wow64_disable_redirection(MSIHANDLE h, ca_wow64_t *w);
void ca_wow64_restore(ca_wow64_t *w);

/* ---- reboot note shared between deferred actions and WixCheckRebootRequired ---- */
void ca_note_reboot_required(MSIHANDLE h);
BOOL ca_take_reboot_note(void);

#endif
